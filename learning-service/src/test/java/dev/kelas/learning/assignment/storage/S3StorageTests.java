package dev.kelas.learning.assignment.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link S3Storage} against a small in-process stand-in for an S3 endpoint that checks each request's SigV4
 * signature and payload hash. It shows the requests are well-formed and signed; it is not a real S3 or MinIO.
 */
class S3StorageTests {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private S3Storage storage;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        storage = new S3Storage(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "eu-central-1", "kelas files",
                "AKIDTEST", "secret/TEST", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldPutGetAndDeleteSignedObjects(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("essay.txt"), "An essay about rivers.");
        storage.put("tenant-1/file 1", file, "text/plain");
        assertEquals(List.of(), refused);
        assertArrayEquals(Files.readAllBytes(file), objects.get("/kelas%20files/tenant-1/file%201"));
        assertArrayEquals(Files.readAllBytes(file), storage.get("tenant-1/file 1"));

        storage.delete("tenant-1/file 1");
        assertThrows(FileNotFoundException.class, () -> storage.get("tenant-1/file 1"));
        storage.delete("tenant-1/file 1");
        assertEquals(List.of(), refused);
    }

    @Test
    void shouldFailWhenTheStoreRefusesTheSignature(@TempDir Path dir) throws Exception {
        S3Storage wrongKey = new S3Storage(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "eu-central-1",
                "kelas files", "AKIDTEST", "not-the-secret", Clock.fixed(NOW, ZoneOffset.UTC));
        Path file = Files.writeString(dir.resolve("x.txt"), "x");
        IOException failure = assertThrows(IOException.class, () -> wrongKey.put("t/x", file, "text/plain"));
        assertEquals(true, failure.getMessage().contains("403"), failure.getMessage());
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        String payloadHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        Map<String, String> signed = new LinkedHashMap<>();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        for (String name : signedHeaders.split(";")) {
            signed.put(name, exchange.getRequestHeaders().getFirst(name));
        }
        String expected = SigV4.authorization(exchange.getRequestMethod(), path, "", signed, payloadHash, NOW, "eu-central-1",
                "AKIDTEST", "secret/TEST");
        String actualHash;
        try {
            actualHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (Exception e) {
            throw new IOException(e);
        }
        if (!expected.equals(authorization) || !actualHash.equals(payloadHash)) {
            refused.add(exchange.getRequestMethod() + " " + path);
            reply(exchange, 403, "SignatureDoesNotMatch".getBytes());
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                objects.put(path, body);
                reply(exchange, 200, new byte[0]);
            }
            case "GET" -> {
                byte[] object = objects.get(path);
                reply(exchange, object == null ? 404 : 200, object == null ? "NoSuchKey".getBytes() : object);
            }
            case "DELETE" -> {
                objects.remove(path);
                reply(exchange, 204, null);
            }
            default -> reply(exchange, 405, new byte[0]);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
