package dev.kelas.learning.announcement;

import dev.kelas.learning.assignment.StoredFile;
import dev.kelas.learning.assignment.SubmissionFiles;
import dev.kelas.learning.assignment.SubmissionService.Upload;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Files attached to announcements. They are checked and stored exactly as hand-ins are ({@link SubmissionFiles}:
 * {@code kelas.learning.uploads.max-bytes}, the content-type allow-list, the first bytes against the type, the
 * SHA-256 checked on every read). The author or an administrator attaches and removes them; whoever may read the
 * announcement may list and download them.
 */
@ApplicationScoped
public class AnnouncementAttachmentService {
    /** Files one announcement may carry. */
    public static final int MAX_ATTACHMENTS = 10;

    private final AnnouncementService announcements;
    private final SubmissionFiles files;

    public AnnouncementAttachmentService(AnnouncementService announcements, SubmissionFiles files) {
        this.announcements = announcements;
        this.files = files;
    }

    /** An attached file as it is listed. */
    public record AttachmentView(UUID id, String fileName, String contentType, long sizeBytes, String sha256, Instant attachedAt) {
        static AttachmentView of(AnnouncementAttachment attachment, StoredFile file) {
            return new AttachmentView(file.id, file.fileName, file.contentType, file.sizeBytes, file.sha256, attachment.attachedAt);
        }
    }

    /** A file's description and its bytes (checked against its SHA-256). */
    public record AttachmentContent(StoredFile file, byte[] bytes) {
    }

    /**
     * Attaches an uploaded file to an announcement.
     *
     * @throws ValidationException when the file is too large, of a type not allowed, or not what its type says
     * @throws ConflictException   when the announcement has {@link #MAX_ATTACHMENTS} files already
     * @throws NotFoundException   when the announcement is not in the caller's school
     * @throws ForbiddenException  when the caller is neither its author nor an administrator
     */
    public Uni<AttachmentView> attach(Caller caller, UUID announcementId, Upload upload) {
        String contentType = files.checkUpload(upload.contentType(), upload.size());
        UUID fileId = UUID.randomUUID();
        String key = caller.tenantId() + "/announcements/" + fileId;
        return checkRoom(caller, announcementId)
                .chain(() -> files.store(upload.path(), contentType, key))
                .chain(sha256 -> {
                    StoredFile file = StoredFile.describe(fileId, caller.tenantId(), key,
                            SubmissionFiles.safeFileName(upload.fileName()), contentType, upload.size(), sha256, caller.userId());
                    return record(caller, announcementId, file).onFailure().call(failure -> files.remove(key));
                });
    }

    @WithSession
    Uni<Void> checkRoom(Caller caller, UUID announcementId) {
        return announcements.own(caller, announcementId).chain(a -> AnnouncementAttachment.countFor(a.id))
                .invoke(AnnouncementAttachmentService::requireRoom).replaceWithVoid();
    }

    /** Stores the rows, checking ownership and the count again inside the transaction (a concurrent attach may have won). */
    @WithTransaction
    Uni<AttachmentView> record(Caller caller, UUID announcementId, StoredFile file) {
        return announcements.own(caller, announcementId).chain(a -> AnnouncementAttachment.countFor(a.id).chain(n -> {
            requireRoom(n);
            AnnouncementAttachment attachment = new AnnouncementAttachment();
            attachment.id = file.id;
            attachment.tenantId = file.tenantId;
            attachment.announcementId = a.id;
            attachment.attachedAt = file.createdAt;
            return file.persist().chain(() -> attachment.persist()).map(ignored -> AttachmentView.of(attachment, file));
        }));
    }

