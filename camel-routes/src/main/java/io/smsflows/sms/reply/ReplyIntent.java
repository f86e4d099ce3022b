package io.smsflows.sms.reply;

/** Result of the reply-intent decision: an intent name, and the number for CHOICE. */
public record ReplyIntent(String intent, Integer choice) {

    public static final String CONFIRM = "CONFIRM";
    public static final String CANCEL = "CANCEL";
    public static final String STOP = "STOP";
    public static final String START = "START";
    /** A keyword asking for marketing messages (JOIN): starts the double opt-in. */
    public static final String OPT_IN = "OPT_IN";
    public static final String HELP = "HELP";
    public static final String UNKNOWN = "UNKNOWN";

    public static ReplyIntent of(String intent) {
        return new ReplyIntent(intent, null);
    }
}
