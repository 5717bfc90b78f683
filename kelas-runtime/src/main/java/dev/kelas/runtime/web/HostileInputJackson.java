package dev.kelas.runtime.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.kelas.runtime.problem.StorableText;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Limits on every JSON body a Kelas service reads, so a pathological body fails fast (400
 * MALFORMED_REQUEST) instead of costing seconds: at most {@value #MAX_DEPTH} levels of nesting,
 * {@value #MAX_TOKENS} tokens (a body of 100,000 keys is refused while it is parsed), numbers of
 * {@value #MAX_NUMBER_LENGTH} digits, strings of {@value #MAX_STRING_LENGTH} characters and
 * documents of {@value #MAX_DOCUMENT_LENGTH} bytes (Jackson's {@link StreamReadConstraints}).
 * Every string is checked against {@link StorableText} (refused 422 with its field).
 */
@Singleton
public class HostileInputJackson implements ObjectMapperCustomizer {
    /** Deepest nesting of arrays and objects. */
    public static final int MAX_DEPTH = 64;
    /** Most tokens in one document (a key, a value and each bracket count one each). */
    public static final long MAX_TOKENS = 200_000;
    /** Longest number literal, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longest string value, in characters (a program's source, a statement). */
    public static final int MAX_STRING_LENGTH = 4 * 1024 * 1024;
    /** Largest document, in bytes. */
    public static final long MAX_DOCUMENT_LENGTH = 16L * 1024 * 1024;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxTokenCount(MAX_TOKENS)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(1024)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .build());
        mapper.registerModule(new SimpleModule("kelas-storable-text").addDeserializer(String.class, new StorableStrings()));
    }

    /** Jackson's own string reading, then the {@link StorableText} rule. */
    static final class StorableStrings extends StdScalarDeserializer<String> {
        StorableStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (!StorableText.isStorable(value)) {
                throw new UnstorableTextException(p);
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
            return com.fasterxml.jackson.databind.type.LogicalType.Textual;
        }
    }
}
