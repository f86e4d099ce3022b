package io.smsflows.sms.config;

import io.smsflows.sms.codec.ConcatenationStyle;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.NationalLanguage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of SMS Flows under {@code smsflows.*}. Everything has a default that works on the embedded
 * setup (H2 + built-in SMSC simulator); pointing at a real SMSC is {@code smsflows.smpp.host} and friends.
 */
@ConfigurationProperties(prefix = "smsflows")
public class SmsFlowsProperties {

    /** Connection to the SMSC (SMPP 3.4). When {@code host} is empty, the built-in simulator is used. */
    private final Smpp smpp = new Smpp();
    /** Built-in SMSC simulator for demos and tests. */
    private final Simulator simulator = new Simulator();
    /** The transactional outbox and its dispatcher. */
    private final Outbox outbox = new Outbox();
    /** Delivery receipt matching. */
    private final Receipts receipts = new Receipts();
    /** Handing final outcomes (delivered/failed) to the process engine. */
    private final Outcomes outcomes = new Outcomes();
    /** Per-category limits, keyed by category name (e.g. transactional, marketing). */
    private final Map<String, Category> categories = new LinkedHashMap<>(Map.of(
            "transactional", new Category(), "marketing", new Category()));

    public Smpp getSmpp() { return smpp; }
    public Simulator getSimulator() { return simulator; }
    public Outbox getOutbox() { return outbox; }
    public Receipts getReceipts() { return receipts; }
    public Outcomes getOutcomes() { return outcomes; }
    public Map<String, Category> getCategories() { return categories; }

    /** Encoding options for a category on the configured SMPP route. */
    public EncodingOptions encodingOptions(String category, boolean smartReplacement) {
        Category c = categories.getOrDefault(category, new Category());
        Set<NationalLanguage> languages = smpp.getNationalLanguages().isEmpty()
                ? Set.of() : EnumSet.copyOf(smpp.getNationalLanguages());
        return new EncodingOptions(smpp.getConcatenation(), c.getMaxParts(), smartReplacement, languages);
    }

    public static class Smpp {
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
        /** Parallel submit_sm in flight on the bind (the SMPP window). */
        private int window = 8;

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

        public boolean isConfigured() {
            return host != null && !host.isBlank();
        }
    }

    public enum BindMode { TRANSCEIVER, SEPARATE }

    public static class Simulator {
        /** Start the simulator: AUTO starts it only when no SMSC host is configured. */
        private SimulatorMode mode = SimulatorMode.AUTO;
        /** Port the simulator listens on (localhost only); 0 picks a free port. */
        private int port = 2775;
        /** Delay between submit_sm_resp and the delivery receipt. */
        private Duration receiptDelay = Duration.ofMillis(200);
        /**
         * Destinations starting with one of these (E.164 digits, no '+') get an UNDELIV receipt (err 001). Default:
         * +44 7700 9001xx, from Ofcom's range reserved for drama, so no real handset is meant.
         */
        private List<String> undeliverablePrefixes = new ArrayList<>(List.of("4477009001"));
        /** Destinations starting with one of these are refused in submit_sm_resp (0x0B). Default: +44 7700 9002xx. */
        private List<String> rejectedPrefixes = new ArrayList<>(List.of("4477009002"));
        /** Send the receipt before answering submit_sm (as some SMSCs do under load): tests our early-receipt path. */
        private boolean receiptBeforeResponse = false;

        public SimulatorMode getMode() { return mode; }
        public void setMode(SimulatorMode mode) { this.mode = mode; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public Duration getReceiptDelay() { return receiptDelay; }
        public void setReceiptDelay(Duration receiptDelay) { this.receiptDelay = receiptDelay; }
        public List<String> getUndeliverablePrefixes() { return undeliverablePrefixes; }
        public void setUndeliverablePrefixes(List<String> undeliverablePrefixes) { this.undeliverablePrefixes = undeliverablePrefixes; }
        public List<String> getRejectedPrefixes() { return rejectedPrefixes; }
        public void setRejectedPrefixes(List<String> rejectedPrefixes) { this.rejectedPrefixes = rejectedPrefixes; }
        public boolean isReceiptBeforeResponse() { return receiptBeforeResponse; }
        public void setReceiptBeforeResponse(boolean receiptBeforeResponse) { this.receiptBeforeResponse = receiptBeforeResponse; }
    }

    public enum SimulatorMode { AUTO, ON, OFF }

    public static class Outbox {
        /** This node submits outbox rows. Off: it only queues them (e.g. nodes that run processes but hold no bind). */
        private boolean dispatch = true;
        /** Safety-net poll; normally the dispatcher is woken when an outbox transaction commits. */
        private Duration pollInterval = Duration.ofSeconds(2);
        /** Rows claimed per round. */
        private int batchSize = 200;
        /** How long a claimed row belongs to this node before another node (or a restart) may take it over. */
        private Duration lease = Duration.ofMinutes(2);
        /** Submission attempts before a message fails for good (transient SMSC errors, lost binds). */
        private int maxAttempts = 8;
        /** First retry delay; doubles per attempt up to {@code maxBackoff}. */
        private Duration initialBackoff = Duration.ofSeconds(2);
        /** Longest retry delay. */
        private Duration maxBackoff = Duration.ofMinutes(5);

        public boolean isDispatch() { return dispatch; }
        public void setDispatch(boolean dispatch) { this.dispatch = dispatch; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getInitialBackoff() { return initialBackoff; }
        public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    }

    public static class Receipts {
        /** How often stored receipts that matched no part yet (early receipts) are matched again. */
        private Duration retryInterval = Duration.ofSeconds(1);
        /** After this, an unmatched receipt is kept as ORPHAN and no longer retried. */
        private Duration matchWindow = Duration.ofHours(48);
        /** A submitted message without final receipts for all parts after this is marked EXPIRED (outcome failed). */
        private Duration timeout = Duration.ofHours(72);

        public Duration getRetryInterval() { return retryInterval; }
        public void setRetryInterval(Duration retryInterval) { this.retryInterval = retryInterval; }
        public Duration getMatchWindow() { return matchWindow; }
        public void setMatchWindow(Duration matchWindow) { this.matchWindow = matchWindow; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
    }

    public static class Outcomes {
        /** Safety-net poll for outcomes not yet handed to the engine. */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** Delay before retrying when the process instance is not (yet) waiting for the outcome. */
        private Duration retryDelay = Duration.ofSeconds(2);
        /** Attempts before an outcome the process never waits for is given up (logged, kept in sms_message). */
        private int maxAttempts = 30;
        /** Correlations run in parallel (different process instances). */
        private int threads = 4;

        public int getThreads() { return threads; }
        public void setThreads(int threads) { this.threads = threads; }

        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public Duration getRetryDelay() { return retryDelay; }
        public void setRetryDelay(Duration retryDelay) { this.retryDelay = retryDelay; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    }

    public static class Category {
        /** Longest message accepted, in parts; longer text is refused before anything is sent. */
        private int maxParts = EncodingOptions.DEFAULT_MAX_PARTS;

        public int getMaxParts() { return maxParts; }
        public void setMaxParts(int maxParts) { this.maxParts = maxParts; }
    }
}
