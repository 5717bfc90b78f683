package dev.kelas.auth.common;

import io.vertx.core.http.HttpServerRequest;

/** Reads who is calling from the HTTP request: address (proxy-aware, see quarkus.http.proxy.*) and User-Agent. */
public final class Clients {
    private Clients() {
    }

    /** The caller's address and User-Agent (either may be null) for the audit log and sessions. */
    public static ClientInfo of(HttpServerRequest request) {
        String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new ClientInfo(ip, request.getHeader("User-Agent"));
    }
}
