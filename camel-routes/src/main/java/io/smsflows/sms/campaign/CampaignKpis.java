package io.smsflows.sms.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign's figures per variant and in total, read from the pipeline's own rows (messages, links and clicks,
 * replies, opt-outs, conversions): live while it sends, the same numbers Cockpit and the CRM see.
 *
 * <p>They add up: {@code messages = sent + notSent + queued}, {@code sent = delivered + failed + pending}. The
 * click-through rate is unique clicks (links a person opened at least once; link previews and bots are not counted)
 * over delivered messages. A reply or an opt-out counts for a campaign when it came from one of its numbers after
 * that number's message went out, and at most {@link #REPLY_WINDOW} after the campaign's last message. Replies
 * count answers; STOP, START and HELP are in {@code repliesByIntent} only (opt-outs are counted apart).
 */
public class CampaignKpis {

    /**
     * @param messages   messages made for the variant (its batches' accepted rows)
     * @param sent       handed to a carrier
     * @param pending    sent, no final receipt yet
     * @param failed     sent and not delivered (carrier error or expired)
     * @param notSent    stopped before the wire, by reason (opted out, no consent, cancelled, capped...)
     * @param queued     not sent yet
     * @param failedBy   failures by error code
     */
    public record Figures(String variant, int messages, int sent, int delivered, int failed, int pending,
                          int queued, Map<String, Integer> notSent, Map<String, Integer> failedBy, long parts,
                          BigDecimal cost, int clicks, int uniqueClicks, int botRequests, double clickThroughRate,
                          int replies, Map<String, Integer> repliesByIntent, int optOuts, int conversions,
                          BigDecimal revenue) {
    }

    /** The whole campaign: its audience and exclusions, the total, and each variant. */
    public record Report(int audience, Map<String, Integer> excluded, Figures total, List<Figures> variants,
                         String currency) {
    }

    /** Replies and opt-outs count for a campaign up to this long after its last message went out. */
    public static final java.time.Duration REPLY_WINDOW = java.time.Duration.ofDays(7);
    private static final java.util.Set<String> CONTROL_WORDS = java.util.Set.of("STOP", "START", "OPT_IN", "HELP");

    private final JdbcTemplate jdbc;
    private final String currency;

    public CampaignKpis(JdbcTemplate jdbc, String currency) {
        this.jdbc = jdbc;
        this.currency = currency;
    }

    /** The currency of costs and revenue (smsflows.pricing.currency). */
    public String currency() {
        return currency;
    }

    public Report report(String campaignId) {
        Map<String, Tally> byVariant = new TreeMap<>();
        jdbc.query("select b.variant, m.status, m.error_code, case when m.submitted_at is null then 0 else 1 end "
                + "on_wire, count(*) n from sms_message m join sms_batch b on b.id = m.batch_id where b.campaign_id = ? "
                + "group by b.variant, m.status, m.error_code, case when m.submitted_at is null then 0 else 1 end",
                rs -> {
                    Tally t = byVariant.computeIfAbsent(variant(rs.getString(1)), Tally::new);
                    t.message(rs.getString(2), rs.getString(3), rs.getInt(4) == 1, rs.getInt(5));
                }, campaignId);
        jdbc.query("select variant, sum(parts), sum(cost), min(case when priced then 1 else 0 end) from sms_batch "
                + "where campaign_id = ? group by variant", rs -> {
                    Tally t = byVariant.computeIfAbsent(variant(rs.getString(1)), Tally::new);
                    t.parts += rs.getLong(2);
                    t.cost = rs.getInt(4) == 1 ? t.cost.add(rs.getBigDecimal(3)) : null;
                }, campaignId);
        jdbc.query("select b.variant, count(*), count(distinct case when c.bot then null else l.message_id end), "
                + "sum(case when c.bot then 1 else 0 end) from sms_link_click c join sms_link l on l.code = c.code "
                + "join sms_batch b on b.id = l.batch_id where b.campaign_id = ? group by b.variant", rs -> {
                    Tally t = byVariant.computeIfAbsent(variant(rs.getString(1)), Tally::new);
                    t.botRequests = rs.getInt(4);
                    t.clicks = rs.getInt(2) - t.botRequests;
                    t.uniqueClicks = rs.getInt(3); // messages clicked: a text with two links is one person
                }, campaignId);
        // replies and opt-outs: from a number after its campaign message went out, up to a week after the last one
        java.sql.Timestamp lastSent = jdbc.queryForObject("select max(m.submitted_at) from sms_message m join sms_batch b "
                + "on b.id = m.batch_id where b.campaign_id = ?", java.sql.Timestamp.class, campaignId);
        if (lastSent != null) {
            java.sql.Timestamp until = java.sql.Timestamp.from(lastSent.toInstant().plus(REPLY_WINDOW));
            // complete messages the reply pipeline handled (not parts, duplicates or undecodable ones)
            jdbc.query("select b.variant, coalesce(i.intent, 'OTHER'), count(distinct i.id) from sms_inbound i "
                    + "join sms_message m on (m.recipient = i.source_addr or m.recipient = concat('+', i.source_addr)) "
                    + "join sms_batch b on b.id = m.batch_id where b.campaign_id = ? and m.submitted_at is not null "
                    + "and i.received_at >= m.submitted_at and i.received_at <= ? and i.kind = 'MESSAGE' "
                    + "and i.status = 'DONE' group by b.variant, coalesce(i.intent, 'OTHER')", rs -> {
                        Tally t = byVariant.computeIfAbsent(variant(rs.getString(1)), Tally::new);
                        t.repliesByIntent.merge(rs.getString(2), rs.getInt(3), Integer::sum);
                        if (!CONTROL_WORDS.contains(rs.getString(2))) {
                            t.replies += rs.getInt(3); // STOP and START are opt-outs and opt-ins, not answers
                        }
                    }, campaignId, until);
            jdbc.query("select b.variant, count(distinct s.recipient) from sms_suppression s join sms_message m on "
                    + "m.recipient = s.recipient join sms_batch b on b.id = m.batch_id where b.campaign_id = ? and "
                    + "m.submitted_at is not null and s.created_at >= m.submitted_at and s.created_at <= ? "
                    + "group by b.variant", rs -> {
                        byVariant.computeIfAbsent(variant(rs.getString(1)), Tally::new).optOuts = rs.getInt(2);
                    }, campaignId, until);
        }
        jdbc.query("select variant, count(*), sum(amount) from sms_campaign_conversion where campaign_id = ? "
                + "group by variant", rs -> {
                    Tally t = byVariant.computeIfAbsent(variant(rs.getString(1)), Tally::new);
                    t.conversions = rs.getInt(2);
                    t.revenue = rs.getBigDecimal(3) == null ? BigDecimal.ZERO : rs.getBigDecimal(3);
                }, campaignId);

        Tally total = new Tally("all");
        List<Figures> variants = new ArrayList<>();
        for (Tally t : byVariant.values()) {
            variants.add(t.figures());
            total.add(t);
        }
        Integer audience = jdbc.queryForObject("select count(*) from sms_campaign_recipient where campaign_id = ? "
                + "and excluded is null", Integer.class, campaignId);
        Map<String, Integer> excluded = new LinkedHashMap<>();
        jdbc.query("select excluded, count(*) from sms_campaign_recipient where campaign_id = ? and excluded is not "
                + "null group by excluded order by excluded", rs -> {
                    excluded.put(rs.getString(1), rs.getInt(2));
                }, campaignId);
        return new Report(audience == null ? 0 : audience, excluded, total.figures(), variants, currency);
    }

