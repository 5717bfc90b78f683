package dev.kelas.learning.assignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.runtime.storage.FileStorage;
import dev.kelas.runtime.storage.FileStorages;
import dev.kelas.runtime.storage.S3Storage;
import dev.kelas.testing.S3TestServer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-in storage of kind {@code s3}, made from learning-service's keys exactly as {@code StorageProducer} makes
 * it, against a real S3-compatible server on loopback: Ceph's radosgw (scripts/s3_server.sh, via
 * {@link S3TestServer}), not a fake. Put, get, delete, a missing key, a wrong secret and a missing bucket.
 */
class HandInS3StorageTests {
    private static final String BUCKET = "kelas-hand-ins";
    private static S3TestServer server;
    private static FileStorage storage;

    @BeforeAll
    static void start() {
        server = S3TestServer.start();
        storage = storage(server.secretKey(), BUCKET);
        ((S3Storage) storage).client().createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stop() throws Exception {
        if (storage instanceof AutoCloseable closeable) {
            closeable.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static FileStorage storage(String secret, String bucket) {
        return FileStorages.of("kelas.learning.storage", "s3", "/unused", new FileStorages.S3Settings(
                Optional.of(server.endpoint()), server.region(), Optional.of(bucket), Optional.of(server.accessKey()),
                Optional.of(secret)));
    }

    @Test
    void shouldPutGetAndDeleteAHandIn(@TempDir Path dir) throws Exception {
        byte[] pdf = ("%PDF-1.7\n" + "An essay about rivers. ".repeat(5000)).getBytes();
        Path file = Files.write(dir.resolve("essay.pdf"), pdf);
        String key = UUID.randomUUID() + "/" + UUID.randomUUID();

        storage.put(key, file, "application/pdf");
        assertArrayEquals(pdf, storage.get(key));
        assertEquals("application/pdf", ((S3Storage) storage).client()
                .headObject(b -> b.bucket(BUCKET).key(key)).contentType());

        storage.delete(key);
        assertThrows(FileNotFoundException.class, () -> storage.get(key));
        storage.delete(key); // deleting what is gone is not an error
    }

    @Test
    void shouldSayFileNotFoundForAKeyNeverStored() {
        assertThrows(FileNotFoundException.class, () -> storage.get(UUID.randomUUID() + "/never stored"));
    }

    @Test
    void shouldKeepKeysWithSpacesAndUnicodeApart(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "first");
        Path b = Files.writeString(dir.resolve("b.txt"), "second");
        String tenant = UUID.randomUUID().toString();
        storage.put(tenant + "/file 1", a, "text/plain");
        storage.put(tenant + "/fïle+1", b, "text/plain");
        assertEquals("first", new String(storage.get(tenant + "/file 1")));
        assertEquals("second", new String(storage.get(tenant + "/fïle+1")));
    }

    @Test
    void shouldFailLoudlyWithAWrongSecretOrBucket(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.txt"), "x");
        FileStorage wrongSecret = storage("not-the-secret", BUCKET);
        IOException refused = assertThrows(IOException.class, () -> wrongSecret.put("t/x", file, "text/plain"));
        assertTrue(refused.getMessage().contains("403"), refused.getMessage());
        assertInstanceOf(IOException.class, assertThrows(IOException.class,
                () -> storage(server.secretKey(), "no-such-bucket").put("t/x", file, "text/plain")));
    }

    @Test
    void shouldRefuseAnS3KindWithoutItsSettings() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FileStorages.of("kelas.learning.storage", "s3",
                "/unused", new FileStorages.S3Settings(Optional.of("http://127.0.0.1:1"), "us-east-1", Optional.empty(),
                        Optional.of("a"), Optional.of("b"))));
        assertEquals("kelas.learning.storage.s3.bucket is required when kelas.learning.storage.kind is s3", e.getMessage());
        assertThrows(IllegalStateException.class, () -> FileStorages.of("kelas.learning.storage", "ftp", "/x",
                new FileStorages.S3Settings(Optional.empty(), "us-east-1", Optional.empty(), Optional.empty(), Optional.empty())));
        assertInstanceOf(URI.class, URI.create(server.endpoint()));
    }
}
