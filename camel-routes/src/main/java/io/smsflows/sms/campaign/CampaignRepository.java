package io.smsflows.sms.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tables of campaigns: {@code sms_campaign}, its audience {@code sms_campaign_recipient}, its conversions. */
public class CampaignRepository {

    /** A campaign as stored when it was requested. */
    /**
     * @param request    the CRM's request as it came (its inline recipients are read from here, not from a process
     *                   variable)
     * @param definition the content as last previewed (what the sends use)
     * @param problems   sends that could not be made, in words
     */
    public record CampaignRow(String id, String requestId, String name, String category, String request,
                              String definition, String problems, String processInstanceId, String createdBy,
                              Instant createdAt) {
    }

    /** One row of the audience, as a batch reads it. */
    public record AudienceRow(int index, String recipient, String country, String variant, String locale,
                              String variables) {
    }

    /** One row to store: excluded is null for a number that will be sent. */
    public record NewRecipient(int index, String recipient, String country, String variant, boolean test,
                               String locale, String variables, String excluded) {
    }

    private static final int PAGE = 1000;
    private final JdbcTemplate jdbc;

    public CampaignRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CampaignRow c) {
        jdbc.update("insert into sms_campaign (id, request_id, name, category, request, definition, "
                        + "process_instance_id, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(),
                c.requestId(), c.name(), c.category(), c.request(), c.definition(), c.processInstanceId(),
                c.createdBy(), Timestamp.from(c.createdAt()));
    }

    public void processStarted(String id, String processInstanceId) {
        jdbc.update("update sms_campaign set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    /** Replaces the stored request (its inline numbers removed once the audience holds them). */
    public void request(String id, String request) {
        jdbc.update("update sms_campaign set request = ? where id = ?", request, id);
    }

    public void definition(String id, String definition) {
        jdbc.update("update sms_campaign set definition = ? where id = ?", definition, id);
    }

    public Optional<CampaignRow> findById(String id) {
        return jdbc.query("select * from sms_campaign where id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    public Optional<CampaignRow> findByRequestId(String requestId) {
        return jdbc.query("select * from sms_campaign where request_id = ?", (rs, i) -> map(rs), requestId).stream()
                .findFirst();
    }

    private static CampaignRow map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CampaignRow(rs.getString("id"), rs.getString("request_id"), rs.getString("name"),
                rs.getString("category"), rs.getString("request"), rs.getString("definition"),
                rs.getString("problems"), rs.getString("process_instance_id"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Notes a send that could not be made (kept to the column's 4,000 characters). */
    public void problem(String id, String problem) {
        // one statement: parallel sends (an A/B test's) each add theirs
        String cut = problem.length() > 1000 ? problem.substring(0, 1000) : problem;
        jdbc.update("update sms_campaign set problems = case when problems is null then ? else "
                + "substring(concat(problems, '; ', ?), 1, 4000) end where id = ?", cut, cut, id);
    }

    /** How many numbers one send would read (see {@link #audience}). */
    public int count(String campaignId, String variant, String group) {
        return jdbc.queryForObject("select count(*) from sms_campaign_recipient where " + where(variant, group),
                Integer.class, variant == null ? new Object[] {campaignId} : new Object[] {campaignId, variant});
    }

    private static String where(String variant, String group) {
        return "campaign_id = ? and excluded is null"
                + (variant == null ? "" : " and variant = ?")
                + switch (group) {
                    case "test" -> " and test_group = true";
                    case "rest" -> " and test_group = false";
                    case "all" -> "";
                    default -> throw new IllegalArgumentException("campaign group '" + group
                            + "' is not one of test, rest, all");
                };
    }

    /** Drops an earlier build of the audience (a job that is retried builds it again from the source). */
    public void clearAudience(String campaignId) {
        jdbc.update("delete from sms_campaign_recipient where campaign_id = ?", campaignId);
    }

    public void insertRecipients(String campaignId, List<NewRecipient> rows) {
        jdbc.batchUpdate("insert into sms_campaign_recipient (campaign_id, row_index, recipient, country, variant, "
                + "test_group, locale, variables, excluded) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, rows.size(),
                (ps, r) -> {
                    ps.setString(1, campaignId);
                    ps.setInt(2, r.index());
                    ps.setString(3, r.recipient());
                    ps.setString(4, r.country());
                    ps.setString(5, r.variant());
                    ps.setBoolean(6, r.test());
                    ps.setString(7, r.locale());
                    ps.setString(8, r.variables());
                    ps.setString(9, r.excluded());
                });
    }

    /** Rows left out of the audience, by reason. */
    public Map<String, Integer> excluded(String campaignId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("select excluded, count(*) n from sms_campaign_recipient where campaign_id = ? and excluded is not "
                + "null group by excluded order by excluded", rs -> {
                    counts.put(rs.getString("excluded"), rs.getInt("n"));
                }, campaignId);
        return counts;
    }

    /**
     * The numbers one send reads, a page at a time in row order.
     *
     * @param variant the variant they were assigned, or null for any (the rest after a test)
     * @param group   {@code test}, {@code rest} or {@code all}
     */
    public Iterator<AudienceRow> audience(String campaignId, String variant, String group) {
        String where = where(variant, group);
        String sql = "select row_index, recipient, country, variant, locale, variables from sms_campaign_recipient where "
                + where + " and row_index > ? order by row_index fetch first " + PAGE + " rows only";
        return new Iterator<>() {
            private List<AudienceRow> page = List.of();
            private int next;
            private int after = -1;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                List<Object> args = new ArrayList<>(List.of(campaignId));
                if (variant != null) {
                    args.add(variant);
                }
                args.add(after);
                page = jdbc.query(sql, (rs, i) -> new AudienceRow(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), args.toArray());
                next = 0;
                last = page.size() < PAGE;
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).index();
                }
                return !page.isEmpty();
            }

            @Override
            public AudienceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++);
            }
        };
    }

    /** Records a conversion once per CRM event; false if that event was recorded already. */
    public boolean conversion(String campaignId, String eventId, String recipient, String variant,
                              java.math.BigDecimal amount, String currency, Instant occurredAt) {
        Integer known = jdbc.queryForObject("select count(*) from sms_campaign_conversion where campaign_id = ? and "
                + "event_id = ?", Integer.class, campaignId, eventId);
        if (known != null && known > 0) {
            return false;
        }
        try {
            jdbc.update("insert into sms_campaign_conversion (campaign_id, event_id, recipient, variant, amount, "
                            + "currency, occurred_at) values (?, ?, ?, ?, ?, ?, ?)", campaignId, eventId, recipient,
                    variant, amount, currency, Timestamp.from(occurredAt));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false; // the same event, sent twice at once
        }
    }

    /** The variant a number was sent in this campaign (its last message), or null if it was sent none. */
    public String variantOf(String campaignId, String recipient) {
        return jdbc.query("select b.variant from sms_message m join sms_batch b on b.id = m.batch_id where "
                        + "b.campaign_id = ? and m.recipient = ? order by m.created_at desc fetch first 1 rows only",
                (rs, i) -> rs.getString(1), campaignId, recipient).stream().findFirst().orElse(null);
    }

    /** The campaign whose message most recently went to this number since {@code since}, or empty. */
    public Optional<CampaignRow> lastCampaignTo(String recipient, Instant since) {
        return jdbc.query("select c.* from sms_message m join sms_batch b on b.id = m.batch_id join sms_campaign c "
                + "on c.id = b.campaign_id where m.recipient = ? and m.submitted_at >= ? order by m.submitted_at desc "
                + "fetch first 1 rows only", (rs, i) -> map(rs), recipient, Timestamp.from(since)).stream().findFirst();
    }

    /** Tags a batch with the campaign and variant it sends (in the transaction that accepted it). */
    public void tagBatch(String batchId, String campaignId, String variant) {
        jdbc.update("update sms_batch set campaign_id = ?, variant = ? where id = ?", campaignId, variant, batchId);
    }

    /** The campaign's batches that have not ended. */
    public List<String> openBatches(String campaignId) {
        return jdbc.queryForList("select id from sms_batch where campaign_id = ? and state in ('ACCEPTED', "
                + "'SENDING')", String.class, campaignId);
    }
}
