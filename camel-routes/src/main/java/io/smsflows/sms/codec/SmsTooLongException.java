package io.smsflows.sms.codec;

/** The text needs more parts than allowed. Thrown before anything is sent: a message is never truncated. */
public class SmsTooLongException extends RuntimeException {

    private final int parts;
    private final int maxParts;
    private final int units;
    private final int maxUnits;
    private final SmsAlphabet alphabet;

    public SmsTooLongException(SmsAlphabet alphabet, int units, int parts, int maxUnits, int maxParts) {
        super("SMS text too long: it needs " + parts + " parts (" + units + " " + unitName(alphabet)
                + ") but at most " + maxParts + " parts (" + maxUnits + " " + unitName(alphabet)
                + ") are allowed; shorten the text or raise the category's max-parts");
        this.alphabet = alphabet;
        this.units = units;
        this.parts = parts;
        this.maxUnits = maxUnits;
        this.maxParts = maxParts;
    }

    private static String unitName(SmsAlphabet alphabet) {
        return alphabet == SmsAlphabet.GSM7 ? "GSM septets" : "UCS-2 characters";
    }

    public int parts() { return parts; }

    public int maxParts() { return maxParts; }

    public int units() { return units; }

    public int maxUnits() { return maxUnits; }

    public SmsAlphabet alphabet() { return alphabet; }
}
