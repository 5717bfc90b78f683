package dev.kelas.auth.profile;

import dev.kelas.auth.account.UserAccount;
import dev.kelas.auth.audit.AuditTrail;
import dev.kelas.auth.common.ClientInfo;
import dev.kelas.contracts.events.UserUpdated;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.storage.FileStorage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A user's own profile: name, preferred language (BCP 47), time zone (IANA) and avatar. A change of name,
 * language or time zone is one transaction with its audit entry ({@code user.profile-updated}) and
 * {@code kelas.auth.user.updated}. An avatar is checked and resized ({@link AvatarImages}), stored in the file
 * storage under a new key ({@code avatars/<tenant>/<user>/<random>}) before its row changes, and the old file is
 * removed only after the commit; a failed commit removes the new file, so nothing half-written remains.
 */
@ApplicationScoped
public class ProfileService {
    private static final Logger LOG = Logger.getLogger(ProfileService.class);
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private final AvatarImages images;
    private final FileStorage storage;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Vertx vertx;

    public ProfileService(AvatarImages images, FileStorage storage, AuditTrail audit, Outbox outbox, Vertx vertx) {
        this.images = images;
        this.storage = storage;
        this.audit = audit;
        this.outbox = outbox;
        this.vertx = vertx;
    }

    /** What to change; null fields stay as they are, an empty language or time zone clears it. */
    public record Change(String name, String preferredLanguage, String timeZone) {
    }

    /** An avatar as stored: its bytes, content type, hex SHA-256 (the ETag) and when it was set. */
    public record StoredAvatar(byte[] bytes, String contentType, String sha256, Instant updatedAt) {
    }

