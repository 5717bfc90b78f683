package dev.kelas.learning.assignment;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How a stored file goes back to a browser: a download, never rendered in place, never cached by the browser. */
public final class FileDownloads {
    private FileDownloads() {
    }

    /**
     * A 200 with the file's bytes as an attachment under its stored name (RFC 6266 {@code filename*}), its
     * content type with {@code nosniff}, {@code Cache-Control: private, no-store}, and its SHA-256 as {@code Digest}.
     *
     * @param bytes the file's content, already checked against {@code file.sha256}
     */
    public static Response attachment(StoredFile file, byte[] bytes) {
        return Response.ok(bytes)
                .type(file.contentType)
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header("Digest", "sha-256=" + file.sha256)
                .build();
    }
}