    /**
     * The files of an announcement the caller may read, oldest first.
     *
     * @throws NotFoundException when the caller cannot see the announcement
     */
    @WithSession
    public Uni<List<AttachmentView>> list(Caller caller, UUID announcementId) {
        return announcements.read(caller, announcementId).chain(a -> AnnouncementAttachment.listFor(a.id))
                .chain(attachments -> StoredFile.<StoredFile>list("id in ?1", attachments.stream().map(x -> x.id).toList())
                        .map(stored -> {
                            Map<UUID, StoredFile> byId = new HashMap<>();
                            stored.forEach(f -> byId.put(f.id, f));
                            return attachments.stream().map(x -> AttachmentView.of(x, byId.get(x.id))).toList();
                        }));
    }

    /**
     * One attached file with its bytes.
     *
     * @throws NotFoundException when the caller cannot see the announcement or it has no such file
     */
    @WithSession
    public Uni<AttachmentContent> download(Caller caller, UUID announcementId, UUID fileId) {
        return attached(caller, announcementId, fileId, false)
                .chain(file -> files.read(file).map(bytes -> new AttachmentContent(file, bytes)));
    }

    /**
     * Removes a file from an announcement, and from storage once that has committed.
     *
     * @throws NotFoundException  when the announcement has no such file
     * @throws ForbiddenException when the caller is neither its author nor an administrator
     */
    public Uni<Void> detach(Caller caller, UUID announcementId, UUID fileId) {
        return remove(caller, announcementId, fileId).chain(files::remove);
    }

    @WithTransaction
    Uni<String> remove(Caller caller, UUID announcementId, UUID fileId) {
        return attached(caller, announcementId, fileId, true).chain(file -> AnnouncementAttachment.deleteById(file.id)
                .chain(() -> file.delete()).replaceWith(file.storageKey));
    }

    /**
     * Deletes an announcement with its files (the rows in one transaction, then the stored bytes).
     *
     * @throws NotFoundException  when it is not in the caller's school
     * @throws ForbiddenException when the caller is neither its author nor an administrator
     */
    public Uni<Void> deleteAnnouncement(Caller caller, UUID announcementId) {
        return deleteRows(caller, announcementId).chain(keys -> {
            Uni<Void> removed = Uni.createFrom().voidItem();
            for (String key : keys) {
                removed = removed.chain(() -> files.remove(key));
            }
            return removed;
        });
    }

    @WithTransaction
    Uni<List<String>> deleteRows(Caller caller, UUID announcementId) {
        return announcements.own(caller, announcementId).chain(a -> removeAllOf(a.id)
                .call(() -> announcements.delete(caller, a.id)));
    }

    /** Deletes the attachment rows and stored files of an announcement in the caller's transaction; answers their storage keys. */
    private Uni<List<String>> removeAllOf(UUID announcementId) {
        return AnnouncementAttachment.listFor(announcementId).chain(attachments -> {
            List<UUID> ids = attachments.stream().map(a -> a.id).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(List.<String>of());
            }
            return StoredFile.<StoredFile>list("id in ?1", ids).chain(stored -> AnnouncementAttachment.delete("id in ?1", ids)
                    .chain(() -> StoredFile.delete("id in ?1", ids))
                    .map(ignored -> stored.stream().map(f -> f.storageKey).toList()));
        });
    }

    private static void requireRoom(long attached) {
        if (attached >= MAX_ATTACHMENTS) {
            throw new ConflictException("An announcement carries at most " + MAX_ATTACHMENTS + " files");
        }
    }

    private Uni<StoredFile> attached(Caller caller, UUID announcementId, UUID fileId, boolean toChange) {
        Uni<Announcement> announcement = toChange ? announcements.own(caller, announcementId) : announcements.read(caller, announcementId);
        return announcement.chain(a -> AnnouncementAttachment.findInTenant(AnnouncementAttachment.class, caller.tenantId(), fileId)
                .chain(attachment -> {
                    if (attachment == null || !attachment.announcementId.equals(a.id)) {
                        throw new NotFoundException("attachment", fileId);
                    }
                    return StoredFile.findInTenant(caller.tenantId(), fileId);
                }));
    }
}