    /**
     * Changes the caller's own name, preferred language or time zone.
     *
     * @throws ValidationException 422 naming every bad field (a blank or over-long name, an ill-formed language tag
     *                             or one without an ISO 639 language, a time zone that is not an IANA zone id); nothing
     *                             is written then
     * @throws NotFoundException   if the account is gone
     */
    public Uni<UserAccount> updateProfile(UUID tenantId, UUID userId, Change change, ClientInfo client) {
        List<FieldError> errors = new ArrayList<>();
        String name = change.name() == null ? null : checkName(change.name(), errors);
        String language = change.preferredLanguage() == null ? null : checkLanguage(change.preferredLanguage(), errors);
        String zone = change.timeZone() == null ? null : checkTimeZone(change.timeZone(), errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new ValidationException(errors.size() == 1 ? errors.get(0).message()
                    : "The profile has " + errors.size() + " invalid fields", errors));
        }
        return Panache.withTransaction(() -> UserAccount.findInTenant(tenantId, userId)
                .onItem().ifNull().failWith(() -> new NotFoundException("user", userId))
                .call(user -> apply(user, name, change.preferredLanguage() == null ? null : language,
                        change.preferredLanguage() != null, zone, change.timeZone() != null, client)));
    }

    private Uni<Void> apply(UserAccount user, String name, String language, boolean languageGiven, String zone, boolean zoneGiven,
                            ClientInfo client) {
        Map<String, Object> changed = new LinkedHashMap<>();
        if (name != null && !name.equals(user.name)) {
            changed.put("name", fromTo(user.name, name));
            user.name = name;
        }
        if (languageGiven && !Objects.equals(language, user.preferredLanguage)) {
            changed.put("preferredLanguage", fromTo(user.preferredLanguage, language));
            user.preferredLanguage = language;
        }
        if (zoneGiven && !Objects.equals(zone, user.timeZone)) {
            changed.put("timeZone", fromTo(user.timeZone, zone));
            user.timeZone = zone;
        }
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        user.updatedAt = Instant.now();
        UserUpdated event = new UserUpdated(user.id, user.tenantId, user.name, user.role, user.active, user.updatedAt,
                user.preferredLanguage, user.timeZone);
        return outbox.record(user.tenantId, event)
                .chain(() -> audit.record(user.tenantId, user.id, "user.profile-updated", "user", user.id, changed, client));
    }

    /**
     * Replaces the caller's avatar with {@code upload} once checked and resized.
     *
     * @param declaredType the request's {@code Content-Type}
     * @throws dev.kelas.runtime.problem.KelasException 415 {@code AVATAR_TYPE_UNSUPPORTED}, 413 {@code AVATAR_TOO_LARGE}
     *                                                  or 422 {@code AVATAR_UNREADABLE} ({@link AvatarImages}); nothing
     *                                                  is stored then
     */
    public Uni<UserAccount> setAvatar(UUID tenantId, UUID userId, String declaredType, byte[] upload, ClientInfo client) {
        return setAvatar(tenantId, userId, declaredType, () -> upload, client);
    }

    /**
     * As {@link #setAvatar(UUID, UUID, String, byte[], ClientInfo)}, for an upload spooled to a file (a multipart part):
     * it is read on a worker thread, and not at all when it is larger than the limit.
     */
    public Uni<UserAccount> setAvatar(UUID tenantId, UUID userId, String declaredType, Path upload, ClientInfo client) {
        return setAvatar(tenantId, userId, declaredType, () -> {
            long size = Files.size(upload);
            if (size > images.maxBytes()) {
                throw images.tooLarge(size);
            }
            return Files.readAllBytes(upload);
        }, client);
    }

    private Uni<UserAccount> setAvatar(UUID tenantId, UUID userId, String declaredType, java.util.concurrent.Callable<byte[]> upload,
                                       ClientInfo client) {
        String type;
        try {
            type = images.checkType(declaredType);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        String key = "avatars/" + tenantId + "/" + userId + "/" + UUID.randomUUID();
        return vertx.executeBlocking(() -> {
                    AvatarImages.Avatar avatar = images.resize(type, upload.call());
                    store(key, avatar);
                    return avatar;
                }, false)
                .chain(avatar -> Panache.withTransaction(() -> lockedAccount(tenantId, userId)
                                .onItem().ifNull().failWith(() -> new NotFoundException("user", userId))
                                .chain(user -> {
                                    String old = user.avatarKey;
                                    user.avatarKey = key;
                                    user.avatarContentType = avatar.contentType();
                                    user.avatarSha256 = sha256(avatar.bytes());
                                    user.avatarUpdatedAt = Instant.now();
                                    return audit.record(tenantId, userId, "user.avatar-set", "user", userId,
                                                    Map.of("contentType", avatar.contentType(), "bytes", avatar.bytes().length), client)
                                            .replaceWith(new Replaced(user, old));
                                }))
                        .onFailure().call(failure -> removeQuietly(key)))
                .call(replaced -> replaced.old() == null ? Uni.createFrom().voidItem() : removeQuietly(replaced.old()))
                .map(Replaced::user);
    }

    private record Replaced(UserAccount user, String old) {
    }

    /**
     * The account row locked for this transaction: two avatar changes of one user run one after the other, so the
     * second sees (and removes) the first one's file instead of leaving it unreferenced.
     */
    private static Uni<UserAccount> lockedAccount(UUID tenantId, UUID userId) {
        return UserAccount.<UserAccount>find("tenantId = ?1 and id = ?2", tenantId, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Removes the caller's avatar; nothing happens without one.
     *
     * @throws NotFoundException if the account is gone
     */
    public Uni<Void> deleteAvatar(UUID tenantId, UUID userId, ClientInfo client) {
        return Panache.withTransaction(() -> lockedAccount(tenantId, userId)
                        .onItem().ifNull().failWith(() -> new NotFoundException("user", userId))
                        .chain(user -> {
                            String old = user.avatarKey;
                            if (old == null) {
                                return Uni.createFrom().<String>nullItem();
                            }
                            user.avatarKey = null;
                            user.avatarContentType = null;
                            user.avatarSha256 = null;
                            user.avatarUpdatedAt = null;
                            return audit.record(tenantId, userId, "user.avatar-removed", "user", userId, Map.of(), client).replaceWith(old);
                        }))
                .chain(old -> old == null ? Uni.createFrom().voidItem() : removeQuietly(old));
    }

    /**
     * The avatar of a user of the school, read back only if its bytes still match the SHA-256 kept with it.
     *
     * @throws NotFoundException if there is no such user in this school, or they have no avatar
     */
    public Uni<StoredAvatar> avatar(UUID tenantId, UUID userId) {
        return Panache.withSession(() -> UserAccount.findInTenant(tenantId, userId))
                .onItem().ifNull().failWith(() -> new NotFoundException("user", userId))
                .chain(user -> {
                    if (user.avatarKey == null) {
                        return Uni.createFrom().failure(new NotFoundException("avatar", userId));
                    }
                    String key = user.avatarKey;
                    String type = user.avatarContentType;
                    String sha = user.avatarSha256;
                    Instant at = user.avatarUpdatedAt;
                    return vertx.executeBlocking(() -> {
                        byte[] bytes = storage.get(key);
                        if (!sha256(bytes).equals(sha)) {
                            throw new IllegalStateException("Stored avatar " + key + " does not match its SHA-256");
                        }
                        return new StoredAvatar(bytes, type, sha, at);
                    }, false);
                });
    }

    private void store(String key, AvatarImages.Avatar avatar) {
        try {
            Path spool = Files.createTempFile("kelas-avatar", ".img");
            try {
                Files.write(spool, avatar.bytes());
                storage.put(key, spool, avatar.contentType());
            } finally {
                Files.deleteIfExists(spool);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Storing the avatar failed", e);
        }
    }

    private Uni<Void> removeQuietly(String key) {
        return vertx.executeBlocking(() -> {
            try {
                storage.delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.warnf(e, "Could not remove the avatar file %s; it is unreferenced", key);
            }
            return null;
        }, false).replaceWithVoid();
    }

    private static String checkName(String name, List<FieldError> errors) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            errors.add(new FieldError("name", "must be 1-200 characters, not blank"));
        }
        return stripped;
    }

    /** Empty clears; otherwise a well-formed BCP 47 tag (RFC 5646) with an ISO 639 language, normalised. */
    private static String checkLanguage(String tag, List<FieldError> errors) {
        if (tag.isEmpty()) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String language = locale.getLanguage();
            if (language.isEmpty() || (language.length() == 2 && !ISO_LANGUAGES.contains(language)) || language.length() > 3) {
                errors.add(new FieldError("preferredLanguage", "must be a BCP 47 tag with an ISO 639 language, such as en-GB or id; "
                        + tag + " names no known language"));
                return null;
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            errors.add(new FieldError("preferredLanguage", "must be a well-formed BCP 47 tag such as en-GB or id"));
            return null;
        }
    }

    /** Empty clears; otherwise an IANA region zone id as java.time knows it (not a fixed offset). */
    private static String checkTimeZone(String zone, List<FieldError> errors) {
        if (zone.isEmpty()) {
            return null;
        }
        try {
            if (ZoneId.getAvailableZoneIds().contains(zone)) {
                return ZoneId.of(zone).getId();
            }
        } catch (DateTimeException ignored) {
            // reported below
        }
        errors.add(new FieldError("timeZone", "must be an IANA time zone id such as Asia/Jakarta or Europe/Berlin"));
        return null;
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
