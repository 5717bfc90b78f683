package dev.kelas.runtime.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes the {@link FileStorage} a service's configuration names: the same keys under each service's prefix
 * ({@code kelas.learning.storage}, {@code kelas.auth.storage}): {@code kind} ({@code filesystem} or {@code s3}),
 * {@code root}, and {@code s3.endpoint}, {@code s3.region}, {@code s3.bucket}, {@code s3.access-key},
 * {@code s3.secret-key}.
 */
public final class FileStorages {
    private FileStorages() {
    }

    /** The S3 settings under {@code <prefix>.s3}; endpoint, bucket and keys are required for kind {@code s3}. */
    public record S3Settings(Optional<String> endpoint, String region, Optional<String> bucket, Optional<String> accessKey,
                             Optional<String> secretKey) {
    }

    /**
     * The storage of one service.
     *
     * @param prefix the configuration prefix, for error messages (e.g. {@code kelas.learning.storage})
     * @throws IllegalStateException for an unknown kind, or kind {@code s3} without its endpoint, bucket or keys
     */
    public static FileStorage of(String prefix, String kind, String root, S3Settings s3) {
        return switch (kind) {
            case "filesystem" -> new FilesystemStorage(Path.of(root));
            case "s3" -> new S3Storage(URI.create(required(prefix, s3.endpoint(), "endpoint")), s3.region(),
                    required(prefix, s3.bucket(), "bucket"), required(prefix, s3.accessKey(), "access-key"),
                    required(prefix, s3.secretKey(), "secret-key"));
            default -> throw new IllegalStateException(prefix + ".kind must be filesystem or s3, not " + kind);
        };
    }

    private static String required(String prefix, Optional<String> value, String key) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                prefix + ".s3." + key + " is required when " + prefix + ".kind is s3"));
    }
}
