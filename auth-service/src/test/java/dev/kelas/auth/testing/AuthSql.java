package dev.kelas.auth.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Plain JDBC against the test run's auth database (the one the running {@code @QuarkusTest} uses), for tests that
 * read what the service wrote (an outbox row's token) or age a row (an expired link).
 */
public final class AuthSql {
    private AuthSql() {
    }

    /** The first column of the first row, or null when there is none. */
    public static Object one(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs an update that must change exactly one row.
     *
     * @throws AssertionError when it changes none or several
     */
    public static void updateOne(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            int changed = s.executeUpdate();
            if (changed != 1) {
                throw new AssertionError(changed + " rows changed by " + sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A data source on the test database, from the running test's {@code quarkus.datasource.jdbc.url}. */
    public static PGSimpleDataSource dataSource() {
        var config = ConfigProvider.getConfig();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(config.getValue("quarkus.datasource.jdbc.url", String.class));
        dataSource.setUser(config.getValue("quarkus.datasource.username", String.class));
        return dataSource;
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
