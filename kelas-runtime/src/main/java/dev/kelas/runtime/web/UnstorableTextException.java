package dev.kelas.runtime.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string that breaks {@link dev.kelas.runtime.problem.StorableText}; answered 422 with its field path. */
public class UnstorableTextException extends JsonMappingException {
    /** @param parser the parser positioned on the refused string */
    public UnstorableTextException(JsonParser parser) {
        super(parser, dev.kelas.runtime.problem.StorableText.MESSAGE);
    }
}
