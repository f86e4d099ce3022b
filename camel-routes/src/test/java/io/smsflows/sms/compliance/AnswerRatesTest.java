package io.smsflows.sms.compliance;

import static org.assertj.core.api.Assertions.assertThat;

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
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(conversations.open("+3361234" + String.format("%04d", number++), "33700000001", "pi-" + number,
                    null, "SmsReply", "fr", UUID.randomUUID().toString(), Duration.ofDays(2), journey).id());
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
