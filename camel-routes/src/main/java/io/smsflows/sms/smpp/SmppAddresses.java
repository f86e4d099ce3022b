package io.smsflows.sms.smpp;

/** TON/NPI of source addresses (SMPP 3.4 5.2.5/5.2.6), derived from the sender's form unless configured. */
public final class SmppAddresses {

    private SmppAddresses() {
    }

    /** {ton, npi} for a sender: alphanumeric 5/0, short code (up to 8 digits) 3/0, number 1/1. */
    public static byte[] sourceTonNpi(String sender, SmppProperties config) {
        byte ton;
        byte npi;
        String digits = sender.startsWith("+") ? sender.substring(1) : sender;
        if (!digits.chars().allMatch(Character::isDigit)) {
            ton = 5;
            npi = 0;
        } else if (digits.length() <= 8 && !sender.startsWith("+")) {
            ton = 3;
            npi = 0;
        } else {
            ton = 1;
            npi = 1;
        }
        if (config.getSourceTon() >= 0) {
            ton = (byte) config.getSourceTon();
        }
        if (config.getSourceNpi() >= 0) {
            npi = (byte) config.getSourceNpi();
        }
        return new byte[] {ton, npi};
    }

    /** source_addr as it goes on the wire: '+' stripped from numbers. */
    public static String sourceAddr(String sender) {
        return sender.startsWith("+") ? sender.substring(1) : sender;
    }
}
