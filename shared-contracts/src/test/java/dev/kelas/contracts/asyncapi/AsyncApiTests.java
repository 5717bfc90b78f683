package dev.kelas.contracts.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kelas.contracts.EventCatalog;
import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI 3.0 document {@code docs/asyncapi.yaml}: generated from {@link EventCatalog} and the records, the
 * catalogue complete against {@link Subjects} and the records, the checked-in file current, and the document valid
 * for the AsyncAPI parser ({@code @asyncapi/parser} from npm, run by Node; the lock file pins it). The parser must
 * also refuse a broken copy, so a validator that accepts anything fails this test. Write the file again with
 * {@code mvn -B verify -pl shared-contracts -Dtest=AsyncApiTests -Dkelas.asyncapi.write=true}.
 */
class AsyncApiTests {
    /** The AsyncAPI contract version (info.version); raise it when a payload loses or renames a member. */
    static final String CONTRACT_VERSION = "1.0.0";
    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void shouldCatalogueEverySubjectAndEveryPayloadRecord() throws Exception {
        Set<String> subjects = new TreeSet<>();
        for (Field field : Subjects.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().endsWith("_PREFIX")) {
                subjects.add((String) field.get(null));
            }
        }
        assertEquals(subjects, EventCatalog.CHANNELS.stream().map(EventCatalog.Channel::subject).collect(Collectors.toCollection(TreeSet::new)),
                "every subject of Subjects is one channel of EventCatalog");

        Set<String> records = new TreeSet<>();
        Path events = Path.of(KelasEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dev/kelas/contracts/events");
        try (Stream<Path> files = Files.list(events)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList()) {
                Class<?> type = Class.forName("dev.kelas.contracts.events." + file.getFileName().toString().replace(".class", ""));
                if (KelasEvent.class.isAssignableFrom(type)) {
                    records.add(type.getSimpleName());
                }
            }
        }
        assertFalse(records.isEmpty());
        assertEquals(records, EventCatalog.CHANNELS.stream().map(c -> c.payload().getSimpleName()).collect(Collectors.toCollection(TreeSet::new)),
                "every event record is the payload of a channel");

        List<String> wrong = new ArrayList<>();
        for (EventCatalog.Consumer consumer : EventCatalog.CONSUMERS) {
            if (EventCatalog.CHANNELS.stream().noneMatch(c -> AsyncApiDocument.matches(consumer.filterSubject(), c.subject()))) {
                wrong.add(consumer.durableName() + " reads no channel");
            }
            if (!AsyncApiDocument.matches(consumer.stream().subjects(), consumer.filterSubject().replace(">", "x"))) {
                wrong.add(consumer.durableName() + " filters outside " + consumer.stream());
            }
            if (!consumer.service().startsWith(consumer.durableName().substring(0, consumer.durableName().indexOf('-')))) {
                wrong.add(consumer.durableName() + " is not named after " + consumer.service());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldKeepTheCheckedInDocumentGeneratedFromTheContracts() throws Exception {
        String generated = AsyncApiDocument.yaml(CONTRACT_VERSION);
        if (Boolean.getBoolean("kelas.asyncapi.write")) {
            Files.writeString(DOCUMENT, generated);
        }
        assertEquals(generated, Files.readString(DOCUMENT),
                "docs/asyncapi.yaml is stale: run mvn -B verify -pl shared-contracts -Dtest=AsyncApiTests -Dkelas.asyncapi.write=true");
        JsonNode document = YAML.readTree(generated);
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertEquals("kelas.lab.submission.graded", document.at("/channels/labSubmissionGraded/address").asText());
        assertEquals("receive", document.at("/operations/learningLabGrades/action").asText());
        assertEquals("#/components/schemas/Verdict", document.at("/components/schemas/SubmissionGraded/properties/verdict/$ref").asText());
    }

    @Test
    void shouldBeValidForTheAsyncApiParserWhichRefusesABrokenCopy() throws Exception {
        Path validator = validator();
        Process valid = node(validator, DOCUMENT.toAbsolutePath());
        String validOutput = new String(valid.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(valid.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, valid.exitValue(), validOutput);
        assertTrue(validOutput.contains("VALID: AsyncAPI 3.0.0"), validOutput);

        ObjectNode broken = (ObjectNode) YAML.readTree(DOCUMENT.toFile());
        ((ObjectNode) broken.at("/operations/learningLabGrades/channel")).put("$ref", "#/channels/noSuchChannel");
        Path copy = Files.createTempFile("asyncapi-broken", ".yaml");
        YAML.writeValue(copy.toFile(), broken);
        Process invalid = node(validator, copy);
        String invalidOutput = new String(invalid.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(invalid.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, invalid.exitValue(), invalidOutput);
        assertTrue(invalidOutput.contains("noSuchChannel"), invalidOutput);
        Files.delete(copy);
    }

    /** The validator's directory under target/, its npm packages installed from the lock file once. */
    private static Path validator() throws IOException, InterruptedException {
        Path source = Path.of("src", "test", "asyncapi");
        Path target = Path.of("target", "asyncapi-validator");
        Files.createDirectories(target);
        boolean changed = false;
        for (String name : List.of("package.json", "package-lock.json", "validate.mjs")) {
            byte[] bytes = Files.readAllBytes(source.resolve(name));
            Path to = target.resolve(name);
            if (!Files.exists(to) || !java.util.Arrays.equals(bytes, Files.readAllBytes(to))) {
                Files.write(to, bytes);
                changed |= !name.endsWith(".mjs");
            }
        }
        if (changed || !Files.isDirectory(target.resolve("node_modules/@asyncapi/parser"))) {
            Process install = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(target.toFile()).redirectErrorStream(true).start();
            String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(install.waitFor(300, TimeUnit.SECONDS), "npm ci did not finish");
            assertEquals(0, install.exitValue(), "npm ci: " + output);
        }
        return target;
    }

    private static Process node(Path validator, Path document) throws IOException {
        return new ProcessBuilder("node", "validate.mjs", document.toAbsolutePath().toString())
                .directory(validator.toFile()).redirectErrorStream(true).start();
    }
}
