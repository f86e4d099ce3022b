package io.smsflows.sms.reply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Inbound replies, {@code smsflows.replies.*}: carrier keywords, conversations, automatic answers.
 */
@ConfigurationProperties(prefix = "smsflows.replies")
public class ReplyProperties {

    /** Opt-out words, matched on the whole trimmed, upper-cased message (as carriers do). */
    private List<String> optOutWords = new ArrayList<>(List.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE",
            "END", "QUIT", "REVOKE", "OPTOUT", "OPT OUT", "ARRET", "ARRÊT", "STOPP"));
    /** Re-subscribe words. Never YES: it confirms appointments and must not undo an opt-out. */
    private List<String> startWords = new ArrayList<>(List.of("START", "UNSTOP", "SUBSCRIBE"));
    /**
     * Words asking for marketing messages ("JOIN"): they start the double opt-in journey (sms-double-opt-in), which
     * records a consent only after the customer answers its question with YES. With a code word: "ACME JOIN".
     */
    private List<String> optInWords = new ArrayList<>(List.of("JOIN"));
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
    /**
     * Answer to HELP (brand, contact, how to stop). Sent every time HELP comes in, as carriers require (CTIA);
     * the once-a-day limit is for auto-replies to messages nobody waits for, not for HELP.
     */
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
    /**
     * The same MO (same sender, recipient, octets and optional parameters) again within this window is a redelivery,
     * processed once; unless something was sent to the number in between (then it answers that: docs/replies.md).
     */
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
    public List<String> getOptInWords() { return optInWords; }
    public void setOptInWords(List<String> optInWords) { this.optInWords = optInWords; }
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

    /** What happens to a message with no open conversation. */
    public enum UnsolicitedMode { OPERATOR, AUTO_REPLY }

    /** Keyword additions and the CANCEL policy of one country (ISO 3166 code of the sender's number). */
    public static class CountryReplies {
        /** Added to the global opt-out words. */
        private List<String> optOutWords = new ArrayList<>();
        /** Added to the global start words. */
        private List<String> startWords = new ArrayList<>();
        /** Added to the global opt-in words (e.g. FR: INSCRIPTION). */
        private List<String> optInWords = new ArrayList<>();
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
        public List<String> getOptInWords() { return optInWords; }
        public void setOptInWords(List<String> optInWords) { this.optInWords = optInWords; }
        public List<String> getHelpWords() { return helpWords; }
        public void setHelpWords(List<String> helpWords) { this.helpWords = helpWords; }
        public CancelPolicy getCancelPolicy() { return cancelPolicy; }
        public void setCancelPolicy(CancelPolicy cancelPolicy) { this.cancelPolicy = cancelPolicy; }
    }
}
