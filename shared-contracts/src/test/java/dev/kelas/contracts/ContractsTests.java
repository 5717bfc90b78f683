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
}
