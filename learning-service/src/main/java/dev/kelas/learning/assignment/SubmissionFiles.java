package dev.kelas.learning.assignment;

import dev.kelas.runtime.storage.FileStorage;
import dev.kelas.learning.config.LearningConfig;
import dev.kelas.runtime.problem.ValidationException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The files of FILE submissions: checked (size, content-type allow-list, and that PDF, PNG, JPEG, ZIP and
 * text files start the way such files do), stored through {@link FileStorage} with their SHA-256, and read
 * back only when the bytes still match it. Storage work runs on worker threads.
 */
@ApplicationScoped
public class SubmissionFiles {
    private static final Logger LOG = Logger.getLogger(SubmissionFiles.class);

    private static final Map<String, byte[]> MAGIC = Map.of(
            "application/pdf", "%PDF-".getBytes(),
            "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            "image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "application/zip", new byte[]{'P', 'K', 3, 4},
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[]{'P', 'K', 3, 4});

    private final FileStorage storage;
    private final LearningConfig config;
    private final Vertx vertx;

    public SubmissionFiles(FileStorage storage, LearningConfig config, Vertx vertx) {
        this.storage = storage;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Checks an upload's size and declared type against {@code kelas.learning.uploads.*}.
     *
     * @param size bytes
     * @return the content type without parameters, lower case
     * @throws ValidationException if the file is too large or its type is not allowed
     */
    public String checkUpload(String declaredType, long size) {
        String contentType = normalise(declaredType);
        if (size > config.uploads().maxFileBytes()) {
            throw new ValidationException("file", "is larger than " + config.uploads().maxFileBytes() + " bytes");
        }
        if (!config.uploads().allowedTypes().stream().map(SubmissionFiles::normalise).toList().contains(contentType)) {
            throw new ValidationException("file", "content type " + contentType + " is not accepted; allowed: "
                    + String.join(", ", config.uploads().allowedTypes()));
        }
        return contentType;
    }

    /**
     * Checks the spooled file's content against its type and stores it under {@code key}.
     *
     * @return its SHA-256, hex
     * @throws ValidationException if the content is not what its type says
     */
    public Uni<String> store(Path path, String contentType, String key) {
        return vertx.executeBlocking(() -> storeChecked(path, contentType, key), false);
    }

    /** Removes a stored file after a failed submission; a failure to remove is logged, not raised. */
    public Uni<Void> remove(String key) {
        return vertx.executeBlocking(() -> {
            removeQuietly(key);
            return null;
        }, false);
    }

    /**
     * A stored file's bytes, checked against its SHA-256.
     *
     * @throws IllegalStateException if the stored bytes do not match the checksum
     */
    public Uni<byte[]> read(StoredFile file) {
        return vertx.executeBlocking(() -> {
            byte[] bytes = storage.get(file.storageKey);
            String actual = HexFormat.of().formatHex(sha256().digest(bytes));
            if (!actual.equals(file.sha256)) {
                throw new IllegalStateException("Stored file " + file.id + " fails its checksum (" + actual + ")");
            }
            return bytes;
        }, false);
    }

    /** Checks the file's first bytes against its type, copies it into storage, and answers its SHA-256 (hex). */
    private String storeChecked(Path path, String contentType, String key) throws IOException {
        MessageDigest digest = sha256();
        byte[] head = new byte[8192];
        int headLength = 0;
        try (InputStream in = Files.newInputStream(path)) {
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
        storage.put(key, path, contentType);
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

    private static String normalise(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    /** The last path segment of an uploaded name without control characters or quotes, at most 200 characters; {@code file} when empty. */
    public static String safeFileName(String name) {
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
