package io.smsflows.sms.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.consent.ConsentProperties;
import io.smsflows.sms.config.SmsFlowsSchema;
import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.consent.RecipientGate;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.inbound.InboundMessageRepository;
import io.smsflows.sms.inbound.InboundStore;
import io.smsflows.sms.inbound.MoDecoding;
import io.smsflows.sms.inbound.RawMo;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsMessageRepository;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.support.PipelineSignals;
import io.smsflows.sms.support.SqlDialect;
import io.smsflows.sms.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inbound processing against real tables (H2) with a recording engine: keywords first, then conversations (most
 * recent wins, gone ones skipped, not-ready ones retried), unsolicited messages, reassembly, duplicates.
 */
class ReplyProcessorTest {

    private static final String CUSTOMER = "+33612345678";
    private static final String US_CUSTOMER = "+12025550143";
    private static final String OUR_NUMBER = "33700000001";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final ReplyProperties replies = new ReplyProperties();
    private final ConsentProperties consent = new ConsentProperties();
    private final RecordingListener engine = new RecordingListener();
    private JdbcTemplate jdbc;
    private InboundStore store;
    private InboundMessageRepository inbound;
    private Conversations conversations;
    private SuppressionList suppressions;
    private ReplyProcessor processor;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:replies-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SmsFlowsSchema(ds);
        jdbc = new JdbcTemplate(ds);
        inbound = new InboundMessageRepository(jdbc);
        conversations = new Conversations(jdbc, clock);
        store = new InboundStore(inbound, new MoDecoding(), Duration.ofMinutes(5), () -> { }, clock,
                conversations::otherJourneyAskedSince);
        suppressions = new SuppressionList(jdbc, new RecipientGate(ds, SqlDialect.H2), clock);
        outbox = new SmsOutbox(new SmsMessageRepository(jdbc, SqlDialect.H2), new StandardSmsEncoder(),
                EncodingPolicy.defaults(), "SMSFlows", clock, suppressions, PipelineSignals.NONE);
        processor = new ReplyProcessor(inbound, conversations, suppressions, new AutoReplies(jdbc, clock), outbox,
                engine, new TransactionTemplate(new DataSourceTransactionManager(ds)), replies, consent, clock);
    }

    private SmsOutbox outbox;

    private String mo(String from, String text) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        return store.store(new RawMo(from.substring(1), OUR_NUMBER, 0, 0, body, Map.of()));
    }

    private String status(String inboundId) {
        return jdbc.queryForObject("select status from sms_inbound where id = ?", String.class, inboundId);
    }

    private Conversation ask(String recipient, String processInstanceId) {
        clock.advance(Duration.ofSeconds(1));
        return conversations.open(recipient, "+" + OUR_NUMBER, processInstanceId, "bk-" + processInstanceId,
                "SmsReply", null, null, Duration.ofDays(3));
    }

    @Test
    void a_reply_reaches_the_open_conversation_with_its_intent() {
        ask(CUSTOMER, "pi-1");
        engine.intents.put("OUI", new ReplyIntent("CONFIRM", null));

        String id = mo(CUSTOMER, "Oui !");
        processor.processDue();

        assertThat(engine.replies).containsExactly("pi-1:OUI:CONFIRM:fr");
        assertThat(status(id)).isEqualTo("DONE");
        assertThat(conversations.openFor(CUSTOMER, OUR_NUMBER, clock.instant())).isEmpty();
    }

    @Test
    void with_two_open_conversations_the_most_recent_gets_the_reply() {
        ask(CUSTOMER, "pi-older");
        ask(CUSTOMER, "pi-newer");

        mo(CUSTOMER, "YES");
        processor.processDue();
        assertThat(engine.replies).containsExactly("pi-newer:YES:UNKNOWN:fr");

        mo(CUSTOMER, "NO"); // the next reply goes to the one still open
        processor.processDue();
        assertThat(engine.replies).last().asString().startsWith("pi-older:NO");
    }

    @Test
    void a_conversation_whose_process_is_gone_is_closed_and_the_next_one_answered() {
        ask(CUSTOMER, "pi-alive");
        ask(CUSTOMER, "pi-gone");
        engine.gone.add("pi-gone");

        mo(CUSTOMER, "YES");
        processor.processDue();

        assertThat(engine.replies).containsExactly("pi-alive:YES:UNKNOWN:fr");
    }

    @Test
    void a_process_not_waiting_yet_gets_the_reply_on_a_later_round() {
        ask(CUSTOMER, "pi-busy");
        engine.notReady.add("pi-busy");

        String id = mo(CUSTOMER, "YES");
        processor.processDue();
        assertThat(status(id)).isEqualTo("RETRY");
        assertThat(engine.replies).isEmpty();

        engine.notReady.clear();
        clock.advance(Duration.ofSeconds(5));
        processor.processDue();
        assertThat(status(id)).isEqualTo("DONE");
        assertThat(engine.replies).containsExactly("pi-busy:YES:UNKNOWN:fr");
    }

    @Test
    void no_conversation_starts_the_unsolicited_process_and_auto_replies_once_a_day() {
        mo(CUSTOMER, "Hello?");
        processor.processDue();
        mo(CUSTOMER, "Anyone?");
        processor.processDue();

        assertThat(engine.unsolicited).containsExactly("HELLO:autoReply=true", "ANYONE:autoReply=false");
        clock.advance(Duration.ofDays(1));
        mo(CUSTOMER, "Hello again");
        processor.processDue();
        assertThat(engine.unsolicited).last().isEqualTo("HELLO AGAIN:autoReply=true");
    }

    @Test
    void stop_suppresses_first_closes_conversations_and_starts_the_unsubscribe_journey() {
        ask(CUSTOMER, "pi-1");

        mo(CUSTOMER, "Stop");
        processor.processDue();

        assertThat(suppressions.blocking(CUSTOMER, "ANY")).get().extracting(Suppression::source).isEqualTo(ConsentSource.SMS);
        assertThat(suppressions.blocking(CUSTOMER, "ANY").orElseThrow().proof()).isEqualTo("Stop");
        assertThat(engine.optOuts).containsExactly(CUSTOMER + ":GLOBAL");
        assertThat(engine.replies).isEmpty();
        assertThat(conversations.openFor(CUSTOMER, OUR_NUMBER, clock.instant())).isEmpty();
    }

    @Test
    void yes_after_stop_does_not_resubscribe() {
        mo(CUSTOMER, "STOP");
        processor.processDue();
        mo(CUSTOMER, "YES");
        processor.processDue();

        assertThat(suppressions.blocking(CUSTOMER, "ANY")).isPresent();
        assertThat(engine.resubscribes).isEmpty();
        assertThat(engine.unsolicited).containsExactly("YES:autoReply=false"); // opted out: no automatic answer
    }

    @Test
    void start_asks_for_the_resubscribe_journey() {
        mo(CUSTOMER, "STOP");
        processor.processDue();
        mo(CUSTOMER, "start");
        processor.processDue();
        assertThat(engine.resubscribes).containsExactly(CUSTOMER + ":GLOBAL");
    }

    @Test
    void join_asks_for_the_double_opt_in_and_is_no_reply_to_a_conversation() {
        mo(CUSTOMER, "Join");
        processor.processDue();
        assertThat(engine.optIns).containsExactly(CUSTOMER + ":GLOBAL:OPT_IN");
        assertThat(engine.unsolicited).isEmpty();
        assertThat(engine.resubscribes).isEmpty();
    }

    @Test
    void cancel_goes_to_the_conversation_in_france_but_opts_out_in_the_us() {
        ask(CUSTOMER, "pi-fr");
        ask(US_CUSTOMER, "pi-us");

        mo(CUSTOMER, "Cancel");
        mo(US_CUSTOMER, "Cancel");
        processor.processDue();

        assertThat(engine.replies).containsExactly("pi-fr:CANCEL:CANCEL:fr");
        assertThat(engine.optOuts).containsExactly(US_CUSTOMER + ":GLOBAL");
        assertThat(suppressions.blocking(CUSTOMER, "X")).isEmpty();
        assertThat(suppressions.blocking(US_CUSTOMER, "X")).isPresent();
    }

    @Test
    void cancel_without_any_open_conversation_is_an_opt_out() {
        mo(CUSTOMER, "CANCEL");
        processor.processDue();
        assertThat(engine.optOuts).containsExactly(CUSTOMER + ":GLOBAL");
    }

    @Test
    void sender_scope_mode_suppresses_only_the_number_written_to() {
        consent.setScope(ConsentProperties.ScopeMode.SENDER);
        mo(CUSTOMER, "STOP");
        processor.processDue();
        assertThat(suppressions.blocking(CUSTOMER, "+" + OUR_NUMBER)).isPresent();
        assertThat(suppressions.blocking(CUSTOMER, "OTHERBRAND")).isEmpty();
    }

    @Test
    void help_is_answered_with_the_help_text() {
        String id = mo(CUSTOMER, "HELP");
        processor.processDue();
        assertThat(status(id)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select body from sms_message where recipient = ?", String.class, CUSTOMER))
                .isEqualTo(replies.getHelpText());
    }

    @Test
    void a_redelivered_mo_is_stored_but_processed_once() {
        ask(CUSTOMER, "pi-1");
        ask(CUSTOMER, "pi-2");
        String first = mo(CUSTOMER, "YES");
        String again = mo(CUSTOMER, "YES");
        processor.processDue();

        assertThat(status(first)).isEqualTo("DONE");
        assertThat(status(again)).isEqualTo("DUPLICATE");
        assertThat(engine.replies).hasSize(1);

        clock.advance(Duration.ofMinutes(6)); // outside the window: a new message
        String later = mo(CUSTOMER, "YES");
        processor.processDue();
        assertThat(status(later)).isEqualTo("DONE");
        assertThat(engine.replies).hasSize(2);
    }

    @Test
    void the_same_answer_to_another_journeys_new_question_is_a_new_message_not_a_redelivery() {
        ask(CUSTOMER, "pi-1");
        String first = mo(CUSTOMER, "OUI");
        processor.processDue();
        ask(CUSTOMER, "pi-2"); // another appointment's reminder, after the first OUI
        clock.advance(Duration.ofSeconds(30));
        String second = mo(CUSTOMER, "OUI");
        processor.processDue();

        assertThat(status(first)).isEqualTo("DONE");
        assertThat(status(second)).isEqualTo("DONE");
        assertThat(engine.replies).containsExactly("pi-1:OUI:UNKNOWN:fr", "pi-2:OUI:UNKNOWN:fr");
    }

    @Test
    void a_question_the_first_copy_caused_does_not_make_its_redelivery_new() {
        Conversation reminder = ask(CUSTOMER, "pi-1");
        engine.intents.put("R", new ReplyIntent("RESCHEDULE", null));
        String first = mo(CUSTOMER, "R");
        processor.processDue();
        // the same journey offers a slot (its sms-ask has the journey's business key), then the SMSC redelivers "R"
        clock.advance(Duration.ofSeconds(1));
        conversations.open(CUSTOMER, "+" + OUR_NUMBER, "pi-1b", reminder.businessKey(), "SmsReply", null, null,
                Duration.ofDays(3));
        clock.advance(Duration.ofSeconds(30));
        String again = mo(CUSTOMER, "R");
        processor.processDue();

        assertThat(status(first)).isEqualTo("DONE");
        assertThat(status(again)).isEqualTo("DUPLICATE");
        assertThat(engine.replies).containsExactly("pi-1:R:RESCHEDULE:fr");
    }

    @Test
    void a_provider_id_seen_before_is_a_redelivery_whatever_was_asked_since() {
        ask(CUSTOMER, "pi-1");
        Map<Short, byte[]> id = Map.of(InboundStore.PROVIDER_MESSAGE_ID, "SM123".getBytes(StandardCharsets.UTF_8));
        String first = store.store(new RawMo(CUSTOMER, OUR_NUMBER, 8, 0, "OUI".getBytes(StandardCharsets.UTF_16BE), id));
        processor.processDue();
        ask(CUSTOMER, "pi-2");
        String again = store.store(new RawMo(CUSTOMER, OUR_NUMBER, 8, 0, "OUI".getBytes(StandardCharsets.UTF_16BE), id));
        processor.processDue();

        assertThat(status(first)).isEqualTo("DONE");
        assertThat(status(again)).isEqualTo("DUPLICATE");
        assertThat(engine.replies).hasSize(1);
    }


    @Test
    void concatenated_parts_are_assembled_in_order_whatever_order_they_arrive_in() {
        ask(CUSTOMER, "pi-1");
        String p2 = partMo(CUSTOMER, 0x42, 2, 2, " afternoon please");
        processor.processDue();
        assertThat(status(p2)).isEqualTo("WAITING");
        String p1 = partMo(CUSTOMER, 0x42, 2, 1, "Can we move it to the");
        processor.processDue();

        assertThat(status(p1)).isEqualTo("ASSEMBLED");
        assertThat(status(p2)).isEqualTo("ASSEMBLED");
        assertThat(engine.replyTexts).containsExactly("Can we move it to the afternoon please");
    }

    @Test
    void an_incomplete_concatenated_message_times_out_into_a_stored_partial_message() {
        String p1 = partMo(CUSTOMER, 7, 3, 1, "I would like ");
        partMo(CUSTOMER, 7, 3, 3, "tomorrow");
        processor.processDue();
        assertThat(status(p1)).isEqualTo("WAITING");

        clock.advance(Duration.ofMinutes(11));
        processor.processDue();

        assertThat(engine.unsolicitedTexts).containsExactly("I would like tomorrow");
        String reason = jdbc.queryForObject("select reason from sms_inbound where kind = 'MESSAGE'", String.class);
        assertThat(reason).contains("parts 2 of 3 never arrived");
    }

    @Test
    void an_undecodable_mo_is_stored_with_the_reason_and_not_processed() {
        String id = store.store(new RawMo("33612345678", OUR_NUMBER, 0x04, 0, new byte[] {1, 2, 3}, Map.of()));
        String odd = store.store(new RawMo("33612345678", OUR_NUMBER, 0x08, 0, new byte[] {0, 0x41, 0}, Map.of()));
        String badUdh = store.store(new RawMo("33612345678", OUR_NUMBER, 0, 0x40, new byte[] {9, 0, 3}, Map.of()));
        processor.processDue();

        assertThat(status(id)).isEqualTo("UNDECODABLE");
        assertThat(jdbc.queryForObject("select reason from sms_inbound where id = ?", String.class, id))
                .contains("data_coding 0x4");
        assertThat(status(odd)).isEqualTo("UNDECODABLE");
        assertThat(status(badUdh)).isEqualTo("UNDECODABLE");
        assertThat(engine.replies).isEmpty();
        assertThat(engine.unsolicited).isEmpty();
    }

    @Test
    void sar_tlvs_concatenate_too() {
        ask(CUSTOMER, "pi-1");
        Map<Short, byte[]> tlv1 = Map.of((short) 0x020C, new byte[] {0, 9}, (short) 0x020E, new byte[] {2},
                (short) 0x020F, new byte[] {1});
        Map<Short, byte[]> tlv2 = Map.of((short) 0x020C, new byte[] {0, 9}, (short) 0x020E, new byte[] {2},
                (short) 0x020F, new byte[] {2});
        store.store(new RawMo("33612345678", OUR_NUMBER, 0, 0, "Hello ".getBytes(StandardCharsets.US_ASCII), tlv1));
        store.store(new RawMo("33612345678", OUR_NUMBER, 0, 0, "world".getBytes(StandardCharsets.US_ASCII), tlv2));
        processor.processDue();
        processor.processDue();
        assertThat(engine.replyTexts).containsExactly("Hello world");
    }

    private String partMo(String from, int ref, int total, int seq, String text) {
        byte[] udh = {5, 0, 3, (byte) ref, (byte) total, (byte) seq};
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[udh.length + body.length];
        System.arraycopy(udh, 0, all, 0, udh.length);
        System.arraycopy(body, 0, all, udh.length, body.length);
        clock.advance(Duration.ofSeconds(1));
        return store.store(new RawMo(from.substring(1), OUR_NUMBER, 0, 0x40, all, Map.of()));
    }

    /** The engine side, recorded. */
    static final class RecordingListener implements ReplyListener {
        final Map<String, ReplyIntent> intents = new HashMap<>();
        final List<String> gone = new ArrayList<>();
        final List<String> notReady = new ArrayList<>();
        final List<String> replies = new ArrayList<>();
        final List<String> replyTexts = new ArrayList<>();
        final List<String> optOuts = new ArrayList<>();
        final List<String> resubscribes = new ArrayList<>();
        final List<String> optIns = new ArrayList<>();
        final List<String> unsolicited = new ArrayList<>();
        final List<String> unsolicitedTexts = new ArrayList<>();

        @Override
        public ReplyIntent classify(String normalisedText, String locale) {
            return intents.getOrDefault(normalisedText, ReplyIntent.of(ReplyIntent.UNKNOWN));
        }

        @Override
        public Delivery reply(Conversation conversation, InboundReply reply) {
            if (gone.contains(conversation.processInstanceId())) {
                return Delivery.GONE;
            }
            if (notReady.contains(conversation.processInstanceId())) {
                return Delivery.RETRY;
            }
            replies.add(conversation.processInstanceId() + ":" + reply.normalised() + ":" + reply.intent() + ":"
                    + reply.locale());
            replyTexts.add(reply.text());
            return Delivery.DONE;
        }

        @Override
        public void optedOut(InboundReply reply, Suppression suppression) {
            optOuts.add(reply.from() + ":" + suppression.scope());
        }

        @Override
        public void resubscribeRequested(InboundReply reply, String scope) {
            resubscribes.add(reply.from() + ":" + scope);
        }

        @Override
        public void optInRequested(InboundReply reply, String scope) {
            optIns.add(reply.from() + ":" + scope + ":" + reply.intent());
        }

        @Override
        public void unsolicited(InboundReply reply, boolean autoReply) {
            unsolicited.add(reply.normalised() + ":autoReply=" + autoReply);
            unsolicitedTexts.add(reply.text());
        }
    }
}
