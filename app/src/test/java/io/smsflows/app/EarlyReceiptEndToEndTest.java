package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.receipt.ReceiptRepository;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The SMSC sends each receipt before it answers submit_sm (as busy SMSCs do): the receipt arrives when no part
 * has that id yet. It must be stored, kept, and applied once the id is known; the instance still completes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-before-response=true",
        "spring.datasource.url=jdbc:h2:mem:e2e-early;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-early",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
class EarlyReceiptEndToEndTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    ReceiptRepository receipts;

    @Test
    void receipt_before_submit_sm_resp_is_kept_and_applied() {
        EngineRest rest = new EngineRest(anonymous);
        String single = rest.startSendAndTrack("early-1", "+4915112341001", "Early receipt");
        String multi = rest.startSendAndTrack("early-2", "+4915112341002", "B".repeat(300));

        Map<String, Object> a = rest.awaitCompleted(single, Duration.ofSeconds(30));
        Map<String, Object> b = rest.awaitCompleted(multi, Duration.ofSeconds(30));

        assertThat(a).containsEntry("outcome", "delivered");
        assertThat(b).containsEntry("outcome", "delivered").containsEntry("smsParts", 2);
        assertThat(receipts.forMessage((String) b.get("smsMessageId"))).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReceiptRepository.Status.APPLIED));
        assertThat(receipts.count(ReceiptRepository.Status.ORPHAN)).isZero();
    }
}
