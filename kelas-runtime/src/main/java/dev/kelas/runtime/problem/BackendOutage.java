package dev.kelas.runtime.problem;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;

/**
 * Tells a failure caused by an unreachable backend (PostgreSQL down or restarting, NATS unreachable) from a bug,
 * so the client gets 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} instead of 500: the request may
 * succeed when it is sent again, and nothing was written (the transaction did not commit).
 */
public final class BackendOutage {
    /** Seconds a client should wait before retrying, sent as {@code Retry-After}. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private BackendOutage() {
    }

    /**
     * Whether {@code failure}'s cause chain holds a connection failure: a refused or closed connection, a
     * timed-out pool acquisition, PostgreSQL SQLSTATE class 08 (connection exception) or 57P (operator
     * intervention: shutdown, crash, cannot connect now; PostgreSQL manual, appendix A), or any jnats failure.
     */
    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof ConnectException || cause instanceof ClosedChannelException
                    || cause instanceof io.vertx.sqlclient.ClosedConnectionException) {
                return true;
            }
            if (cause instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            String name = cause.getClass().getName();
            String message = String.valueOf(cause.getMessage());
            if (name.startsWith("io.nats.client.") || name.equals("io.vertx.core.impl.NoStackTraceTimeoutException")
                    || name.equals("io.vertx.core.http.ConnectionPoolTooBusyException")
                    || message.startsWith("Timeout or no response waiting for NATS JetStream server")
                    || message.contains("Connection refused") || message.equals("Pending connection is closed")) {
                return true;
            }
        }
        return false;
    }
}
