package dev.kelas.lab.task;

import dev.kelas.lab.common.dto.SubmissionResponse;
import dev.kelas.contracts.Role;
import dev.kelas.lab.task.dto.CreateTaskRequest;
import dev.kelas.lab.task.dto.RegradeResponse;
import dev.kelas.lab.task.dto.RegradeSummaryResponse;
import dev.kelas.lab.task.dto.ReplaceTestsRequest;
import dev.kelas.lab.task.dto.SubmissionPage;
import dev.kelas.lab.task.dto.SubmissionAccepted;
import dev.kelas.lab.task.dto.SubmitCodeRequest;
import dev.kelas.lab.task.dto.TaskResponse;
import dev.kelas.lab.task.dto.TaskDetailResponse;
import dev.kelas.lab.task.dto.UpdateTaskRequest;
import dev.kelas.runtime.idempotency.IdempotencyKeys;
import dev.kelas.runtime.web.MarkdownRenderer;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import dev.kelas.lab.submission.SubmissionService;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Coding tasks, and the submissions students make to them. */
@Path("/api/v1/lab/tasks")
public class TaskResource {
    private final TaskService tasks;
    private final SubmissionService submissions;
    private final TaskCatalogService catalog;
    private final MarkdownRenderer markdown;
    private final Caller caller;
    @jakarta.inject.Inject
    IdempotencyKeys idempotencyKeys;

    public TaskResource(TaskService tasks, SubmissionService submissions, TaskCatalogService catalog,
                        MarkdownRenderer markdown, Caller caller) {
        this.tasks = tasks;
        this.submissions = submissions;
        this.catalog = catalog;
        this.markdown = markdown;
        this.caller = caller;
    }

    @GET
    @Path("/{taskId}")
    @RolesAllowed({Role.STUDENT_NAME, Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A task: statement (Markdown and safe HTML), languages, starter code, limits, visible tests")
    @APIResponse(responseCode = "200", description = "The task; hidden tests are only counted")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: another class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task, archived, or not your class")
    public Uni<TaskDetailResponse> viewTask(@PathParam("taskId") UUID taskId) {
        return catalog.viewTask(caller, taskId).map(view -> TaskDetailResponse.of(view, markdown.toSafeHtml(view.task().statement)));
    }

    @PATCH
    @Path("/{taskId}")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Change a task's title, statement, starter code, limits or (WEB) HTML validation")
    @APIResponse(responseCode = "200", description = "The changed task")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    @APIResponse(responseCode = "409", description = "CONFLICT: the task is archived")
    public Uni<TaskResponse> updateTask(@PathParam("taskId") UUID taskId, @NotNull @Valid UpdateTaskRequest request) {
        TaskService.TaskChange change = new TaskService.TaskChange(request.title(), request.statement(), request.starterCode(),
                request.cpuSeconds(), request.wallSeconds(), request.memoryMib(), request.outputKib(), request.maxProcesses(),
                request.maxSourceKib(), request.validateHtml());
        return tasks.updateTask(caller, taskId, change).map(TaskResponse::of);
    }

    @DELETE
    @Path("/{taskId}")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Delete a task; one with submissions is archived instead")
    @APIResponse(responseCode = "204", description = "Deleted, or archived (header Kelas-Task-Archived: true)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    public Uni<Response> deleteTask(@PathParam("taskId") UUID taskId) {
        return tasks.deleteTask(caller, taskId)
                .map(archived -> Response.noContent().header("Kelas-Task-Archived", archived.toString()).build());
    }

    @POST
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Create a coding task for a CODING assignment")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: assignment not (yet) known in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: unknown language, wrong class, not CODING")
    public Uni<Response> createTask(@NotNull @Valid CreateTaskRequest request) {
        CreateTaskRequest.Limits limits = request.limits();
        TaskService.NewTask task = new TaskService.NewTask(request.title(), request.language(), request.statement(),
                request.assignmentId(), request.classId(), limits.cpuSeconds(), limits.wallSeconds(), limits.memoryMib(),
                limits.outputKib(), limits.maxProcesses(), newTests(request.tests()), request.checkerSource(),
                request.maxSourceKib(), request.starterCode(), Boolean.TRUE.equals(request.validateHtml()));
        return tasks.createTask(caller, task).map(created -> Response
                .created(URI.create("/api/v1/lab/tasks/" + created.task().id))
                .entity(TaskResponse.of(created))
                .build());
    }

    @PUT
    @Path("/{taskId}/tests")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Replace a task's tests; regrade to apply them to earlier submissions")
    @APIResponse(responseCode = "200", description = "The task with its new tests")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: PROGRAM checker without a checker program")
    public Uni<TaskResponse> replaceTests(@PathParam("taskId") UUID taskId, @NotNull @Valid ReplaceTestsRequest request) {
        return tasks.replaceTests(caller, taskId, newTests(request.tests()), request.checkerSource())
                .map(TaskResponse::of);
    }

    @POST
    @Path("/{taskId}/regrade")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Send every submission of the task back to the graders; the answer names the regrade")
    @APIResponse(responseCode = "202", description = "Queued; Location is the regrade's summary")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    public Uni<Response> regradeTask(@PathParam("taskId") UUID taskId) {
        return submissions.regradeTask(caller, taskId).map(q -> Response
                .accepted(new RegradeResponse(q.regrade().id, q.queued()))
                .location(URI.create("/api/v1/lab/tasks/" + taskId + "/regrades/" + q.regrade().id)).build());
    }

    @GET
    @Path("/{taskId}/regrades/{regradeId}")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "What a regrade changed: how many scores went up, down, stayed, are pending; each submission's before and after")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school, or no such regrade of it")
    public Uni<RegradeSummaryResponse> regradeSummary(@PathParam("taskId") UUID taskId, @PathParam("regradeId") UUID regradeId) {
        return submissions.regradeSummary(caller, taskId, regradeId).map(RegradeSummaryResponse::of);
    }

