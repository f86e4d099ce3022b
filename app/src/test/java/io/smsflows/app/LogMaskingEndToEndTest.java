package io.smsflows.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.simulator.SmscSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Phone numbers never appear whole in the log, and texts never in warnings: the app's own output, captured while
 * it sends, receives receipts (delivered and undeliverable), correlates a reply, handles STOP, an unsolicited
 * message and a consent, is searched for every number in every form it takes (E.164, SMPP digits, national).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-log-masking;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-log-masking",
        "smsflows.simulator.port=0",
        "smsflows.simulator.receipt-delay=20ms",
        "smsflows.windows.enabled=false",
        "smsflows.crm.username=demo",
        "smsflows.crm.password=demo",
        "camunda.bpm.admin-user.id=demo",
        "camunda.bpm.admin-user.password=demo"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String DELIVERED = "+33612340901";
    private static final String UNDELIVERABLE = "+49151999901" + "77";
    private static final String ASKED = "+33612340903";
    private static final String STOPPED = "+33612340904";
    private static final String STRANGER = "+33612340905";
    private static final String CONSENTING = "+33612340906";
    private static final String SECRET_TEXT = "Votre code secret 482913";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    SmscSimulator simulator;

    @Test
    void no_whole_number_in_any_log_line_and_no_text_in_warnings(CapturedOutput output) {
        EngineRest rest = new EngineRest(anonymous);
        String delivered = rest.startSendAndTrack("mask-1", DELIVERED, SECRET_TEXT);
        String undeliverable = rest.startSendAndTrack("mask-2", UNDELIVERABLE, SECRET_TEXT);
        String asked = rest.start("sms-ask", "mask-3", Map.of("to", ASKED, "text", "RDV demain ? OUI/NON",
                "locale", "fr"));
        await().atMost(TIMEOUT).until(() -> !Wire.submitsTo(simulator, ASKED.substring(1)).isEmpty());
        simulator.deliverMo(ASKED, "SMSFlows", "Oui");
        simulator.deliverMo(STOPPED, "SMSFlows", "STOP");
        simulator.deliverMo(STRANGER, "SMSFlows", "Qui est-ce ? " + SECRET_TEXT);
        assertThat(rest.authenticated().postForEntity("/api/consents", Map.of("phone", CONSENTING, "granted", true,
                "source", "WEB_FORM", "proof", Map.of("formId", "f-1")), Map.class).getStatusCode().value())
                .isEqualTo(201);
        assertThat(rest.authenticated().postForEntity("/api/journeys/appointment-reminder", Map.of("appointmentId",
                "a-1", "phone", "0612340907", "firstName", "Ana"), Map.class).getStatusCode().value())
                .as("refused: a national number").isEqualTo(400);

        rest.awaitCompleted(delivered, TIMEOUT);
        rest.awaitCompleted(undeliverable, TIMEOUT);
        rest.awaitCompleted(asked, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> Wire.submitsTo(simulator, STOPPED.substring(1)).size() == 1); // confirmation
        await().atMost(TIMEOUT).until(() -> output.getAll().contains(PhoneNumbers.mask(STRANGER)));

        String log = output.getAll();
        assertThat(log).as("the log was captured and names numbers masked")
                .contains(PhoneNumbers.mask(DELIVERED), PhoneNumbers.mask(STOPPED), PhoneNumbers.mask(CONSENTING),
                        PhoneNumbers.mask(UNDELIVERABLE), PhoneNumbers.mask(ASKED));
        for (String number : List.of(DELIVERED, UNDELIVERABLE, ASKED, STOPPED, STRANGER, CONSENTING, "+33612340907")) {
            String digits = number.substring(1);
            String national = "0" + number.substring(3);
            assertThat(log).as("log lines with " + number).doesNotContain(number, digits);
            if (number.startsWith("+33")) {
                assertThat(log).as("log lines with " + national).doesNotContain(national);
            }
        }
        List<String> warnings = log.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
        assertThat(warnings).as("warnings never carry a message text")
                .noneMatch(l -> l.contains("482913") || l.contains("RDV demain"));
    }
}
