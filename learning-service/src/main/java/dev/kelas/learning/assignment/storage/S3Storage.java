package dev.kelas.learning.assignment.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Files as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW), addressed path-style
 * ({@code <endpoint>/<bucket>/<key>}) and signed with AWS Signature Version 4 over the JDK's HTTP client.
 * Objects are PUT with their SHA-256 as {@code x-amz-content-sha256}, so the store itself refuses a body that
 * arrived damaged.
 */
public class S3Storage implements FileStorage {
    private final URI endpoint;
    private final String region;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private final HttpClient http;
    private final Clock clock;

    /**
     * @param endpoint e.g. {@code https://s3.eu-central-1.amazonaws.com} or {@code http://minio:9000}
     */
    public S3Storage(URI endpoint, String region, String bucket, String accessKey, String secretKey, Clock clock) {
        this.endpoint = URI.create(endpoint.toString().replaceAll("/+$", ""));
        this.region = region;
        this.bucket = bucket;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void put(String key, Path source, String contentType) throws IOException {
        String sha256 = sha256(source);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("content-type", contentType);
        HttpResponse<byte[]> response = send("PUT", key, extra, sha256, HttpRequest.BodyPublishers.ofFile(source));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("S3 PUT " + key + " answered " + response.statusCode() + ": " + text(response));
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        HttpResponse<byte[]> response = send("GET", key, Map.of(), SigV4.EMPTY_SHA256, HttpRequest.BodyPublishers.noBody());
        if (response.statusCode() == 404) {
            throw new FileNotFoundException("Nothing stored under " + key);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("S3 GET " + key + " answered " + response.statusCode() + ": " + text(response));
        }
        return response.body();
    }

    @Override
    public void delete(String key) throws IOException {
        HttpResponse<byte[]> response = send("DELETE", key, Map.of(), SigV4.EMPTY_SHA256, HttpRequest.BodyPublishers.noBody());
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new IOException("S3 DELETE " + key + " answered " + response.statusCode() + ": " + text(response));
        }
    }

    private HttpResponse<byte[]> send(String method, String key, Map<String, String> extraHeaders, String payloadHash,
                                      HttpRequest.BodyPublisher body) throws IOException {
        String path = endpoint.getRawPath() + "/" + encode(bucket) + "/"
                + Arrays.stream(key.split("/")).map(S3Storage::encode).collect(Collectors.joining("/"));
        URI uri = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path);
        Instant now = clock.instant();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", endpoint.getRawAuthority());
        headers.put("x-amz-content-sha256", payloadHash);
        headers.put("x-amz-date", SigV4.AMZ_DATE.format(now));
        headers.putAll(extraHeaders);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).method(method, body)
                .header("Authorization", SigV4.authorization(method, path, "", headers, payloadHash, now, region, accessKey, secretKey));
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted talking to S3", e);
        }
    }

    /** URI-encodes one path segment as SigV4 wants it (RFC 3986 unreserved characters stay). */
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
