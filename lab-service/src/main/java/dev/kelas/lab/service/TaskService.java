package dev.kelas.lab.service;

import dev.kelas.contracts.Role;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.lab.domain.CodingTask;
import dev.kelas.lab.domain.LabAssignment;
import dev.kelas.lab.domain.TestCase;
import java.math.BigDecimal;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Coding tasks and their tests. */
@ApplicationScoped
public class TaskService {
    private final LabConfig config;

    public TaskService(LabConfig config) {
        this.config = config;
    }

    /** A stored task with its tests. */
    public record TaskWithTests(CodingTask task, List<TestCase> tests) {
    }

    /**
     * What a teacher asks for: see {@code CreateTaskRequest} for units and bounds.
     *
     * @param outputKib    null for {@code kelas.lab.default-output-kib}
     * @param maxProcesses null for {@code kelas.lab.default-max-processes}
     */
    public record NewTask(String title, String language, String statement, UUID assignmentId, UUID classId,
                          int cpuSeconds, BigDecimal wallSeconds, int memoryMib, Integer outputKib, Integer maxProcesses,
                          List<NewTest> tests) {
    }

    /** One test of a new task. */
    public record NewTest(String stdin, String expectedStdout, boolean hidden, BigDecimal points) {
    }

    /**
     * Creates a task for a CODING assignment. lab-service knows an assignment once
     * {@code kelas.learning.assignment.published} has arrived, usually within a second.
     *
     * @throws NotFoundException   if the assignment is not (yet) known in the caller's school
     * @throws ValidationException for an unknown language, a class that is not the assignment's, or a non-CODING assignment
     * @throws ForbiddenException  if the caller is neither the class's teacher nor an administrator
     */
    @WithTransaction
    public Uni<TaskWithTests> createTask(Caller caller, NewTask request) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        boolean admin = caller.hasRole(Role.ADMIN);
        if (!config.languages().containsKey(request.language())) {
            throw new ValidationException("language", "Unknown language; known: " + config.languages().keySet());
        }
        return LabAssignment.findInTenant(tenantId, request.assignmentId()).chain(assignment -> {
            if (assignment == null) {
                throw new NotFoundException("assignment", request.assignmentId());
            }
            if (!assignment.classId.equals(request.classId())) {
                throw new ValidationException("classId", "The assignment belongs to another class");
            }
            if (!"CODING".equals(assignment.kind)) {
                throw new ValidationException("assignmentId", "Only a CODING assignment takes a coding task");
            }
            if (!admin && !assignment.teacherId.equals(userId)) {
                throw new ForbiddenException("Only the class's teacher or an administrator may add a coding task");
            }
            CodingTask task = new CodingTask();
            task.id = UUID.randomUUID();
            task.tenantId = tenantId;
            task.classId = assignment.classId;
            task.assignmentId = assignment.assignmentId;
            task.teacherId = assignment.teacherId;
            task.title = request.title().strip();
            task.language = request.language();
            task.statement = request.statement();
            task.cpuSeconds = request.cpuSeconds();
            task.wallSeconds = request.wallSeconds();
            task.memoryMib = request.memoryMib();
            task.outputKib = request.outputKib() != null ? request.outputKib() : config.defaultOutputKib();
            task.maxProcesses = request.maxProcesses() != null ? request.maxProcesses() : config.defaultMaxProcesses();
            task.createdBy = userId;
            task.createdAt = Instant.now();
            List<TestCase> tests = new ArrayList<>();
            for (int i = 0; i < request.tests().size(); i++) {
                NewTest given = request.tests().get(i);
                TestCase test = new TestCase();
                test.id = UUID.randomUUID();
                test.taskId = task.id;
                test.ordinal = i + 1;
                test.stdin = given.stdin();
                test.expectedStdout = given.expectedStdout();
                test.hidden = given.hidden();
                test.points = given.points();
                tests.add(test);
            }
            return task.persist().chain(() -> TestCase.persist(tests)).replaceWith(new TaskWithTests(task, tests));
        });
    }
}
