package io.smsflows.sms.config;

import io.smsflows.sms.codec.ConcatenationStyle;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.NationalLanguage;
import io.smsflows.sms.reply.CancelPolicy;
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
    /** Inbound replies: keywords, conversations, automatic answers. */
    private final Replies replies = new Replies();
    /** Opt-outs and the suppression list. */
    private final Consent consent = new Consent();
    /** Status callbacks to the CRM. */
    private final Crm crm = new Crm();
    /** Prices per part, for the cost estimate of the preview. */
    private final Pricing pricing = new Pricing();
    /** Defaults of the shipped journeys. */
    private final Journeys journeys = new Journeys();
    /**
     * Per-category limits, keyed by category name (transactional, marketing, and consent: opt-out and re-subscribe
     * confirmations, the only messages allowed once after an opt-out).
     */
    private final Map<String, Category> categories = new LinkedHashMap<>(Map.of(
            "transactional", new Category(), "marketing", new Category(), "consent", new Category(2)));

    public Smpp getSmpp() { return smpp; }
    public Simulator getSimulator() { return simulator; }
    public Outbox getOutbox() { return outbox; }
    public Receipts getReceipts() { return receipts; }
    public Outcomes getOutcomes() { return outcomes; }
    public Map<String, Category> getCategories() { return categories; }
    public Replies getReplies() { return replies; }
    public Consent getConsent() { return consent; }
    public Crm getCrm() { return crm; }
    public Pricing getPricing() { return pricing; }
    public Journeys getJourneys() { return journeys; }

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

        public Category() {
        }

        public Category(int maxParts) {
            this.maxParts = maxParts;
        }

        public int getMaxParts() { return maxParts; }
        public void setMaxParts(int maxParts) { this.maxParts = maxParts; }
    }

    public static class Replies {
        /** Opt-out words, matched on the whole trimmed, upper-cased message (as carriers do). */
        private List<String> optOutWords = new ArrayList<>(List.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE",
                "END", "QUIT", "REVOKE", "OPTOUT", "OPT OUT", "ARRET", "ARRÊT", "STOPP"));
        /** Re-subscribe words. Never YES: it confirms appointments and must not undo an opt-out. */
        private List<String> startWords = new ArrayList<>(List.of("START", "UNSTOP", "SUBSCRIBE"));
        /** Words answered with {@code helpText}. */
        private List<String> helpWords = new ArrayList<>(List.of("HELP", "INFO", "AIDE", "HILFE", "AYUDA"));
        /** Words meaning "cancel", resolved by {@code cancelPolicy} (CANCEL itself always is one). */
        private List<String> cancelWords = new ArrayList<>(List.of("CANCEL"));
        /** What CANCEL means where no country rule says otherwise. */
        private CancelPolicy cancelPolicy = CancelPolicy.REPLY_FIRST;
        /** Extra words and policies per ISO country of the sender's number. Default: US and CA treat CANCEL as opt-out. */
        private Map<String, CountryReplies> countries = new LinkedHashMap<>(Map.of(
                "US", new CountryReplies(CancelPolicy.OPT_OUT), "CA", new CountryReplies(CancelPolicy.OPT_OUT)));
        /**
         * Code words of a shared short code, mapped to the scope they opt out of (a sender or brand key): "ACME STOP"
         * opts out of ACME only; "ACME" or "ACME START" joins again.
         */
        private Map<String, String> codeWords = new LinkedHashMap<>();
        /** Answer to HELP (brand, contact, how to stop). Sent at most once per number and day. */
        private String helpText = "SMS Flows: appointment and order messages. Reply STOP to unsubscribe, START to "
                + "subscribe again. Help: support@example.com";
        /**
         * The one confirmation after an opt-out (no marketing content). Empty: template "opt-out-confirmation" of the
         * sms-templates decision in the customer's language; set it to use one text for every language.
         */
        private String optOutConfirmation;
        /** Confirmation of a re-subscription. Empty: template "resubscribe-confirmation" in the customer's language. */
        private String resubscribeConfirmation;
        /** Also confirm opt-outs that came from the CRM (customer unsubscribed on the website) by SMS. */
        private boolean confirmCrmOptOuts = false;
        /** BPMN message a reply is correlated as, unless the sending task names another. */
        private String replyMessage = "SmsReply";
        /** How long a conversation waits for a reply, unless the sending task says otherwise. */
        private Duration conversationTimeout = Duration.ofDays(3);
        /** The same MO (same sender, recipient and octets) again within this window is a redelivery, processed once. */
        private Duration duplicateWindow = Duration.ofMinutes(5);
        /** Parts of a concatenated MO wait this long for the rest; then the partial message is processed as it is. */
        private Duration reassemblyTimeout = Duration.ofMinutes(10);
        /** Delay before correlating again when the waiting process is not ready yet. */
        private Duration retryDelay = Duration.ofSeconds(2);
        /** Safety-net poll for stored inbound messages not processed yet. */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** A message with no open conversation: OPERATOR (task "handle unsolicited reply") or AUTO_REPLY (help text, once a day; then operator). */
        private UnsolicitedMode unsolicited = UnsolicitedMode.AUTO_REPLY;

        public List<String> getOptOutWords() { return optOutWords; }
        public void setOptOutWords(List<String> optOutWords) { this.optOutWords = optOutWords; }
        public List<String> getStartWords() { return startWords; }
        public void setStartWords(List<String> startWords) { this.startWords = startWords; }
        public List<String> getHelpWords() { return helpWords; }
        public void setHelpWords(List<String> helpWords) { this.helpWords = helpWords; }
        public List<String> getCancelWords() { return cancelWords; }
        public void setCancelWords(List<String> cancelWords) { this.cancelWords = cancelWords; }
        public CancelPolicy getCancelPolicy() { return cancelPolicy; }
        public void setCancelPolicy(CancelPolicy cancelPolicy) { this.cancelPolicy = cancelPolicy; }
        public Map<String, CountryReplies> getCountries() { return countries; }
        public void setCountries(Map<String, CountryReplies> countries) { this.countries = countries; }
        public Map<String, String> getCodeWords() { return codeWords; }
        public void setCodeWords(Map<String, String> codeWords) { this.codeWords = codeWords; }
        public String getHelpText() { return helpText; }
        public void setHelpText(String helpText) { this.helpText = helpText; }
        public String getOptOutConfirmation() { return optOutConfirmation; }
        public void setOptOutConfirmation(String optOutConfirmation) { this.optOutConfirmation = optOutConfirmation; }
        public String getResubscribeConfirmation() { return resubscribeConfirmation; }
        public void setResubscribeConfirmation(String resubscribeConfirmation) { this.resubscribeConfirmation = resubscribeConfirmation; }
        public boolean isConfirmCrmOptOuts() { return confirmCrmOptOuts; }
        public void setConfirmCrmOptOuts(boolean confirmCrmOptOuts) { this.confirmCrmOptOuts = confirmCrmOptOuts; }
        public String getReplyMessage() { return replyMessage; }
        public void setReplyMessage(String replyMessage) { this.replyMessage = replyMessage; }
        public Duration getConversationTimeout() { return conversationTimeout; }
        public void setConversationTimeout(Duration conversationTimeout) { this.conversationTimeout = conversationTimeout; }
        public Duration getDuplicateWindow() { return duplicateWindow; }
        public void setDuplicateWindow(Duration duplicateWindow) { this.duplicateWindow = duplicateWindow; }
        public Duration getReassemblyTimeout() { return reassemblyTimeout; }
        public void setReassemblyTimeout(Duration reassemblyTimeout) { this.reassemblyTimeout = reassemblyTimeout; }
        public Duration getRetryDelay() { return retryDelay; }
        public void setRetryDelay(Duration retryDelay) { this.retryDelay = retryDelay; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public UnsolicitedMode getUnsolicited() { return unsolicited; }
        public void setUnsolicited(UnsolicitedMode unsolicited) { this.unsolicited = unsolicited; }
    }

    public enum UnsolicitedMode { OPERATOR, AUTO_REPLY }

    /** Keyword additions and the CANCEL policy of one country (ISO 3166 code of the sender's number). */
    public static class CountryReplies {
        /** Added to the global opt-out words. */
        private List<String> optOutWords = new ArrayList<>();
        /** Added to the global start words. */
        private List<String> startWords = new ArrayList<>();
        /** Added to the global help words. */
        private List<String> helpWords = new ArrayList<>();
        /** Overrides the global CANCEL policy. */
        private CancelPolicy cancelPolicy;

        public CountryReplies() {
        }

        public CountryReplies(CancelPolicy cancelPolicy) {
            this.cancelPolicy = cancelPolicy;
        }

        public List<String> getOptOutWords() { return optOutWords; }
        public void setOptOutWords(List<String> optOutWords) { this.optOutWords = optOutWords; }
        public List<String> getStartWords() { return startWords; }
        public void setStartWords(List<String> startWords) { this.startWords = startWords; }
        public List<String> getHelpWords() { return helpWords; }
        public void setHelpWords(List<String> helpWords) { this.helpWords = helpWords; }
        public CancelPolicy getCancelPolicy() { return cancelPolicy; }
        public void setCancelPolicy(CancelPolicy cancelPolicy) { this.cancelPolicy = cancelPolicy; }
    }

    public static class Consent {
        /**
         * GLOBAL: an opt-out blocks every message to the number. SENDER: it blocks messages from the sender (number,
         * short code or brand) the opt-out was sent to; code words always opt out of their own scope.
         */
        private ScopeMode scope = ScopeMode.GLOBAL;

        public ScopeMode getScope() { return scope; }
        public void setScope(ScopeMode scope) { this.scope = scope; }
    }

    public enum ScopeMode { GLOBAL, SENDER }

    public static class Crm {
        /**
         * Base URL of the CRM's callback API; each callback is POST {base-url}/{event} with a JSON body. Empty: the
         * built-in CRM stub of a web application receives them (demo only).
         */
        private String baseUrl;
        /** HTTP Basic user for callbacks, if the CRM wants one. */
        private String username;
        /** HTTP Basic password (set through the environment, e.g. SMSFLOWS_CRM_PASSWORD). */
        private String password;
        /** Connect and response timeout of one callback; a slow CRM fails the job, which is retried. */
        private Duration timeout = Duration.ofSeconds(10);

        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
    }

    public static class Pricing {
        /** Currency of the prices. */
        private String currency = "EUR";
        /** Price of one part by ISO country of the recipient, e.g. FR: 0.045. Example values; set your contract's. */
        private Map<String, java.math.BigDecimal> perPart = new LinkedHashMap<>(Map.of(
                "FR", new java.math.BigDecimal("0.045"), "DE", new java.math.BigDecimal("0.075"),
                "ES", new java.math.BigDecimal("0.060"), "GB", new java.math.BigDecimal("0.035"),
                "US", new java.math.BigDecimal("0.008")));
        /** Price of one part for other countries; empty: no estimate. */
        private java.math.BigDecimal defaultPerPart;

        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
        public Map<String, java.math.BigDecimal> getPerPart() { return perPart; }
        public void setPerPart(Map<String, java.math.BigDecimal> perPart) { this.perPart = perPart; }
        public java.math.BigDecimal getDefaultPerPart() { return defaultPerPart; }
        public void setDefaultPerPart(java.math.BigDecimal defaultPerPart) { this.defaultPerPart = defaultPerPart; }
    }

    public static class Journeys {
        /**
         * Default reminder plan of appointment-reminder: D-&lt;days&gt;@&lt;HH:mm&gt; (local time of the appointment)
         * and T-&lt;ISO duration&gt; before the start, comma separated.
         */
        private String appointmentReminderPlan = "D-1@18:00,T-PT3H";

        public String getAppointmentReminderPlan() { return appointmentReminderPlan; }
        public void setAppointmentReminderPlan(String appointmentReminderPlan) { this.appointmentReminderPlan = appointmentReminderPlan; }
    }
}