    private static String variant(String v) {
        return v == null ? "-" : v;
    }

    private static final class Tally {
        private final String variant;
        private int messages;
        private int sent;
        private int delivered;
        private int failed;
        private int pending;
        private int queued;
        private final Map<String, Integer> notSent = new TreeMap<>();
        private final Map<String, Integer> failedBy = new TreeMap<>();
        private long parts;
        private BigDecimal cost = BigDecimal.ZERO;
        private int clicks;
        private int uniqueClicks;
        private int botRequests;
        private int replies;
        private final Map<String, Integer> repliesByIntent = new TreeMap<>();
        private int optOuts;
        private int conversions;
        private BigDecimal revenue = BigDecimal.ZERO;

        Tally(String variant) {
            this.variant = variant;
        }

        void message(String status, String error, boolean onWire, int n) {
            messages += n;
            if (onWire) {
                sent += n;
                switch (status) {
                    case "DELIVERED" -> delivered += n;
                    case "FAILED", "EXPIRED" -> {
                        failed += n;
                        failedBy.merge(error == null ? status : error, n, Integer::sum);
                    }
                    default -> pending += n;
                }
            } else if ("FAILED".equals(status) || "CANCELLED".equals(status) || "EXPIRED".equals(status)) {
                notSent.merge(error == null ? status : error, n, Integer::sum);
            } else {
                queued += n;
            }
        }

        void add(Tally t) {
            messages += t.messages;
            sent += t.sent;
            delivered += t.delivered;
            failed += t.failed;
            pending += t.pending;
            queued += t.queued;
            t.notSent.forEach((k, v) -> notSent.merge(k, v, Integer::sum));
            t.failedBy.forEach((k, v) -> failedBy.merge(k, v, Integer::sum));
            parts += t.parts;
            cost = cost == null || t.cost == null ? null : cost.add(t.cost);
            clicks += t.clicks;
            uniqueClicks += t.uniqueClicks;
            botRequests += t.botRequests;
            replies += t.replies;
            t.repliesByIntent.forEach((k, v) -> repliesByIntent.merge(k, v, Integer::sum));
            optOuts += t.optOuts;
            conversions += t.conversions;
            revenue = revenue.add(t.revenue);
        }

        Figures figures() {
            double ctr = delivered == 0 ? 0 : BigDecimal.valueOf(uniqueClicks)
                    .divide(BigDecimal.valueOf(delivered), 4, RoundingMode.HALF_UP).doubleValue();
            return new Figures(variant, messages, sent, delivered, failed, pending, queued, new TreeMap<>(notSent),
                    new TreeMap<>(failedBy), parts, cost, clicks, uniqueClicks, botRequests, ctr, replies,
                    new TreeMap<>(repliesByIntent), optOuts, conversions, revenue);
        }
    }
}
