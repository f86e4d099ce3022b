package io.smsflows.sms.smpp;

import io.smsflows.sms.codec.ConcatenationStyle;
import io.smsflows.sms.codec.NationalLanguage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMSC connection (SMPP 3.4), {@code smsflows.smpp.*}. When {@code host} is empty the built-in simulator is
 * used (if it is on the classpath); see docs/configuration.md.
 */
@ConfigurationProperties(prefix = "smsflows.smpp")
public class SmppProperties {

    /** SMSC host. Empty: use the built-in simulator (never in production). */
    private String host;
    /** SMSC port. */
    private int port = 2775;
    /** system_id of the bind. */
    private String systemId = "smsflows";
    /** Password of the bind (set through the environment, e.g. SMSFLOWS_SMPP_PASSWORD). */
    private String password;
    /** system_type of the bind; many SMSCs want it empty. */
    private String systemType = "";
    /**
     * TRANSCEIVER: one bind (bind_transceiver) submits and receives receipts and replies.
     * SEPARATE: a bind_transmitter for submits and a bind_receiver for receipts and replies.
     */
    private BindMode bindMode = BindMode.TRANSCEIVER;
    /** Default sender (source_addr) when the process gives none. */
    private String defaultSender = "SMSFlows";
    /** TON of the source address; -1: derive (5 alphanumeric, 1 international for +digits, else 0). */
    private int sourceTon = -1;
    /** NPI of the source address; -1: derive (0 for alphanumeric, 1 ISDN otherwise). */
    private int sourceNpi = -1;
    /** TON of destination addresses (1 = international: we send E.164 without '+'). */
    private int destTon = 1;
    /** NPI of destination addresses (1 = ISDN/E.164). */
    private int destNpi = 1;
    /** How long parts are tied together; SMSCs differ. */
    private ConcatenationStyle concatenation = ConcatenationStyle.UDH_8BIT;
    /** National language shift tables this route and its handsets support. */
    private List<NationalLanguage> nationalLanguages = new ArrayList<>();
    /** enquire_link interval. */
    private Duration enquireLinkTimer = Duration.ofSeconds(30);
    /** How long to wait for a response PDU (e.g. submit_sm_resp). */
    private Duration transactionTimer = Duration.ofSeconds(10);
    /** Delay between reconnect attempts after a lost bind. */
    private Duration reconnectDelay = Duration.ofSeconds(5);
    /**
     * The window: submit_sm in flight on the bind, awaiting their submit_sm_resp. With an SMSC that answers in L
     * seconds a bind carries at most window / L submits per second (50 in flight at 300 ms: 166/s).
     */
    private int window = 50;
    /**
     * Threads that process PDUs arriving on the bind (responses, receipts, replies). A receipt holds its thread until
     * it is stored, and receipts are stored in batches: this is also the largest batch a bind can bring at once, and
     * with the SMSC's own window it bounds the receipts per second (64 waiting for a 25 ms commit: 2,560/s).
     */
    private int pduProcessorDegree = 64;
    /** Binds (connections) to open to the SMSC; each has its own window and rate. Carriers often allow several. */
    private int binds = 1;
    /**
     * The carrier's rate per bind in parts (submit_sm) per second, as contracted; 0: none. Submits are spaced evenly
     * a little under it (rate-margin), and no sliding second of ours holds more.
     */
    private double partsPerSecond = 0;
    /**
     * Share of parts-per-second left unused, so that what happens between our check and the carrier's count (a busy
     * CPU, a GC pause, the network) does not push one of its sliding seconds over the rate: 0.03 sends at most
     * 145.5 parts in any second of a 150/s contract.
     */
    private double rateMargin = 0.03;
    /**
     * A part answered ESME_RTHROTTLED or ESME_RMSGQFUL is sent again on its bind, after the bind's rate and pause,
     * this many times before its message goes back to the queue (without using up one of its attempts).
     */
    private int throttleResends = 20;
    /** Pause of a bind after throttling answers in a row (the first resends at once), doubling up to the maximum. */
    private Duration throttlePause = Duration.ofMillis(20);
    /** Longest pause of a throttled bind. */
    private Duration maxThrottlePause = Duration.ofSeconds(2);

    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public String getSystemId() { return systemId; }
    public void setSystemId(String systemId) { this.systemId = systemId; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getSystemType() { return systemType; }
    public void setSystemType(String systemType) { this.systemType = systemType; }
    public BindMode getBindMode() { return bindMode; }
    public void setBindMode(BindMode bindMode) { this.bindMode = bindMode; }
    public String getDefaultSender() { return defaultSender; }
    public void setDefaultSender(String defaultSender) { this.defaultSender = defaultSender; }
    public int getSourceTon() { return sourceTon; }
    public void setSourceTon(int sourceTon) { this.sourceTon = sourceTon; }
    public int getSourceNpi() { return sourceNpi; }
    public void setSourceNpi(int sourceNpi) { this.sourceNpi = sourceNpi; }
    public int getDestTon() { return destTon; }
    public void setDestTon(int destTon) { this.destTon = destTon; }
    public int getDestNpi() { return destNpi; }
    public void setDestNpi(int destNpi) { this.destNpi = destNpi; }
    public ConcatenationStyle getConcatenation() { return concatenation; }
    public void setConcatenation(ConcatenationStyle concatenation) { this.concatenation = concatenation; }
    public List<NationalLanguage> getNationalLanguages() { return nationalLanguages; }
    public void setNationalLanguages(List<NationalLanguage> nationalLanguages) { this.nationalLanguages = nationalLanguages; }
    public Duration getEnquireLinkTimer() { return enquireLinkTimer; }
    public void setEnquireLinkTimer(Duration enquireLinkTimer) { this.enquireLinkTimer = enquireLinkTimer; }
    public Duration getTransactionTimer() { return transactionTimer; }
    public void setTransactionTimer(Duration transactionTimer) { this.transactionTimer = transactionTimer; }
    public Duration getReconnectDelay() { return reconnectDelay; }
    public void setReconnectDelay(Duration reconnectDelay) { this.reconnectDelay = reconnectDelay; }
    public int getWindow() { return window; }
    public void setWindow(int window) { this.window = window; }
    public int getBinds() { return binds; }
    public void setBinds(int binds) { this.binds = binds; }
    public double getPartsPerSecond() { return partsPerSecond; }
    public void setPartsPerSecond(double partsPerSecond) { this.partsPerSecond = partsPerSecond; }
    public double getRateMargin() { return rateMargin; }
    public void setRateMargin(double rateMargin) { this.rateMargin = rateMargin; }
    public int getThrottleResends() { return throttleResends; }
    public void setThrottleResends(int throttleResends) { this.throttleResends = throttleResends; }
    public Duration getThrottlePause() { return throttlePause; }
    public void setThrottlePause(Duration throttlePause) { this.throttlePause = throttlePause; }
    public Duration getMaxThrottlePause() { return maxThrottlePause; }
    public void setMaxThrottlePause(Duration maxThrottlePause) { this.maxThrottlePause = maxThrottlePause; }
    public int getPduProcessorDegree() { return pduProcessorDegree; }
    public void setPduProcessorDegree(int pduProcessorDegree) { this.pduProcessorDegree = pduProcessorDegree; }

    public boolean isConfigured() {
        return host != null && !host.isBlank();
    }

    /** How the bind is opened. */
    public enum BindMode {
        /** One bind_transceiver submits and receives receipts and replies. */
        TRANSCEIVER,
        /** A bind_transmitter for submits and a bind_receiver for receipts and replies. */
        SEPARATE
    }
}
