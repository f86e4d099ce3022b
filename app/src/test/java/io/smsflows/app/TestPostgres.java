package io.smsflows.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests use: local (127.0.0.1:5432, trust authentication; .ci/run starts it if needed),
 * or SMSFLOWS_TEST_PG_URL (a server URL without database, e.g. jdbc:postgresql://db:5432/) and
 * SMSFLOWS_TEST_PG_USER.
 */
final class TestPostgres {

    static final String SERVER = System.getenv().getOrDefault("SMSFLOWS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getenv().getOrDefault("SMSFLOWS_TEST_PG_USER", "postgres");

    private TestPostgres() {
    }

    /** Drops and creates the database; returns its JDBC URL. */
    static String freshDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        return SERVER + name;
    }

    /** A fresh database as the application context's DataSource (a subclass of an H2 test runs on PostgreSQL). */
    static void useFreshDatabase(org.springframework.test.context.DynamicPropertyRegistry registry, String name)
            throws SQLException {
        String url = freshDatabase(name);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }

    static Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(SERVER + name, USER, "");
    }
}
