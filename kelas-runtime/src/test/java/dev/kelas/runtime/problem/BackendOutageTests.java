package dev.kelas.runtime.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures are an outage (503 with Retry-After) and which are bugs (500), by SQLSTATE and exception. */
class BackendOutageTests {
    @Test
    void shouldTreatConnectionSqlStatesAsAnOutageWhereverTheyAreInTheChain() {
        assertTrue(BackendOutage.causes(new CompletionException(new PgException("too many", "FATAL", "53300", null))));
        assertTrue(BackendOutage.causes(new PgException("shutting down", "FATAL", "57P01", null)));
        assertTrue(BackendOutage.causes(new RuntimeException(new SQLException("no connection", "08006"))));
        assertTrue(BackendOutage.causes(new SQLException("too many clients already", "53300")));
    }

    @Test
    void shouldTreatOtherSqlStatesAsBugs() {
        assertFalse(BackendOutage.causes(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(BackendOutage.causes(new PgException("disk full", "ERROR", "53100", null)));
        assertFalse(BackendOutage.causes(new SQLException("syntax", "42601")));
        assertFalse(BackendOutage.causes(new IllegalStateException("a bug")));
    }
}
