package io.smsflows.sms.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.batch.TextTemplates;
import io.smsflows.sms.carrier.CarrierProperties;
import io.smsflows.sms.carrier.CarrierRouter;
import io.smsflows.sms.compliance.QuietHours;
import io.smsflows.sms.consent.ConsentRecord;
import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsMessage;
import io.smsflows.sms.support.TestPipeline;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Marketing needs a granted consent record when it goes on the wire, not only when it was queued. */
class ConsentAtTheWireTest {

    private static final String TO = "+33612345678";
    private final TestPipeline pipeline = new TestPipeline("consent", TextTemplates.NONE,
            CarrierRouter.single(CarrierProperties.DEFAULT), Map.of(), QuietHours.NONE, true);

    private String queue(String category, String sender) {
        return pipeline.outbox.enqueue(new OutboundSms(TO, "Soldes -30%", sender, category,
                UUID.randomUUID().toString(), "pi-1", null, "Task_Send", null, null, false)).messageId();
    }

    private SmsMessage message(String id) {
        return pipeline.messages.findById(id).orElseThrow();
    }

    private String consentIdOf(String id) {
        return pipeline.jdbc.queryForObject("select consent_id from sms_message where id = ?", String.class, id);
    }

    @Test
    void marketing_without_consent_fails_with_no_consent_and_never_reaches_the_wire() {
        String id = queue("marketing", "SHOP");

        pipeline.dispatchAll();

        assertThat(message(id).status().name()).isEqualTo("FAILED");
        assertThat(message(id).errorCode()).isEqualTo(ChunkSubmitter.NO_CONSENT);
        assertThat(message(id).errorText()).contains("POST /api/consents").doesNotContain(TO);
        assertThat(pipeline.wire.submitted()).isEmpty();
        assertThat(pipeline.signals.outcomes).containsExactly(id);
    }

    @Test
    void a_granted_consent_lets_it_go_and_the_message_says_which() {
        ConsentRecord consent = pipeline.consents.record(TO, null, true, ConsentSource.WEB_FORM,
                "{\"form\":\"newsletter\",\"ip\":\"203.0.113.7\"}", "crm");
        String id = queue("marketing", "SHOP");

        pipeline.dispatchAll();

        assertThat(pipeline.status(id)).isEqualTo("SUBMITTED");
        assertThat(consentIdOf(id)).isEqualTo(consent.id());
    }

    @Test
    void a_consent_for_one_sender_does_not_allow_another() {
        pipeline.consents.record(TO, "marketing:OTHER", true, ConsentSource.CRM, "{\"crm\":1}", "crm");
        String shop = queue("marketing", "SHOP");
        String other = queue("marketing", "other");

        pipeline.dispatchAll();

        assertThat(message(shop).errorCode()).isEqualTo(ChunkSubmitter.NO_CONSENT);
        assertThat(pipeline.status(other)).isEqualTo("SUBMITTED");
    }

    @Test
    void a_consent_withdrawn_after_the_message_was_queued_stops_it_at_the_wire() {
        pipeline.consents.record(TO, null, true, ConsentSource.WEB_FORM, "{\"form\":\"f1\"}", "crm");
        String id = queue("marketing", "SHOP");
        pipeline.consents.record(TO, null, false, ConsentSource.CRM, null, "crm");

        pipeline.dispatchAll();

        assertThat(message(id).errorCode()).isEqualTo(ChunkSubmitter.NO_CONSENT);
        assertThat(pipeline.wire.submitted()).isEmpty();
        assertThat(pipeline.suppressions.history(TO)).extracting(e -> e.action())
                .containsExactly("CONSENT_GRANTED", "CONSENT_REVOKED");
    }

    @Test
    void transactional_messages_need_no_consent() {
        String id = queue("transactional", "SHOP");
        pipeline.dispatchAll();
        assertThat(pipeline.status(id)).isEqualTo("SUBMITTED");
        assertThat(consentIdOf(id)).isNull();
    }
}
