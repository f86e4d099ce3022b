package io.smsflows.sms.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in SMSC simulator, {@code smsflows.simulator.*}: for demos, tests and load runs; never a gateway (it sends
 * nothing anywhere). It listens on 127.0.0.1 only.
 */
@ConfigurationProperties(prefix = "smsflows.simulator")
public class SimulatorProperties {

    /** Start the simulator: AUTO starts it only when no SMSC host (smsflows.smpp.host) is configured. */
    private Mode mode = Mode.AUTO;
    /** Port the simulator listens on (localhost only); 0 picks a free port. */
    private int port = 2775;
    /** Delay between submit_sm_resp and the delivery receipt. */
    private Duration receiptDelay = Duration.ofMillis(200);
    /**
     * Delay before each submit_sm_resp, as a remote SMSC answers (e.g. 300ms): shows whether the bind's window is
     * used. 0: answer at once.
     */
    private volatile Duration responseDelay = Duration.ZERO;
    /**
     * deliver_sm (receipts) in flight at once towards the bound ESME, as an SMSC's own window: each waits for its
     * deliver_sm_resp, which the app sends after its commit, so this bounds receipts per second as window / commit time.
     */
    private int receiptWindow = 64;
    /** Threads that answer PDUs of a bound ESME (submit_sm are answered concurrently up to this number). */
    private int pduProcessorDegree = 64;
    /**
     * Destinations starting with one of these (E.164 digits, no '+') get an UNDELIV receipt (err 001). Default:
     * +49 1519 9990 1xx: valid German mobile numbers (the pipeline refuses invalid ones before the wire; the
     * fiction ranges of Ofcom and ARCEP are not valid for libphonenumber). The simulator sends nothing anywhere.
     */
    private List<String> undeliverablePrefixes = new ArrayList<>(List.of("49151999901"));
    /** Destinations starting with one of these are refused in submit_sm_resp (0x0B). Default: +49 1519 9990 2xx. */
    private List<String> rejectedPrefixes = new ArrayList<>(List.of("49151999902"));
    /** Send the receipt before answering submit_sm (as some SMSCs do under load): tests our early-receipt path. */
    private volatile boolean receiptBeforeResponse = false;
    /** submit_sm PDUs kept for inspection (/api/simulator/submits, tests); older ones are dropped. */
    private int recorded = 10_000;

    // Faults, as real SMSCs show them (tests and load runs; each can be changed while the simulator runs).
    /** Answer every Nth submit_sm (counted over all binds) with ESME_RTHROTTLED. 0: never. */
    private volatile int throttleEvery = 0;
    /**
     * Most submit_sm per bind in any sliding second; above it, ESME_RTHROTTLED (as carriers enforce a contracted
     * rate). Every submit_sm counts, throttled ones too. 0: no cap.
     */
    private volatile int maxSubmitsPerSecond = 0;
    /** Close the connection instead of answering the Nth submit_sm (counted from when it is set). 0: never. */
    private volatile int dropAfter = 0;
    /** Send every delivery receipt twice (as SMSCs do after a lost deliver_sm_resp). */
    private volatile boolean duplicateReceipts = false;

    // The HTTP provider (/api/simulator/http/...): status callbacks are signed with this secret (the carrier's
    // smsflows.carriers.<name>.webhook.secret); empty: no callbacks.
    private String httpWebhookSecret;
    /** Answer every HTTP provider request with this status (503: down, 429: busy) instead of accepting. 0: never. */
    private volatile int httpFailStatus = 0;

    public String getHttpWebhookSecret() { return httpWebhookSecret; }
    public void setHttpWebhookSecret(String httpWebhookSecret) { this.httpWebhookSecret = httpWebhookSecret; }
    public int getHttpFailStatus() { return httpFailStatus; }
    public void setHttpFailStatus(int httpFailStatus) { this.httpFailStatus = httpFailStatus; }
    public Mode getMode() { return mode; }
    public void setMode(Mode mode) { this.mode = mode; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public Duration getReceiptDelay() { return receiptDelay; }
    public void setReceiptDelay(Duration receiptDelay) { this.receiptDelay = receiptDelay; }
    public Duration getResponseDelay() { return responseDelay; }
    public void setResponseDelay(Duration responseDelay) { this.responseDelay = responseDelay; }
    public int getReceiptWindow() { return receiptWindow; }
    public void setReceiptWindow(int receiptWindow) { this.receiptWindow = receiptWindow; }
    public int getPduProcessorDegree() { return pduProcessorDegree; }
    public void setPduProcessorDegree(int pduProcessorDegree) { this.pduProcessorDegree = pduProcessorDegree; }
    public List<String> getUndeliverablePrefixes() { return undeliverablePrefixes; }
    public void setUndeliverablePrefixes(List<String> undeliverablePrefixes) { this.undeliverablePrefixes = undeliverablePrefixes; }
    public List<String> getRejectedPrefixes() { return rejectedPrefixes; }
    public void setRejectedPrefixes(List<String> rejectedPrefixes) { this.rejectedPrefixes = rejectedPrefixes; }
    public boolean isReceiptBeforeResponse() { return receiptBeforeResponse; }
    public void setReceiptBeforeResponse(boolean receiptBeforeResponse) { this.receiptBeforeResponse = receiptBeforeResponse; }
    public int getRecorded() { return recorded; }
    public void setRecorded(int recorded) { this.recorded = recorded; }

    public int getThrottleEvery() { return throttleEvery; }
    public void setThrottleEvery(int throttleEvery) { this.throttleEvery = throttleEvery; }
    public int getMaxSubmitsPerSecond() { return maxSubmitsPerSecond; }
    public void setMaxSubmitsPerSecond(int maxSubmitsPerSecond) { this.maxSubmitsPerSecond = maxSubmitsPerSecond; }
    public int getDropAfter() { return dropAfter; }
    public void setDropAfter(int dropAfter) { this.dropAfter = dropAfter; }
    public boolean isDuplicateReceipts() { return duplicateReceipts; }
    public void setDuplicateReceipts(boolean duplicateReceipts) { this.duplicateReceipts = duplicateReceipts; }

    /** When the simulator runs. */
    public enum Mode { AUTO, ON, OFF }
}
