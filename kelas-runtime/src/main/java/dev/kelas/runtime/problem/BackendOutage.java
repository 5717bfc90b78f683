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

    /** SQLSTATE class 08, class 57P, or 53300 (too_many_connections: the server has no connection slot now). */
    static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300"));
    }

    /**
     * Whether {@code failure}'s cause chain holds a connection failure: a refused or closed connection, a
     * timed-out pool acquisition, PostgreSQL SQLSTATE class 08 (connection exception), 57P (operator
     * intervention: shutdown, crash, cannot connect now) or 53300 (too many connections; PostgreSQL manual,
     * appendix A), from the reactive client or JDBC, or any jnats failure.
     */
    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof ConnectException || cause instanceof ClosedChannelException
                    || cause instanceof io.vertx.sqlclient.ClosedConnectionException) {
                return true;
            }
            if (cause instanceof io.vertx.pgclient.PgException pg && unavailable(pg.getSqlState())) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && unavailable(sql.getSQLState())) {
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
