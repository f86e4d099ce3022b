package io.smsflows.sms.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The few statements that H2 and PostgreSQL spell differently. Everything else in our SQL is portable (both have
 * {@code FOR UPDATE SKIP LOCKED} and {@code FETCH FIRST n ROWS ONLY}).
 */
public enum SqlDialect {

    H2, POSTGRESQL;

    public static SqlDialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("h2")) {
                return H2;
            }
            throw new IllegalStateException("SMS Flows supports H2 and PostgreSQL, not " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product name", e);
        }
    }

    /**
     * A row that must exist, inserted if it does not (concurrent callers never fail on a duplicate). Parameters: the
     * key columns in order. On H2 an existing row is "updated" to itself (H2's MERGE ... KEY, which waits for a
     * concurrent insert of the same key instead of failing like the standard MERGE).
     */
    public String ensureRow(String table, String[] key) {
        if (this == POSTGRESQL) {
            return "insert into " + table + " (" + String.join(", ", key) + ") values ("
                    + Arrays.stream(key).map(c -> "?").collect(Collectors.joining(", ")) + ") on conflict do nothing";
        }
        return "merge into " + table + " (" + String.join(", ", key) + ") key (" + String.join(", ", key) + ") values ("
                + Arrays.stream(key).map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /**
     * An insert that does nothing when a row with the same key exists (a failed statement would abort a PostgreSQL
     * transaction). Parameters: the columns in order. Not for keys that concurrent transactions insert at once on H2
     * (use {@link #ensureRow}).
     */
    public String insertIfAbsent(String table, String[] columns, String[] key, String[] types) {
        String cols = String.join(", ", columns);
        if (this == POSTGRESQL) {
            return "insert into " + table + " (" + cols + ") values ("
                    + Arrays.stream(columns).map(c -> "?").collect(Collectors.joining(", ")) + ") on conflict do nothing";
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            values.append(i == 0 ? "" : ", ").append("cast(? as ").append(types[i]).append(')');
        }
        String on = Arrays.stream(key).map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" and "));
        return "merge into " + table + " t using (values (" + values + ")) s(" + cols + ") on " + on
                + " when not matched then insert (" + cols + ") values ("
                + Arrays.stream(columns).map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
    }
}
