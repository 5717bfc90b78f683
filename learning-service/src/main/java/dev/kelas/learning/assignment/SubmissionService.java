package dev.kelas.learning.assignment;

import dev.kelas.contracts.events.SubmissionReceived;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Students hand in ESSAY, LINK and FILE assignments within the assignment's rules: published, actively
 * enrolled, the late policy ({@link LatePolicy}) and the attempt limit. CODING work goes to lab-service.
 * Files are checked and stored by {@link SubmissionFiles} and served only to their student and the class's
 * teachers and administrators, after the checksum is verified.
 */
@ApplicationScoped
public class SubmissionService {

    private final AssignmentService assignments;
    private final ClassAccess access;
    private final Outbox outbox;
    private final SubmissionFiles files;

    public SubmissionService(AssignmentService assignments, ClassAccess access, Outbox outbox, SubmissionFiles files) {
        this.assignments = assignments;
        this.access = access;
        this.outbox = outbox;
        this.files = files;
    }

    /**
     * An uploaded file as the HTTP layer received it.
     *
     * @param path where the upload was spooled; read once
     */
    public record Upload(String fileName, String contentType, Path path, long size) {
    }

    /** A submission with its file (null unless FILE). */
    public record SubmissionView(Submission submission, StoredFile file) {
    }

    /** A stored file's bytes, verified against its checksum. */
    public record FileContent(StoredFile file, byte[] bytes) {
    }

    /**
     * Hands in an ESSAY ({@code text}) or LINK ({@code url}, http or https).
     *
     * @throws NotFoundException   if the assignment is not in the school or not published
     * @throws ForbiddenException  if the caller is not actively enrolled in its class
     * @throws ValidationException if the content does not fit the kind
     * @throws ConflictException   if the late policy refuses it now, or no attempt is left
     */
    @WithTransaction
    public Uni<SubmissionView> submitWork(Caller caller, UUID assignmentId, String text, String url) {
        return submittable(caller, assignmentId).chain(assignment -> {
            switch (assignment.kind) {
                case ESSAY -> {
                    if (text == null || text.isBlank()) {
                        throw new ValidationException("text", "An essay needs its text");
                    }
                }
                case LINK -> {
                    if (url == null || !isWebLink(url)) {
                        throw new ValidationException("url", "must be an http or https address");
                    }
                }
                case FILE -> throw new ValidationException("file", "A FILE assignment takes a multipart/form-data upload");
                case CODING -> throw new ValidationException("kind", "CODING work is submitted to the lab (lab-service)");
            }
            return record(caller, assignment, assignment.kind == AssignmentKind.ESSAY ? text : null,
                    assignment.kind == AssignmentKind.LINK ? url.strip() : null, null);
        });
    }

    /**
     * Hands in a file for a FILE assignment: checked, then stored, then recorded with the same rules as
     * {@link #submitWork}; if recording fails the stored copy is removed again.
     *
     * @throws ValidationException if the file is too large, of a type not allowed, or not what its type says
     */
    public Uni<SubmissionView> submitFile(Caller caller, UUID assignmentId, Upload upload) {
        String contentType = files.checkUpload(upload.contentType(), upload.size());
        UUID tenantId = caller.tenantId();
        UUID fileId = UUID.randomUUID();
        String key = tenantId + "/" + fileId;
        return checkSubmittable(caller, assignmentId)
                .chain(() -> files.store(upload.path(), contentType, key))
                .chain(sha256 -> {
                    StoredFile file = StoredFile.describe(fileId, tenantId, key, SubmissionFiles.safeFileName(upload.fileName()),
                            contentType, upload.size(), sha256, caller.userId());
                    return recordFile(caller, assignmentId, file)
                            .onFailure().call(failure -> files.remove(key));
                });
    }

    @WithSession
    Uni<Void> checkSubmittable(Caller caller, UUID assignmentId) {
        return submittable(caller, assignmentId).chain(assignment -> {
            if (assignment.kind != AssignmentKind.FILE) {
                throw new ValidationException("kind", "This " + assignment.kind + " assignment does not take files");
            }
            return Submission.attempts(assignment.id, caller.userId()).invoke(n -> checkAttempts(assignment, n));
        }).replaceWithVoid();
    }

    @WithTransaction
    Uni<SubmissionView> recordFile(Caller caller, UUID assignmentId, StoredFile file) {
        return submittable(caller, assignmentId).chain(assignment -> file.persist()
                .chain(() -> record(caller, assignment, null, null, file)));
    }

    /**
     * A student's own submissions of an assignment, or every student's (optionally one's) for its teachers, newest first.
     *
     * @throws NotFoundException if the assignment is not visible to the caller
     */
    @WithSession
    public Uni<List<SubmissionView>> listSubmissions(Caller caller, UUID assignmentId, UUID studentId) {
        return assignments.readableAssignment(caller, assignmentId)
                .chain(assignment -> access.manages(caller, assignment.classId))
                .chain(manages -> Submission.listForAssignment(assignmentId, manages ? studentId : caller.userId()))
                .chain(list -> {
                    List<UUID> fileIds = list.stream().map(s -> s.fileId).filter(id -> id != null).toList();
                    Uni<List<StoredFile>> files = fileIds.isEmpty() ? Uni.createFrom().item(List.of())
                            : StoredFile.list("id in ?1", fileIds);
                    return files.map(found -> list.stream().map(s -> new SubmissionView(s, found.stream()
                            .filter(f -> f.id.equals(s.fileId)).findFirst().orElse(null))).toList());
                });
    }

