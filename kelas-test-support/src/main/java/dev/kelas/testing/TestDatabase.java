package dev.kelas.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database of one test JVM on the local server: {@code <prefix>_<pid>}, created fresh and
 * dropped again by {@link #close()}, so two checkouts can test side by side without touching each other's
 * databases. Server from {@code KELAS_DB_HOST} (127.0.0.1), {@code KELAS_DB_PORT} (5432), {@code KELAS_DB_USER}
 * (postgres, trust authentication on loopback).
 */
public final class TestDatabase implements AutoCloseable {
    private static final String HOST = Ports.env("KELAS_DB_HOST", "127.0.0.1");
    private static final String PORT = Ports.env("KELAS_DB_PORT", "5432");
    private static final String USER = Ports.env("KELAS_DB_USER", "postgres");
    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /**
     * Drops {@code <prefix>_<pid>} if a run with this pid left it behind, and creates it.
     *
     * @param prefix lower case letters, digits and underscores, e.g. {@code kelas_test_auth}
     */
    public static TestDatabase create(String prefix) {
        if (!prefix.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a database name prefix: " + prefix);
        }
        TestDatabase database = new TestDatabase(prefix + "_" + ProcessHandle.current().pid());
        database.admin("drop database if exists " + database.name + " with (force)");
        database.admin("create database " + database.name);
        return database;
    }

    /** Its name. */
    public String name() {
        return name;
    }

    /** Host of the server, for {@code kelas.db.host}. */
    public String host() {
        return HOST;
    }

    /** Port of the server, for {@code kelas.db.port}. */
    public String port() {
        return PORT;
    }

    /** User on the server, for {@code kelas.db.user}. */
    public String user() {
        return USER;
    }

    /** JDBC URL of this database (with the user), for checks that look at rows directly. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name + "?user=" + USER;
    }

    /** Drops the database; a failure is ignored (the next run with this pid drops it first). */
    @Override
    public void close() {
        try {
            admin("drop database if exists " + name + " with (force)");
        } catch (RuntimeException ignored) {
            // harmless leftover
        }
    }

    private void admin(String sql) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
