package io.smsflows.sms.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsflows.sms.http.WebhookSignatures.Verdict;
import io.smsflows.sms.receipt.ReceiptState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    private final WebhookSignatures signatures = new WebhookSignatures("s3cret", "HmacSHA256", Duration.ofMinutes(5));
    private final Instant now = Instant.parse("2026-12-07T12:00:00Z");
    private final String ts = String.valueOf(now.getEpochSecond());
    private final byte[] body = "{\"id\":\"1\",\"status\":\"delivered\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_signature_of_timestamp_and_body_with_the_secret_is_valid_with_or_without_a_prefix() {
        String hex = signatures.signHex(ts, body);
        assertThat(signatures.verify(hex, ts, body, now)).isEqualTo(Verdict.VALID);
        assertThat(signatures.verify("v1=" + hex, ts, body, now)).isEqualTo(Verdict.VALID);
        assertThat(signatures.verify("sha256=" + hex.toUpperCase(), ts, body, now)).isEqualTo(Verdict.VALID);
    }

    @Test
    void another_body_timestamp_or_secret_is_a_wrong_signature() {
        String hex = signatures.signHex(ts, body);
        assertThat(signatures.verify(hex, ts, "{}".getBytes(StandardCharsets.UTF_8), now))
                .isEqualTo(Verdict.WRONG_SIGNATURE);
        assertThat(signatures.verify(hex, String.valueOf(now.getEpochSecond() + 1), body, now))
                .isEqualTo(Verdict.WRONG_SIGNATURE);
        assertThat(new WebhookSignatures("other", "HmacSHA256", Duration.ofMinutes(5)).verify(hex, ts, body, now))
                .isEqualTo(Verdict.WRONG_SIGNATURE);
        assertThat(signatures.verify("not-hex", ts, body, now)).isEqualTo(Verdict.WRONG_SIGNATURE);
        assertThat(signatures.verify(hex, "yesterday", body, now)).isEqualTo(Verdict.WRONG_SIGNATURE);
    }

    @Test
    void missing_headers_are_unsigned_and_an_old_or_future_timestamp_is_stale() {
        assertThat(signatures.verify(null, ts, body, now)).isEqualTo(Verdict.UNSIGNED);
        assertThat(signatures.verify(signatures.signHex(ts, body), " ", body, now)).isEqualTo(Verdict.UNSIGNED);
        String old = String.valueOf(now.minus(Duration.ofMinutes(6)).getEpochSecond());
        String future = String.valueOf(now.plus(Duration.ofMinutes(6)).getEpochSecond());
        assertThat(signatures.verify(signatures.signHex(old, body), old, body, now)).isEqualTo(Verdict.STALE);
        assertThat(signatures.verify(signatures.signHex(future, body), future, body, now)).isEqualTo(Verdict.STALE);
    }

    @Test
    void an_unknown_algorithm_or_no_secret_fails_at_start() {
        assertThatThrownBy(() -> new WebhookSignatures("s", "HmacMD42", Duration.ofMinutes(5)))
                .hasMessageContaining("HmacMD42").hasMessageContaining("HmacSHA256");
        assertThatThrownBy(() -> new WebhookSignatures(" ", "HmacSHA256", Duration.ofMinutes(5)))
                .hasMessageContaining("secret");
    }

    @Test
    void both_api_shapes_read_their_callbacks_and_providers_words_become_receipt_states() {
        ProviderApi json = new GenericJsonApi(Map.of("message-id", "messageId", "status", "state"));
        ProviderApi.Status s = json.status("application/json",
                "{\"messageId\":\"abc\",\"state\":\"UNDELIVERED\",\"error\":\"001\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(s).isEqualTo(new ProviderApi.Status("abc", "UNDELIVERED", "001"));
        assertThat(json.request("+33612345678", "SHOP", "Hi", null).body())
                .isEqualTo("{\"to\":\"+33612345678\",\"from\":\"SHOP\",\"text\":\"Hi\"}");

        ProviderApi form = new TwilioCompatibleApi();
        assertThat(form.request("+33612345678", "SHOP", "Hé & co", "https://x/cb").body())
                .isEqualTo("To=%2B33612345678&From=SHOP&Body=H%C3%A9+%26+co&StatusCallback=https%3A%2F%2Fx%2Fcb");
        assertThat(form.inbound(null, "MessageSid=SM1&From=%2B33612345678&To=38383&Body=OUI"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(new ProviderApi.Inbound("SM1", "+33612345678", "38383",
                "OUI"));
        assertThat(form.acceptedId("{\"sid\":\"SM9\",\"status\":\"queued\"}")).isEqualTo("SM9");
        assertThatThrownBy(() -> form.status(null, "MessageStatus=sent".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("MessageSid");

        assertThat(ProviderApi.state("delivered")).isEqualTo(ReceiptState.DELIVERED);
        assertThat(ProviderApi.state("undelivered")).isEqualTo(ReceiptState.UNDELIVERABLE);
        assertThat(ProviderApi.state("failed")).isEqualTo(ReceiptState.REJECTED);
        assertThat(ProviderApi.state("sent")).isEqualTo(ReceiptState.ENROUTE);
        assertThat(ProviderApi.state("whatever")).isEqualTo(ReceiptState.UNKNOWN);
    }
}
