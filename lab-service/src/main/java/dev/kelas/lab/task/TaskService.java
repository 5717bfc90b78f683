package dev.kelas.lab.task;

import dev.kelas.lab.submission.SubmissionService;
import dev.kelas.contracts.Role;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.lab.enrollment.LabAssignment;
import dev.kelas.lab.grading.Checker;
import dev.kelas.lab.grading.WebPageGrader;
import java.math.BigDecimal;
import dev.kelas.lab.submission.CodeSubmission;
import dev.kelas.lab.submission.Regrade;
import dev.kelas.contracts.events.LabTaskArchived;
import dev.kelas.contracts.events.LabTaskCreated;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
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
    private final Outbox outbox;

    public TaskService(LabConfig config, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
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
                          List<NewTest> tests, String checkerSource, Integer maxSourceKib, String starterCode,
                          boolean validateHtml) {

        /** A task without HTML validation. */
        public NewTask(String title, String language, String statement, UUID assignmentId, UUID classId,
                       int cpuSeconds, BigDecimal wallSeconds, int memoryMib, Integer outputKib, Integer maxProcesses,
                       List<NewTest> tests, String checkerSource, Integer maxSourceKib, String starterCode) {
            this(title, language, statement, assignmentId, classId, cpuSeconds, wallSeconds, memoryMib, outputKib,
                    maxProcesses, tests, checkerSource, maxSourceKib, starterCode, false);
        }
    }

    /**
     * A teacher's change to a task; a null field keeps the current value. Limits as in {@link NewTask}.
     * The language and the tests do not change here (tests: {@link #replaceTests}).
     */
    public record TaskChange(String title, String statement, String starterCode, Integer cpuSeconds,
                             BigDecimal wallSeconds, Integer memoryMib, Integer outputKib, Integer maxProcesses,
                             Integer maxSourceKib, Boolean validateHtml) {

        /** A change that leaves HTML validation as it is. */
        public TaskChange(String title, String statement, String starterCode, Integer cpuSeconds,
                          BigDecimal wallSeconds, Integer memoryMib, Integer outputKib, Integer maxProcesses,
                          Integer maxSourceKib) {
            this(title, statement, starterCode, cpuSeconds, wallSeconds, memoryMib, outputKib, maxProcesses, maxSourceKib, null);
        }
    }

    /**
     * One test of a task.
     *
     * @param checker   null for EXACT
     * @param tolerance null for 1e-6
     * @param script    for a WEB task, the JavaScript check (stored in the test's {@code stdin}); else ignored
     */
    public record NewTest(String stdin, String expectedStdout, boolean hidden, BigDecimal points, Checker checker,
                          Double tolerance, String script) {

        /** A test of a program (not a WEB check). */
        public NewTest(String stdin, String expectedStdout, boolean hidden, BigDecimal points, Checker checker, Double tolerance) {
            this(stdin, expectedStdout, hidden, points, checker, tolerance, null);
        }
    }

    /**
     * Creates a task for a CODING assignment and, in the same transaction, queues {@code kelas.lab.task.created}
     * (learning-service stores the task id on the assignment). lab-service knows an assignment once
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
        if (!knownLanguage(request.language())) {
            throw new ValidationException("language", "Unknown language; known: " + knownLanguages());
        }
        requireChecks(request.language(), request.tests());
        if (request.validateHtml() && !WebPageGrader.LANGUAGE.equals(request.language())) {
            throw new ValidationException("validateHtml", "Only a WEB task validates HTML");
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
            task.maxSourceKib = request.maxSourceKib();
            task.starterCode = request.starterCode();
            task.validateHtml = request.validateHtml();
            task.checkerSource = checkerFor(request.tests(), request.checkerSource());
            List<TestCase> tests = toTestCases(task.id, task.language, request.tests());
            return task.persist().chain(() -> TestCase.persist(tests))
                    .chain(() -> outbox.record(tenantId, new LabTaskCreated(task.id, task.assignmentId, task.classId,
                            task.teacherId, userId, task.title, task.language, task.createdAt)))
                    .replaceWith(new TaskWithTests(task, tests));
        });
    }

    /**
     * Replaces a task's tests (and checker program). Earlier submissions keep their verdicts until
     * {@link SubmissionService#regradeTask} re-queues them.
     *
     * @throws NotFoundException   if the task is not in the caller's school
     * @throws ForbiddenException  if the caller is neither the class's teacher nor an administrator
     * @throws ValidationException if a PROGRAM test has no checker program
     */
    @WithTransaction
    public Uni<TaskWithTests> replaceTests(Caller caller, UUID taskId, List<NewTest> newTests, String checkerSource) {
        String checker = checkerFor(newTests, checkerSource);
        return managedTask(caller, taskId).chain(task -> {
            requireChecks(task.language, newTests);
            task.checkerSource = checker;
            List<TestCase> tests = toTestCases(task.id, task.language, newTests);
            return TestCase.delete("taskId", task.id).chain(() -> TestCase.persist(tests))
                    .replaceWith(new TaskWithTests(task, tests));
        });
    }

    /**
     * Changes a task's title, statement, starter code or limits. New limits apply to the next gradings;
     * a regrade applies them to earlier submissions.
     *
     * @throws NotFoundException  if the task is not in the caller's school
     * @throws ForbiddenException if the caller is neither the class's teacher nor an administrator
     * @throws ConflictException  if the task is archived
     */
    @WithTransaction
    public Uni<TaskWithTests> updateTask(Caller caller, UUID taskId, TaskChange change) {
        return managedTask(caller, taskId).chain(task -> {
            if (task.archivedAt != null) {
                throw new ConflictException("The task is archived and can no longer change");
            }
            if (change.title() != null) {
                task.title = change.title().strip();
            }
            task.statement = change.statement() != null ? change.statement() : task.statement;
            task.starterCode = change.starterCode() != null ? change.starterCode() : task.starterCode;
            task.cpuSeconds = change.cpuSeconds() != null ? change.cpuSeconds() : task.cpuSeconds;
            task.wallSeconds = change.wallSeconds() != null ? change.wallSeconds() : task.wallSeconds;
            task.memoryMib = change.memoryMib() != null ? change.memoryMib() : task.memoryMib;
            task.outputKib = change.outputKib() != null ? change.outputKib() : task.outputKib;
            task.maxProcesses = change.maxProcesses() != null ? change.maxProcesses() : task.maxProcesses;
            task.maxSourceKib = change.maxSourceKib() != null ? change.maxSourceKib() : task.maxSourceKib;
            if (change.validateHtml() != null) {
                if (change.validateHtml() && !WebPageGrader.LANGUAGE.equals(task.language)) {
                    throw new ValidationException("validateHtml", "Only a WEB task validates HTML");
                }
                task.validateHtml = change.validateHtml();
            }
            return TestCase.listForTask(task.id).map(tests -> new TaskWithTests(task, tests));
        });
    }

    /**
     * Deletes a task without submissions (its tests with it); a task with submissions is archived
     * instead, so its submissions and grades stay. Either way, in the same transaction, queues
     * {@code kelas.lab.task.archived} (once: deleting an archived task again sends nothing).
     *
     * @return true if the task was archived, false if it was deleted
     * @throws NotFoundException  if the task is not in the caller's school
     * @throws ForbiddenException if the caller is neither the class's teacher nor an administrator
     */
    @WithTransaction
    public Uni<Boolean> deleteTask(Caller caller, UUID taskId) {
        return managedTask(caller, taskId).chain(task -> CodeSubmission.count("taskId", task.id).chain(submissions -> {
            Instant now = Instant.now();
            if (submissions > 0) {
                boolean first = task.archivedAt == null;
                task.archive(now);
                return (first ? outbox.record(caller.tenantId(), new LabTaskArchived(task.id, task.assignmentId,
                        task.classId, false, now)).replaceWithVoid() : Uni.createFrom().voidItem()).replaceWith(true);
            }
            // Regrades of a task without submissions cover nothing and go with it.
            return TestCase.delete("taskId", task.id).chain(() -> Regrade.delete("taskId", task.id)).chain(task::delete)
                    .chain(() -> outbox.record(caller.tenantId(), new LabTaskArchived(task.id, task.assignmentId,
                            task.classId, true, now)))
                    .replaceWith(false);
        }));
    }

    /**
     * A task the caller manages: its class's teacher or an administrator.
     *
     * @throws NotFoundException  if it is not in the caller's school
     * @throws ForbiddenException if the caller may not manage it
     */
    public static Uni<CodingTask> managedTask(Caller caller, UUID taskId) {
        UUID userId = caller.userId();
        boolean admin = caller.hasRole(Role.ADMIN);
        return CodingTask.findInTenant(caller.tenantId(), taskId).map(task -> {
            if (task == null) {
                throw new NotFoundException("task", taskId);
            }
            if (!admin && !task.teacherId.equals(userId)) {
                throw new ForbiddenException("Only the class's teacher or an administrator may manage this task");
            }
            return task;
        });
    }

    private static String checkerFor(List<NewTest> tests, String checkerSource) {
        boolean needsProgram = tests.stream().anyMatch(t -> t.checker() == Checker.PROGRAM);
        if (needsProgram && (checkerSource == null || checkerSource.isBlank())) {
            throw new ValidationException("checkerSource", "A test uses the PROGRAM checker: give the checker program");
        }
        return needsProgram ? checkerSource : null;
    }

    /** Whether a task may take this language: a key of {@code kelas.lab.languages}, or {@code web} while the WEB lab is on. */
    private boolean knownLanguage(String language) {
        return config.languages().containsKey(language) || WebPageGrader.LANGUAGE.equals(language) && config.web().enabled();
    }

    private List<String> knownLanguages() {
        List<String> known = new ArrayList<>(new java.util.TreeSet<>(config.languages().keySet()));
        if (config.web().enabled()) {
            known.add(WebPageGrader.LANGUAGE);
        }
        return known;
    }

    /** A WEB task's tests are JavaScript checks: each needs its script. */
    private static void requireChecks(String language, List<NewTest> tests) {
        if (!WebPageGrader.LANGUAGE.equals(language)) {
            return;
        }
        for (int i = 0; i < tests.size(); i++) {
            if (tests.get(i).script() == null || tests.get(i).script().isBlank()) {
                throw new ValidationException("tests[" + i + "].script", "A WEB task's test is a JavaScript check: give its script");
            }
        }
    }

    private static List<TestCase> toTestCases(UUID taskId, String language, List<NewTest> given) {
        boolean web = WebPageGrader.LANGUAGE.equals(language);
        List<TestCase> tests = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            NewTest source = given.get(i);
            TestCase test = new TestCase();
            test.id = UUID.randomUUID();
            test.taskId = taskId;
            test.ordinal = i + 1;
            test.stdin = web ? source.script() : source.stdin();
            test.expectedStdout = web ? "" : source.expectedStdout();
            test.hidden = source.hidden();
            test.points = source.points();
            test.checker = source.checker() == null ? Checker.EXACT : source.checker();
            test.tolerance = source.tolerance() == null ? 1e-6 : source.tolerance();
            tests.add(test);
        }
        return tests;
    }
}
