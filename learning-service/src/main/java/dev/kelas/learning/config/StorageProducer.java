package dev.kelas.learning.config;

import dev.kelas.learning.assignment.storage.FileStorage;
import dev.kelas.learning.assignment.storage.FilesystemStorage;
import dev.kelas.learning.assignment.storage.S3Storage;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Chooses the file storage named by {@code kelas.learning.storage.kind}. */
@ApplicationScoped
public class StorageProducer {

    /**
     * The configured storage.
     *
     * @throws IllegalStateException for an unknown kind, or an S3 storage without its settings: made at start
     *                               ({@code @Startup}), so the service does not start
     */
    @Produces
    @ApplicationScoped
    @Startup
    FileStorage fileStorage(LearningConfig config) {
        return switch (config.storage().kind()) {
            case "filesystem" -> new FilesystemStorage(Path.of(config.storage().root()));
            case "s3" -> {
                LearningConfig.S3 s3 = config.storage().s3();
                yield new S3Storage(URI.create(required(s3.endpoint(), "endpoint")), s3.region(), required(s3.bucket(), "bucket"),
                        required(s3.accessKey(), "access-key"), required(s3.secretKey(), "secret-key"), Clock.systemUTC());
            }
            default -> throw new IllegalStateException("kelas.learning.storage.kind must be filesystem or s3, not "
                    + config.storage().kind());
        };
    }

    private static String required(Optional<String> value, String key) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                "kelas.learning.storage.s3." + key + " is required when kelas.learning.storage.kind is s3"));
    }
}
