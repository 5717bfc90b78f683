package dev.kelas.learning.records;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.contracts.Role;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Student records: an administrator's PUT with ETag/If-Match, a student number unique per school, a date of birth in
 * the past, validated guardian contacts, a homeroom class of the same school, and who may read a record.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class StudentRecordTests {
    TestSchool school;
    TestSchool.Classroom classroom;
    Person student;
    Person classmate;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        classroom = school.classroom("Hana Homeroom", "8B", "Rina Record", "Sol Second");
        student = classroom.students().get(0);
        classmate = classroom.students().get(1);
    }

    @Test
    void shouldCreateThenReplaceRecordAndRefuseStaleIfMatch() {
        as(school.admin).body(record("S-0001")).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(201)
                .header("ETag", "\"0\"").body("studentNumber", equalTo("S-0001")).body("dateOfBirth", equalTo("2012-03-04"))
                .body("gradeLevel", equalTo(8)).body("homeroomClassId", equalTo(classroom.classId()))
                .body("guardianContacts", hasSize(1)).body("guardianContacts[0].relationship", equalTo("mother"));

        Map<String, Object> changed = record("S-0001");
        changed.put("gradeLevel", 9);
        changed.put("guardianContacts", List.of(Map.of("name", "Ira Record", "relationship", "father", "phone", "+62 21 555-0101")));
        as(school.admin).header("If-Match", "\"0\"").body(changed).put("/api/v1/students/{id}/record", student.sid()).then()
                .statusCode(200).header("ETag", "\"1\"").body("gradeLevel", equalTo(9))
                .body("guardianContacts", hasSize(1)).body("guardianContacts[0].relationship", equalTo("father"))
                .body("guardianContacts[0].email", nullValue());

        Map<String, Object> stale = record("S-0001");
        stale.put("gradeLevel", 10);
        as(school.admin).header("If-Match", "\"0\"").body(stale).put("/api/v1/students/{id}/record", student.sid()).then()
                .statusCode(412).contentType("application/problem+json").body("code", equalTo("PRECONDITION_FAILED"));
        as(student).get("/api/v1/students/{id}/record", student.sid()).then().statusCode(200).header("ETag", "\"1\"")
                .body("gradeLevel", equalTo(9)).body("guardianContacts[0].name", equalTo("Ira Record"));
        assertEquals(1, TestSchool.count("select count(*) from student_guardian_contact where record_id = ?", student.id()));
    }

    @Test
    void shouldRefuseAStudentNumberAnotherStudentOfTheSchoolHas() {
        as(school.admin).body(record("S-0002")).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(201);

        as(school.admin).body(record("S-0002")).put("/api/v1/students/{id}/record", classmate.sid()).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("STUDENT_NUMBER_TAKEN"))
                .body("errors[0].field", equalTo("studentNumber"));
        assertEquals(0, TestSchool.count("select count(*) from student_record where id = ?", classmate.id()));
        // Another school may use the same number.
        TestSchool other = TestSchool.create();
        Person elsewhere = other.user(Role.STUDENT, "Eli Elsewhere");
        Map<String, Object> theirs = record("S-0002");
        theirs.remove("homeroomClassId");
        as(other.admin).body(theirs).put("/api/v1/students/{id}/record", elsewhere.sid()).then().statusCode(201);
        // Saving a record again with its own number is no clash.
        as(school.admin).body(record("S-0002")).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(200);
    }

    @Test
    void shouldRefuseADateOfBirthThatIsNotInThePast() {
        Map<String, Object> future = record("S-0003");
        future.put("dateOfBirth", LocalDate.now().plusDays(1).toString());
        as(school.admin).body(future).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors[0].field", equalTo("dateOfBirth"));
        Map<String, Object> malformed = record("S-0003");
        malformed.put("dateOfBirth", "2012-02-30");
        as(school.admin).body(malformed).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, TestSchool.count("select count(*) from student_record where id = ?", student.id()));
    }

    @Test
    void shouldValidateGuardianContacts() {
        Map<String, Object> badEmail = record("S-0004");
        badEmail.put("guardianContacts", List.of(Map.of("name", "Mia", "relationship", "aunt", "email", "not-an-address")));
        as(school.admin).body(badEmail).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("guardianContacts[0].email"));

        Map<String, Object> badPhone = record("S-0004");
        badPhone.put("guardianContacts", List.of(Map.of("name", "Mia", "relationship", "aunt", "phone", "call me")));
        as(school.admin).body(badPhone).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(400)
                .body("errors[0].field", equalTo("guardianContacts[0].phone"));

        Map<String, Object> unreachable = record("S-0004");
        unreachable.put("guardianContacts", List.of(Map.of("name", "Mia", "relationship", "aunt", "phone", "+1 555 0100"),
                Map.of("name", "Noor", "relationship", "grandmother")));
        as(school.admin).body(unreachable).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(422)
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("guardianContacts[1]"));
        assertEquals(0, TestSchool.count("select count(*) from student_record where id = ?", student.id()));
    }

    @Test
    void shouldRefuseAHomeroomClassOfAnotherSchoolAndANonStudent() {
        TestSchool other = TestSchool.create();
        other.createTerm("2026/2027", 1, true);
        String theirClass = other.createClass(other.user(Role.TEACHER, "Tom Their"), "Other 8B");
        Map<String, Object> foreign = record("S-0005");
        foreign.put("homeroomClassId", theirClass);
        as(school.admin).body(foreign).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(422)
                .body("errors[0].field", equalTo("homeroomClassId"));

        as(school.admin).body(record("S-0005")).put("/api/v1/students/{id}/record", classroom.teacher().sid()).then().statusCode(422)
                .body("errors[0].field", equalTo("studentId"));
        Person foreignStudent = other.user(Role.STUDENT, "Fay Foreign");
        as(school.admin).body(record("S-0005")).put("/api/v1/students/{id}/record", foreignStudent.sid()).then().statusCode(404);
        assertEquals(0, TestSchool.count("select count(*) from student_record where tenant_id = ?", school.tenantId));
    }

    @Test
    void shouldLetTheStudentTheirTeachersAndAdminsReadTheRecordAndOnlyAdminsWriteIt() {
        as(school.admin).body(record("S-0006")).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(201);
        Person stranger = school.user(Role.TEACHER, "Uma Unrelated");

        as(student).get("/api/v1/students/{id}/record", student.sid()).then().statusCode(200);
        as(classroom.teacher()).get("/api/v1/students/{id}/record", student.sid()).then().statusCode(200);
        as(classmate).get("/api/v1/students/{id}/record", student.sid()).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(stranger).get("/api/v1/students/{id}/record", student.sid()).then().statusCode(403);
        as(school.admin).get("/api/v1/students/{id}/record", classmate.sid()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(classroom.teacher()).body(record("S-0007")).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(403);
        as(student).body(record("S-0007")).put("/api/v1/students/{id}/record", student.sid()).then().statusCode(403);
        as(student).get("/api/v1/students/{id}/record", student.sid()).then().body("studentNumber", equalTo("S-0006"));
        as(TestSchool.create().admin).get("/api/v1/students/{id}/record", student.sid()).then().statusCode(404);
    }

    @Test
    void shouldImportRecordsFromCsvAllOrNothing() {
        String code = as(school.admin).get("/api/v1/classes/{id}", classroom.classId()).then().statusCode(200).extract().path("code");
        String header = "email,studentNumber,dateOfBirth,gradeLevel,homeroomClass,guardianName,guardianRelationship,guardianEmail,guardianPhone\n";
        String good = email(student) + ",S-0100,2012-01-02,8," + code + ",Lia Record,mother,lia@example.test,\n";
        String bad = email(classmate) + ",S-0101,2099-01-01,14,NO-SUCH-CLASS,,,,\n";
        as(school.admin).contentType("text/csv").body(header + good + bad).post("/api/v1/students/records/import").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.index", equalTo(List.of(3, 3, 3))).body("errors.field", equalTo(List.of("dateOfBirth", "gradeLevel", "homeroomClass")));
        assertEquals(0, TestSchool.count("select count(*) from student_record where tenant_id = ?", school.tenantId));

        String same = email(classmate) + ",S-0100,2012-05-06,,,,,,\n";
        as(school.admin).contentType("text/csv").body(header + good + same).post("/api/v1/students/records/import").then()
                .statusCode(422).body("errors[0].index", equalTo(3)).body("errors[0].code", equalTo("STUDENT_NUMBER_TAKEN"));

        String fixed = email(classmate) + ",S-0101,2012-05-06,8,,,,,+62 21 555 0199\n";
        as(school.admin).contentType("text/csv").body(header + good + fixed).post("/api/v1/students/records/import").then()
                .statusCode(422).body("errors[0].field", equalTo("guardianName"));
        String fixedAgain = email(classmate) + ",S-0101,2012-05-06,8,,Gus Guard,uncle,,+62 21 555 0199\n";
        as(school.admin).contentType("text/csv").body(header + good + fixedAgain).post("/api/v1/students/records/import").then()
                .statusCode(200).body("rows", equalTo(2)).body("created", equalTo(2)).body("replaced", equalTo(0));
        as(school.admin).get("/api/v1/students/{id}/record", student.sid()).then().statusCode(200)
                .body("studentNumber", equalTo("S-0100")).body("homeroomClassId", equalTo(classroom.classId()))
                .body("guardianContacts[0].email", equalTo("lia@example.test"));

        // Without guardian columns a row keeps the stored contacts.
        as(school.admin).contentType("text/csv").body("email,studentNumber,dateOfBirth\n" + email(student) + ",S-0102,2012-01-02\n")
                .post("/api/v1/students/records/import").then().statusCode(200).body("created", equalTo(0)).body("replaced", equalTo(1));
        as(school.admin).get("/api/v1/students/{id}/record", student.sid()).then().header("ETag", "\"1\"")
                .body("studentNumber", equalTo("S-0102")).body("homeroomClassId", nullValue())
                .body("guardianContacts[0].name", equalTo("Lia Record"));
        as(school.admin).contentType("text/csv").body("name,number\nx,y\n").post("/api/v1/students/records/import").then()
                .statusCode(422).body("errors[0].field", equalTo("file"));
        as(classroom.teacher()).contentType("text/csv").body(header + good).post("/api/v1/students/records/import").then().statusCode(403);
    }

    @Test
    void shouldAnswerConflictNotServerErrorWhenTwoAdminsCreateTheSameFirstRecordAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                Person fresh = school.user(Role.STUDENT, "Race Student " + round);
                Map<String, Object> body = record("R-" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return as(school.admin).body(body).put("/api/v1/students/{id}/record", fresh.sid());
                    }));
                }
                start.countDown();
                int created = 0;
                for (Future<Response> answer : answers) {
                    Response response = answer.get(30, TimeUnit.SECONDS);
                    int status = response.statusCode();
                    assertTrue(status == 200 || status == 201 || status == 409, "status " + status + ": " + response.asString());
                    if (status == 201) {
                        created++;
                    }
                    if (status == 409) {
                        assertEquals("application/problem+json", response.contentType());
                        assertEquals("CONFLICT", response.path("code"));
                    }
                }
                assertEquals(1, created);
                assertEquals(1, TestSchool.count("select count(*) from student_record where id = ?", fresh.id()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private String email(Person person) {
        return person.name().toLowerCase().replace(' ', '.') + "@" + school.tenantId + ".test";
    }

    private Map<String, Object> record(String number) {
        Map<String, Object> body = new HashMap<>();
        body.put("studentNumber", number);
        body.put("dateOfBirth", "2012-03-04");
        body.put("gradeLevel", 8);
        body.put("homeroomClassId", classroom.classId());
        body.put("guardianContacts", List.of(Map.of("name", "Lia Record", "relationship", "mother",
                "email", "lia." + UUID.randomUUID() + "@example.test", "phone", "+62 812 3456 7890")));
        return body;
    }
}
