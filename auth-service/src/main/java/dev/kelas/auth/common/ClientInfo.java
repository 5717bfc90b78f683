package dev.kelas.auth.common;

/**
 * Where a request came from: the client address (the {@code X-Forwarded-For} client when the peer is a
 * trusted proxy, see {@code quarkus.http.proxy.*}) and its {@code User-Agent}, cut to 256 characters.
 */
public record ClientInfo(String ip, String userAgent) {
    public ClientInfo {
        ip = ip == null || ip.isBlank() ? "unknown" : ip;
        userAgent = userAgent == null ? null : userAgent.length() > 256 ? userAgent.substring(0, 256) : userAgent;
    }
}
