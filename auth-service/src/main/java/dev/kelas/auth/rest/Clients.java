package dev.kelas.auth.rest;

import dev.kelas.auth.service.ClientInfo;
import io.vertx.core.http.HttpServerRequest;

/** Reads who is calling from the HTTP request: address (proxy-aware, see quarkus.http.proxy.*) and User-Agent. */
/** Package-private helper; see {@link #of}. */
final class Clients {
    private Clients() {
    }

    static ClientInfo of(HttpServerRequest request) {
        String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new ClientInfo(ip, request.getHeader("User-Agent"));
    }
}
