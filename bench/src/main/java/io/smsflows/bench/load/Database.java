package io.smsflows.bench.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database for one measured process, and read access to it from the load tool: H2 as a file with
 * AUTO_SERVER (the app opens it embedded, the tool through the server H2 starts for it) or a new PostgreSQL
 * database on the local server.
 */
final class Database {

    final String url;
    final String user;

    private Database(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** @param options H2 URL settings as the app's default URL has them (AUTO_SERVER is added) */
    static Database h2(Path dir, String name, String options) {
        return new Database("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";AUTO_SERVER=TRUE" + options, "sa");
    }

    static Database postgres(String server, String user, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "postgres", user, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        return new Database(server + name, user);
    }

    /** Arguments that point the app at this database. */
    List<String> appArgs() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    long count(String sql, Object... args) throws SQLException {
        List<long[]> rows = longs(sql, args);
        return rows.isEmpty() ? 0 : rows.get(0)[0];
    }

    /** Rows of numbers (timestamps as epoch millis). */
    List<long[]> longs(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<long[]> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    long[] row = new long[n];
                    for (int i = 0; i < n; i++) {
                        Object v = rs.getObject(i + 1);
                        row[i] = v instanceof Number num ? num.longValue()
                                : v instanceof java.util.Date d ? d.getTime()
                                : v instanceof java.time.OffsetDateTime o ? o.toInstant().toEpochMilli()
                                : v instanceof java.time.LocalDateTime l ? java.sql.Timestamp.valueOf(l).getTime()
                                : v == null ? -1 : Long.parseLong(v.toString());
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
