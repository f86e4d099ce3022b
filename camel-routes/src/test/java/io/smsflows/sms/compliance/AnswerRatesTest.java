package io.smsflows.sms.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.reply.Conversations;
import io.smsflows.sms.support.PipelineMetrics;
import io.smsflows.sms.support.TestPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answer-rate alert: a journey whose questions stop being answered is reported once, others are not. */
class AnswerRatesTest {

    private final TestPipeline pipeline = new TestPipeline("answer-rates");
    private final Conversations conversations = new Conversations(pipeline.jdbc, pipeline.clock);
    private final FrequencyProperties.AnswerRate config = new FrequencyProperties().getAnswerRate();
    private final List<String> drops = new ArrayList<>();
    private AnswerRates rates;
    private int number;

    @BeforeEach
    void setUp() {
        config.setMinQuestions(10);
        rates = config.rates(pipeline.jdbc, pipeline.clock);
        rates.setMetrics(new PipelineMetrics() {
            @Override
            public void receipt(String state) {
            }

            @Override
            public void failed(String errorCode, int messages) {
            }

            @Override
            public void possibleDuplicates(int parts) {
            }

            @Override
            public void answerRateDropped(String journey) {
                drops.add(journey);
            }
        });
    }

    /** {@code count} questions of {@code journey} now, of which {@code answered} get an answer after {@code after}. */
    private void ask(String journey, int count, int answered, Duration after) {
        ask(journey, count, answered, after, Duration.ZERO);
    }

    /** As above, the questions held in the queue for {@code held} before they go on the wire. */
    private void ask(String journey, int count, int answered, Duration after, Duration held) {
        List<String> ids = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String to = "+3361234" + String.format("%04d", number++);
            String message = pipeline.outbox.enqueue(new OutboundSms(to, "RDV demain ? OUI/NON", null, null,
                    UUID.randomUUID().toString(), "pi-" + number, null, "Task_Ask", null, null, false)).messageId();
            messages.add(message);
            ids.add(conversations.open(to, "33700000001", "pi-" + number, null, "SmsReply", "fr", message,
                    Duration.ofDays(2), journey).id());
        }
        pipeline.clock.advance(held);
        for (String message : messages) {
            pipeline.jdbc.update("update sms_message set status = 'SUBMITTED', submitted_at = ? where id = ?",
                    java.sql.Timestamp.from(pipeline.clock.instant()), message);
        }
        pipeline.clock.advance(after);
        ids.stream().limit(answered).forEach(id -> conversations.answered(id, UUID.randomUUID().toString()));
        pipeline.clock.advance(Duration.ofMinutes(1));
    }

    /** A week of usual traffic: every 6 hours, 20 questions per journey, {@code answered[i]} of them answered. */
    private void week(List<String> journeys, int... answered) {
        for (int hour = 0; hour < 24 * 7; hour += 6) {
            for (int i = 0; i < journeys.size(); i++) {
                ask(journeys.get(i), 20, answered[i], Duration.ofMinutes(2));
            }
            pipeline.clock.advance(Duration.ofHours(6).minusMinutes(3L * journeys.size()));
        }
    }

    @Test
    void a_journey_whose_questions_stop_being_answered_is_reported_once() {
        week(List.of("sms-double-opt-in", "appointment-reminder"), 12, 16); // 60% and 80% answered
        assertThat(rates.check()).isEmpty();

        ask("sms-double-opt-in", 40, 4, Duration.ofMinutes(3)); // a form abused: 10% answered
        ask("appointment-reminder", 20, 15, Duration.ofMinutes(3)); // as usual
        pipeline.clock.advance(Duration.ofMinutes(15));

        List<AnswerRates.Drop> found = rates.check();
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.journey()).isEqualTo("sms-double-opt-in");
            assertThat(d.recent().asked()).isEqualTo(40);
            assertThat(d.recent().answered()).isEqualTo(4);
            assertThat(d.baseline().ratio()).isEqualTo(0.6);
        });
        assertThat(drops).containsExactly("sms-double-opt-in");
        pipeline.clock.advance(Duration.ofMinutes(1));
        assertThat(rates.check()).as("said once per window").isEmpty();
    }

    @Test
    void a_question_held_in_the_queue_counts_from_when_it_went_on_the_wire() {
        week(List.of("sms-ask"), 12);
        ask("sms-ask", 20, 12, Duration.ofMinutes(3), Duration.ofHours(10)); // deferred overnight, answered at once
        pipeline.clock.advance(Duration.ofMinutes(15));
        assertThat(rates.check()).isEmpty();
    }

    @Test
    void late_answers_do_not_count_and_small_numbers_give_no_verdict() {
        week(List.of("sms-ask"), 12);
        ask("sms-ask", 5, 0, Duration.ofMinutes(3)); // too few to tell
        pipeline.clock.advance(Duration.ofMinutes(15));
        assertThat(rates.check()).isEmpty();

        pipeline.clock.advance(Duration.ofHours(2));
        ask("sms-ask", 20, 12, Duration.ofMinutes(30)); // answered, but after answer-within
        pipeline.clock.advance(Duration.ofMinutes(15));
        assertThat(rates.check()).extracting(AnswerRates.Drop::journey).containsExactly("sms-ask");
    }
}
