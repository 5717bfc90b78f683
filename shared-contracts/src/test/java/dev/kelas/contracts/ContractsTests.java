package dev.kelas.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.contracts.events.UserUpdated;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractsTests {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void shouldRoundTripAnEnvelopeInCloudEventsStructuredMode() throws Exception {
        SubmissionGraded graded = new SubmissionGraded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), Verdict.WRONG_ANSWER, new BigDecimal("5"), new BigDecimal("10"),
                List.of(Verdict.ACCEPTED, Verdict.WRONG_ANSWER), Instant.parse("2026-11-24T10:00:00Z"));
        EventEnvelope<SubmissionGraded> envelope = EventEnvelope.of(UUID.randomUUID(), "/kelas/lab-service",
                Subjects.LAB_SUBMISSION_GRADED, graded.submissionId().toString(), graded.occurredAt(), UUID.randomUUID(), null, graded);

        JsonNode json = JSON.valueToTree(envelope);
        assertEquals("1.0", json.get("specversion").asText());
        assertEquals("kelas.lab.submission.graded", json.get("type").asText());
        assertEquals("2026-11-24T10:00:00Z", json.get("time").asText());
        assertEquals("application/json", json.get("datacontenttype").asText());
        assertEquals(envelope.tenantid().toString(), json.get("tenantid").asText());

        EventEnvelope<JsonNode> read = JSON.readValue(JSON.writeValueAsBytes(envelope), new TypeReference<>() {
        });
        assertEquals(graded, JSON.treeToValue(read.data(), SubmissionGraded.class));
    }

    @Test
    void shouldReadSubmissionGradedFromProducersWithoutSubmittedAt() throws Exception {
        String old = """
                {"submissionId":"%s","taskId":"%s","assignmentId":"%s","classId":"%s","studentId":"%s",
                 "verdict":"ACCEPTED","score":3,"maxScore":4,"tests":["ACCEPTED"],"occurredAt":"2026-11-24T10:00:00Z"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        SubmissionGraded read = JSON.readValue(old, SubmissionGraded.class);
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), read.occurredAt());
        assertEquals(null, read.submittedAt());
        assertEquals(0, new BigDecimal("3").compareTo(read.score()));
    }

    @Test
    void shouldNameEverySubjectKelasDomainEntityEvent() throws Exception {
        for (Field field : Subjects.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().endsWith("_PREFIX")) {
                String subject = (String) field.get(null);
                assertTrue(subject.matches("kelas\\.(auth|learning|lab)\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*"), subject);
                assertTrue(java.util.Arrays.stream(Subjects.Stream.values())
                        .anyMatch(s -> subject.startsWith(s.subjects().replace(">", ""))), subject + " has no stream");
            }
        }
    }

    @Test
    void shouldDependOnNothingButTheJdk() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("dev.kelas.contracts..", "java..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.kelas.contracts"));
    }

    @Test
    void shouldRouteEveryEventRecordByItself() throws Exception {
        Set<String> subjects = new HashSet<>();
        for (Field field : Subjects.class.getFields()) {
            if (field.getType() == String.class && !field.getName().endsWith("_PREFIX")) {
                subjects.add((String) field.get(null));
            }
        }
        var events = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kelas.contracts.events");
        int checked = 0;
        for (var javaClass : events) {
            Class<?> type = javaClass.reflect();
            if (!type.isRecord() || type.getEnclosingClass() != null) {
                continue;
            }
            assertTrue(KelasEvent.class.isAssignableFrom(type), type.getSimpleName() + " is not a KelasEvent");
            KelasEvent event = (KelasEvent) sample(type);
            assertTrue(subjects.contains(event.subject()), type.getSimpleName() + " names no Subjects constant: " + event.subject());
            assertTrue(event.aggregateType().matches("[a-z]+"), event.aggregateType());
            assertEquals(SAMPLE_ID, event.aggregateId(), type.getSimpleName() + " takes its aggregate id from its first id");
            JsonNode json = JSON.valueToTree(event);
            assertEquals(type.getRecordComponents().length, json.size(), type.getSimpleName() + " writes more than its components: " + json);
            checked++;
        }
        assertTrue(checked >= 14, "only " + checked + " event records found");
    }

    @Test
    void shouldPublishAnActivationChangeOnItsOwnSubject() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        assertEquals(Subjects.AUTH_USER_DEACTIVATED, new UserUpdated(SAMPLE_ID, SAMPLE_ID, "A", Role.STUDENT, false, now).activationSubject());
        assertEquals(Subjects.AUTH_USER_ACTIVATED, new UserUpdated(SAMPLE_ID, SAMPLE_ID, "A", Role.STUDENT, true, now).activationSubject());
    }

    private static final UUID SAMPLE_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    /** A record built with SAMPLE_ID for its first UUID component, other UUIDs random and plain values elsewhere. */
    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean firstId = true;
        for (int i = 0; i < components.length; i++) {
            Class<?> c = components[i].getType();
            types[i] = c;
            if (c == UUID.class) {
                values[i] = firstId ? SAMPLE_ID : UUID.randomUUID();
                firstId = false;
            } else if (c == String.class) {
                values[i] = "x";
            } else if (c == Instant.class) {
                values[i] = Instant.parse("2026-12-06T10:00:00Z");
            } else if (c == BigDecimal.class) {
                values[i] = BigDecimal.ONE;
            } else if (c == int.class) {
                values[i] = 1;
            } else if (c == boolean.class) {
                values[i] = true;
            } else if (c == List.class) {
                values[i] = List.of();
            } else if (c.isEnum()) {
                values[i] = c.getEnumConstants()[0];
            }
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }
}
