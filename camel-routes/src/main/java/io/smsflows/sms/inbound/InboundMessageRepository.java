package io.smsflows.sms.inbound;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** SQL for sms_inbound: every mobile-originated message, stored before it is acknowledged. */
public class InboundMessageRepository {

    private final JdbcTemplate jdbc;

    public InboundMessageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String source, String dest, String body, int dataCoding, String rawHex,
                       Instant receivedAt, String status, String reason) {
        jdbc.update("insert into sms_inbound (id, source_addr, dest_addr, body, data_coding, raw_hex, received_at, "
                        + "status, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, source, dest, body, dataCoding,
                rawHex == null || rawHex.length() <= 2000 ? rawHex : rawHex.substring(0, 2000),
                Timestamp.from(receivedAt), status, reason);
    }

    public List<Map<String, Object>> latest(int limit) {
        return jdbc.queryForList("select id, source_addr, dest_addr, body, received_at, status, reason from sms_inbound "
                + "order by received_at desc fetch first " + limit + " rows only");
    }
}