    /**
     * One submission: for its student, the class's teachers and administrators; anyone else gets 404.
     */
    @WithSession
    public Uni<SubmissionView> getSubmission(Caller caller, UUID submissionId) {
        return visibleSubmission(caller, submissionId).chain(submission -> submission.fileId == null
                ? Uni.createFrom().item(new SubmissionView(submission, null))
                : StoredFile.findInTenant(caller.tenantId(), submission.fileId).map(f -> new SubmissionView(submission, f)));
    }

    /**
     * The file of a FILE submission, read from storage and checked against its SHA-256.
     *
     * @throws NotFoundException     if the caller may not see the submission or it has no file
     * @throws IllegalStateException if the stored bytes do not match the checksum (answered 500 and logged)
     */
    public Uni<FileContent> readFile(Caller caller, UUID submissionId) {
        return fileOf(caller, submissionId).chain(file -> files.read(file).map(bytes -> new FileContent(file, bytes)));
    }

    @WithSession
    Uni<StoredFile> fileOf(Caller caller, UUID submissionId) {
        return visibleSubmission(caller, submissionId).chain(submission -> {
            if (submission.fileId == null) {
                throw new NotFoundException("file of submission", submissionId);
            }
            return StoredFile.findInTenant(caller.tenantId(), submission.fileId);
        });
    }

    private Uni<Submission> visibleSubmission(Caller caller, UUID submissionId) {
        return Submission.findInTenant(caller.tenantId(), submissionId).chain(submission -> {
            if (submission == null) {
                throw new NotFoundException("submission", submissionId);
            }
            if (submission.studentId.equals(caller.userId())) {
                return Uni.createFrom().item(submission);
            }
            return Assignment.findInTenant(caller.tenantId(), submission.assignmentId)
                    .chain(assignment -> access.manages(caller, assignment.classId))
                    .map(manages -> {
                        if (!manages) {
                            throw new NotFoundException("submission", submissionId);
                        }
                        return submission;
                    });
        });
    }

    /** The assignment, if the caller may hand it in now (kind aside). */
    private Uni<Assignment> submittable(Caller caller, UUID assignmentId) {
        return assignments.readableAssignment(caller, assignmentId).call(assignment ->
                Enrollment.exists(assignment.classId, caller.userId()).invoke(active -> {
                    if (!active) {
                        throw new ForbiddenException("Only students actively enrolled in the class may hand in work");
                    }
                    if (!assignment.published()) {
                        throw new NotFoundException("assignment", assignmentId);
                    }
                    Instant now = Instant.now();
                    if (!assignment.latePolicy.accepts(assignment.dueAt, assignment.lateCutoffAt, now)) {
                        throw new ConflictException(assignment.latePolicy == LatePolicy.REFUSE
                                ? "The assignment was due at " + assignment.dueAt + " and takes no late work"
                                : "The assignment took late work until " + assignment.lateCutoffAt);
                    }
                }));
    }

    private Uni<SubmissionView> record(Caller caller, Assignment assignment, String text, String url, StoredFile file) {
        UUID studentId = caller.userId();
        return Submission.attempts(assignment.id, studentId).chain(attempts -> {
            checkAttempts(assignment, attempts);
            Instant now = Instant.now();
            Submission submission = new Submission();
            submission.id = UUID.randomUUID();
            submission.tenantId = assignment.tenantId;
            submission.assignmentId = assignment.id;
            submission.studentId = studentId;
            submission.attempt = (int) (attempts + 1);
            submission.textBody = text;
            submission.linkUrl = url;
            submission.fileId = file == null ? null : file.id;
            submission.submittedAt = now;
            submission.lateDays = LatePolicy.daysLate(assignment.dueAt, now);
            submission.latePenaltyPercent = LatePolicy.penaltyPercent(submission.lateDays, assignment.latePenaltyPercent);
            return submission.persist()
                    .chain(() -> outbox.record(assignment.tenantId, new SubmissionReceived(submission.id, assignment.id, assignment.classId, studentId,
                                    submission.attempt, submission.lateDays > 0, submission.latePenaltyPercent, now)))
                    .replaceWith(new SubmissionView(submission, file));
        });
    }

    private static void checkAttempts(Assignment assignment, long attempts) {
        if (assignment.maxAttempts != null && attempts >= assignment.maxAttempts) {
            throw new ConflictException("All " + assignment.maxAttempts + " attempts are used");
        }
    }




    private static boolean isWebLink(String url) {
        try {
            URI uri = URI.create(url.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && url.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }



}
