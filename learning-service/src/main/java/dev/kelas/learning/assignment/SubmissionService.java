package dev.kelas.learning.assignment;

import dev.kelas.learning.common.ClassAccess;

import dev.kelas.contracts.events.SubmissionReceived;
import dev.kelas.learning.config.LearningConfig;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.assignment.storage.FileStorage;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Students hand in ESSAY, LINK and FILE assignments within the assignment's rules: published, actively
 * enrolled, the late policy ({@link LatePolicy}) and the attempt limit. CODING work goes to lab-service.
 * Files are checked (size, content-type allow-list, and that PDF, PNG, JPEG, ZIP and text files start the way
 * such files do), stored through {@link FileStorage} with their SHA-256, and served only to their student and
 * the class's teachers and administrators, after the checksum is verified.
 */
@ApplicationScoped
public class SubmissionService {
    private static final Logger LOG = Logger.getLogger(SubmissionService.class);
    private static final Map<String, byte[]> MAGIC = Map.of(
            "application/pdf", "%PDF-".getBytes(),
            "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            "image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "application/zip", new byte[]{'P', 'K', 3, 4},
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[]{'P', 'K', 3, 4});

    private final AssignmentService assignments;
    private final ClassAccess access;
    private final Outbox outbox;
    private final FileStorage storage;
    private final LearningConfig config;
    private final Vertx vertx;

    public SubmissionService(AssignmentService assignments, ClassAccess access, Outbox outbox, FileStorage storage,
                             LearningConfig config, Vertx vertx) {
        this.assignments = assignments;
        this.access = access;
        this.outbox = outbox;
        this.storage = storage;
        this.config = config;
        this.vertx = vertx;
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
        String contentType = normalise(upload.contentType());
        if (upload.size() > config.uploads().maxFileBytes()) {
            throw new ValidationException("file", "is larger than " + config.uploads().maxFileBytes() + " bytes");
        }
        if (!config.uploads().allowedTypes().stream().map(SubmissionService::normalise).toList().contains(contentType)) {
            throw new ValidationException("file", "content type " + contentType + " is not accepted; allowed: "
                    + String.join(", ", config.uploads().allowedTypes()));
        }
        UUID tenantId = caller.tenantId();
        UUID fileId = UUID.randomUUID();
        String key = tenantId + "/" + fileId;
        return checkSubmittable(caller, assignmentId)
                .chain(() -> vertx.executeBlocking(() -> storeChecked(upload, contentType, key), false))
                .chain(sha256 -> {
                    StoredFile file = new StoredFile();
                    file.id = fileId;
                    file.tenantId = tenantId;
                    file.storageKey = key;
                    file.fileName = safeFileName(upload.fileName());
                    file.contentType = contentType;
                    file.sizeBytes = upload.size();
                    file.sha256 = sha256;
                    file.createdBy = caller.userId();
                    file.createdAt = Instant.now();
                    return recordFile(caller, assignmentId, file)
                            .onFailure().call(failure -> vertx.executeBlocking(() -> {
                                removeQuietly(key);
                                return null;
                            }, false));
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
        return fileOf(caller, submissionId).chain(file -> vertx.executeBlocking(() -> {
            byte[] bytes = storage.get(file.storageKey);
            String actual = HexFormat.of().formatHex(sha256().digest(bytes));
            if (!actual.equals(file.sha256)) {
                throw new IllegalStateException("Stored file " + file.id + " fails its checksum (" + actual + ")");
            }
            return new FileContent(file, bytes);
        }, false));
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

    /** Checks the file's first bytes against its type, copies it into storage, and answers its SHA-256 (hex). */
    private String storeChecked(Upload upload, String contentType, String key) throws IOException {
        MessageDigest digest = sha256();
        byte[] head = new byte[8192];
        int headLength = 0;
        try (InputStream in = Files.newInputStream(upload.path())) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                digest.update(buffer, 0, n);
            }
        }
        byte[] start = Arrays.copyOf(head, headLength);
        byte[] magic = MAGIC.get(contentType);
        if (magic != null && (start.length < magic.length || !Arrays.equals(Arrays.copyOf(start, magic.length), magic))) {
            throw new ValidationException("file", "The content is not a " + contentType + " file");
        }
        if (contentType.startsWith("text/") && indexOfZero(start) >= 0) {
            throw new ValidationException("file", "The content is not text");
        }
        storage.put(key, upload.path(), contentType);
        return HexFormat.of().formatHex(digest.digest());
    }

    private void removeQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not remove stored file %s after a failed submission: %s", key, e.getMessage());
        }
    }

    private static int indexOfZero(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
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

    private static String normalise(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    private static String safeFileName(String name) {
        String base = name == null ? "file" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            base = "file";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
