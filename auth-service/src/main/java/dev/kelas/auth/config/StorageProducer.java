package dev.kelas.auth.config;

import dev.kelas.runtime.storage.FileStorage;
import dev.kelas.runtime.storage.FileStorages;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Chooses the file storage of avatars named by {@code kelas.auth.storage.kind}. */
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
    FileStorage fileStorage(AuthConfig config) {
        AuthConfig.S3 s3 = config.storage().s3();
        return FileStorages.of("kelas.auth.storage", config.storage().kind(), config.storage().root(),
                new FileStorages.S3Settings(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(), s3.secretKey()));
    }

    /** Closes the storage's connections at shutdown (an S3 client's pool; nothing for a directory). */
    void close(@Disposes FileStorage storage) throws Exception {
        if (storage instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
