package dev.kelas.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parent accounts through the real services: an administrator creates a PARENT and two STUDENT accounts in
 * auth-service, links the parent to one student in learning-service (once learning-service has heard of both from
 * {@code kelas.auth.user.registered}) and writes both students' records, the teacher grades both students and releases one assignment, and the parent
 * sees their child's record and released grade, nothing of the unreleased one and nothing of the other student.
 */
class ParentFlowTests {
    @Test
    void shouldShowAParentOnlyTheirOwnChildsReleasedGrades() {
        School school = School.register(KelasSystem.get(), "Parent School");
        School.Person teacher = school.createUser("TEACHER", "Tara Teacher");
        School.Person child = school.createUser("STUDENT", "Kim Child");
        School.Person classmate = school.createUser("STUDENT", "Lee Classmate");
        School.Person parent = school.createUser("PARENT", "Pia Parent");
        String classId = school.createClass(teacher, "History 7");
        school.enroll(teacher, classId, child);
        school.enroll(teacher, classId, classmate);

        // learning-service answers 404 until it has projected both accounts.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int status = school.as(school.admin, "learning-service")
                    .put("/api/v1/students/{s}/guardians/{p}", child.id(), parent.id()).statusCode();
            if (status != 201 && status != 404) {
                throw new AssertionError("linking answered " + status);
            }
            return status == 201;
        });
        for (School.Person student : List.of(child, classmate)) {
            school.as(school.admin, "learning-service").body(Map.of("studentNumber", "N-" + student.id().substring(0, 8),
                            "dateOfBirth", "2013-04-05", "gradeLevel", 7, "homeroomClassId", classId,
                            "guardianContacts", List.of(Map.of("name", "Pia Parent", "relationship", "mother", "phone", "+62 812 0000 0001"))))
                    .put("/api/v1/students/{s}/record", student.id()).then().statusCode(201);
        }
        school.as(parent, "learning-service").get("/api/v1/students/{s}/record", child.id()).then().statusCode(200)
                .body("homeroomClassId", equalTo(classId)).body("guardianContacts[0].name", equalTo("Pia Parent"));
        school.as(parent, "learning-service").get("/api/v1/students/{s}/record", classmate.id()).then().statusCode(403);
        school.as(parent, "learning-service").get("/api/v1/students/children").then().statusCode(200)
                .body("", hasSize(1)).body("[0].studentId", equalTo(child.id())).body("[0].classIds", equalTo(List.of(classId)))
                .body("[0].studentNumber", equalTo("N-" + child.id().substring(0, 8))).body("[0].gradeLevel", equalTo(7));

        Instant due = Instant.now().plus(Duration.ofDays(7));
        String released = school.publishAssignment(teacher, classId, "Essay on the Silk Road", "ESSAY", 10, due);
        String hidden = school.publishAssignment(teacher, classId, "Essay on empires", "ESSAY", 10, due);
        for (School.Person student : List.of(child, classmate)) {
            school.as(teacher, "learning-service").body(Map.of("points", 8, "feedback", "Well sourced"))
                    .put("/api/v1/assignments/{a}/grades/{s}", released, student.id()).then().statusCode(200);
            school.as(teacher, "learning-service").body(Map.of("points", 3, "feedback", "Not yet out"))
                    .put("/api/v1/assignments/{a}/grades/{s}", hidden, student.id()).then().statusCode(200);
        }
        school.as(teacher, "learning-service").post("/api/v1/assignments/{a}/release", released).then().statusCode(200);

        school.as(parent, "learning-service").get("/api/v1/students/{s}/grades", child.id()).then().statusCode(200)
                .body("find { it.assignmentId == '%s' }.score".formatted(released), equalTo(8.0f))
                .body("find { it.assignmentId == '%s' }.feedback".formatted(released), equalTo("Well sourced"))
                .body("find { it.assignmentId == '%s' }.released".formatted(hidden), equalTo(false))
                .body("find { it.assignmentId == '%s' }".formatted(hidden), not(hasKey("score")));
        school.as(parent, "learning-service").get("/api/v1/students/{s}/grades", classmate.id()).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        school.as(parent, "learning-service").get("/api/v1/students/{s}/attendance", classmate.id()).then().statusCode(404);
        school.as(parent, "learning-service").get("/api/v1/behavior/students/{s}", classmate.id()).then().statusCode(403);
        school.as(parent, "learning-service").body(Map.of("points", 10))
                .put("/api/v1/assignments/{a}/grades/{s}", hidden, child.id()).then().statusCode(403);
        // A parent is not an administrator in auth-service either.
        school.as(parent, "auth-service").get("/api/v1/users").then().statusCode(403);
    }
}