    @GET
    @Path("/{taskId}/submissions")
    @RolesAllowed({Role.STUDENT_NAME, Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Submission history, newest first: a student's own, or everyone's for the teacher")
    @APIResponse(responseCode = "200", description = "One page with the total")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: another class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    public Uni<SubmissionPage> submissionHistory(@PathParam("taskId") UUID taskId, @QueryParam("studentId") UUID studentId,
                                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return submissions.submissionHistory(caller, taskId, studentId, page, size)
                .map(history -> new SubmissionPage(history.items().stream().map(SubmissionResponse::of).toList(),
                        page, size, history.total()));
    }

    @POST
    @Path("/{taskId}/submissions")
    @RolesAllowed(Role.STUDENT_NAME)
    @Operation(summary = "Submit a program (or a WEB task's files); a grader judges it in the background")
    @APIResponse(responseCode = "202", description = "Stored and queued")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not enrolled in the task's class")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: wrong language, source too large, a WEB"
            + " submission's files missing index.html, badly named or too large, or a malformed"
            + " Idempotency-Key; IDEMPOTENCY_KEY_REUSED: the key was sent before with another request")
    public Uni<Response> submitCode(@PathParam("taskId") UUID taskId, @NotNull @Valid SubmitCodeRequest request,
                                    @Parameter(description = "Makes a retried submit safe (IETF draft-ietf-httpapi-idempotency-key-header):"
                                            + " the same key and request get the first answer again, with Idempotent-Replayed: true,"
                                            + " and no second submission; kept 24 hours")
                                    @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotencyKeys.once(caller.tenantId(), caller.userId(), idempotencyKey, "POST",
                "/api/v1/lab/tasks/" + taskId + "/submissions", request,
                () -> submissions.submitCode(caller, taskId, request.language(), request.sourceCode(), request.files())
                        .map(s -> new IdempotencyKeys.Answer(202, URI.create("/api/v1/lab/submissions/" + s.id),
                                new SubmissionAccepted(s.id, s.status))));
    }


    private static java.util.List<TaskService.NewTest> newTests(java.util.List<CreateTaskRequest.TestCaseRequest> tests) {
        return tests.stream().map(t -> new TaskService.NewTest(t.stdin() == null ? "" : t.stdin(),
                t.expectedStdout() == null ? "" : t.expectedStdout(), t.hidden(), t.points(), t.checker(), t.tolerance(),
                t.script())).toList();
    }
}
