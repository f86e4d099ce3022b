package io.smsflows.sms.compliance;

import io.smsflows.sms.support.PipelineMetrics;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Watches, per journey, the share of its questions answered in time (the double opt-in's YES, a reminder's reply)
 * against the journey's own recent past. A sharp drop is what SMS pumping looks like (a sign-up form abused to send
 * to premium numbers that never answer) or what a broken change to a journey does; either way someone should look.
 *
 * <p>A question counts once it has been on the wire for {@code answerWithin}: answered if its answer came within
 * that time. The last
 * {@code window} of such questions is compared with the {@code baseline} before it; with at least
 * {@code minQuestions} in both, a rate below {@code (1 - drop)} times the baseline's is an alert: one warning and
 * {@code smsflows.journey.answer-rate.drops{journey}} per journey and window. Read-only and cheap (two grouped
 * queries on an index, the baseline's refreshed once a window): every node may run it.
 */
public class AnswerRates {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerRates.class);

    /** One journey's figures over a period. */
    public record Rate(String journey, int asked, int answered) {
        public double ratio() {
            return asked == 0 ? 0 : (double) answered / asked;
        }
    }

    /** A journey whose answer rate fell. */
    public record Drop(String journey, Rate recent, Rate baseline) {
    }

    private final JdbcTemplate jdbc;
    private final FrequencyProperties.AnswerRate config;
    private final Clock clock;
    private final Map<String, Instant> alerted = new ConcurrentHashMap<>();
    private volatile PipelineMetrics metrics = PipelineMetrics.NONE;
    private volatile Map<String, Rate> baseline;
    private volatile Instant baselineAt;

    public AnswerRates(JdbcTemplate jdbc, FrequencyProperties.AnswerRate config, Clock clock) {
        this.jdbc = jdbc;
        this.config = config;
        this.clock = clock;
    }

    public void setMetrics(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    /** One check; returns the journeys alerted now. */
    public List<Drop> check() {
        Instant until = clock.instant().minus(config.getAnswerWithin());
        Instant recentFrom = until.minus(config.getWindow());
        if (baseline == null || baselineAt.isBefore(recentFrom)) {
            baseline = rates(recentFrom.minus(config.getBaseline()), recentFrom);
            baselineAt = until;
        }
        List<Drop> drops = new ArrayList<>();
        for (Rate recent : rates(recentFrom, until).values()) {
            Rate before = baseline.get(recent.journey());
            if (recent.asked() < config.getMinQuestions() || before == null
                    || before.asked() < config.getMinQuestions()) {
                continue; // too few to tell a drop from chance
            }
            if (recent.ratio() >= before.ratio() * (1 - config.getDrop())) {
                alerted.remove(recent.journey());
                continue;
            }
            Instant last = alerted.get(recent.journey());
            if (last != null && last.isAfter(until.minus(config.getWindow()))) {
                continue; // already said for this window
            }
            alerted.put(recent.journey(), until);
            drops.add(new Drop(recent.journey(), recent, before));
            metrics.answerRateDropped(recent.journey());
            LOG.warn("Journey '{}': {}% of its {} questions of the last {} were answered within {}, against {}% of {} "
                            + "over the {} before: SMS pumping (look at smsflows.range.bursts and the numbers asked) "
                            + "or a broken journey?", recent.journey(), percent(recent), recent.asked(),
                    config.getWindow(), config.getAnswerWithin(), percent(before), before.asked(), config.getBaseline());
        }
        return drops;
    }

    private static long percent(Rate r) {
        return Math.round(r.ratio() * 100);
    }

    /**
     * Questions that went on the wire in [from, to) per journey, and how many were answered within answerWithin of
     * that: counted from the submit, not the queueing, so a question held back (a sending window, a rate, a backlog)
     * does not look unanswered. Questions are queued before they are sent: created_at bounds the scan on its index.
     */
    private Map<String, Rate> rates(Instant from, Instant to) {
        long within = config.getAnswerWithin().toSeconds();
        Map<String, Rate> rates = new HashMap<>();
        // INTERVAL 'n' SECOND: standard SQL that H2 and PostgreSQL both read
        jdbc.query("select c.journey, count(*), sum(case when c.status = 'ANSWERED' and c.closed_at <= m.submitted_at + "
                        + "interval '" + within + "' second then 1 else 0 end) from sms_conversation c "
                        + "join sms_message m on m.id = c.sms_message_id "
                        + "where c.created_at >= ? and c.created_at < ? and m.submitted_at >= ? and m.submitted_at < ? "
                        + "and c.journey is not null group by c.journey",
                rs -> {
                    rates.put(rs.getString(1), new Rate(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                }, Timestamp.from(from.minus(config.getQueuedUpTo())), Timestamp.from(to), Timestamp.from(from),
                Timestamp.from(to));
        return rates;
    }
}
