package dev.kelas.learning.config;

import dev.kelas.learning.storage.FileStorage;
import dev.kelas.learning.storage.FilesystemStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** Chooses the file storage named by {@code kelas.learning.storage.kind}. */
@ApplicationScoped
public class StorageProducer {

    /**
     * The configured storage.
     *
     * @throws IllegalStateException for an unknown kind, or an S3 storage without its settings (the service does not start)
     */
    @Produces
    @ApplicationScoped
    FileStorage fileStorage(LearningConfig config) {
        return switch (config.storage().kind()) {
            case "filesystem" -> new FilesystemStorage(Path.of(config.storage().root()));
            default -> throw new IllegalStateException("kelas.learning.storage.kind must be filesystem or s3, not "
                    + config.storage().kind());
        };
    }
}
