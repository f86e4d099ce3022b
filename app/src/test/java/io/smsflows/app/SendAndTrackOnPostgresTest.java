package io.smsflows.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The same loop on PostgreSQL, the production database: a fresh database per run on the local server
 * (127.0.0.1:5432, trust authentication; .ci/run starts the server if needed). Override with SMSFLOWS_TEST_PG_URL
 * (a server URL without database, e.g. jdbc:postgresql://db:5432/) and SMSFLOWS_TEST_PG_USER.
 */
@TestPropertySource(properties = "camunda.bpm.process-engine-name=e2e-pg")
class SendAndTrackOnPostgresTest extends SendAndTrackEndToEndTest {

    private static final String SERVER = System.getenv().getOrDefault("SMSFLOWS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("SMSFLOWS_TEST_PG_USER", "postgres");
    private static final String DATABASE = "smsflows_e2e_" + ProcessHandle.current().pid();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        registry.add("spring.datasource.url", () -> SERVER + DATABASE);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
