package io.smsflows.sms.receipt;

import java.util.Locale;

/** message_state of SMPP 3.4 (5.2.28) and the stat: words of the receipt text (Appendix B). */
public enum ReceiptState {
    ENROUTE(1, "ENROUTE"),
    DELIVERED(2, "DELIVRD"),
    EXPIRED(3, "EXPIRED"),
    DELETED(4, "DELETED"),
    UNDELIVERABLE(5, "UNDELIV"),
    ACCEPTED(6, "ACCEPTD"),
    UNKNOWN(7, "UNKNOWN"),
    REJECTED(8, "REJECTD");

    private final int code;
    private final String stat;

    ReceiptState(int code, String stat) {
        this.code = code;
        this.stat = stat;
    }

    public int code() {
        return code;
    }

    public String stat() {
        return stat;
    }

    /** ENROUTE is the only intermediate state; every other state is the end of the message. */
    public boolean isFinal() {
        return this != ENROUTE;
    }

    /**
     * DELIVERED and ACCEPTED (read on the subscriber's behalf, SMPP 3.4 5.2.28) count as delivered; every other
     * final state is a failure.
     */
    public boolean isSuccess() {
        return this == DELIVERED || this == ACCEPTED;
    }

    public static ReceiptState fromCode(int code) {
        for (ReceiptState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }

    /** Reads a stat: word; tolerant of the spellings SMSCs use (DELIVERED, UNDELIVERABLE, lower case...). */
    public static ReceiptState fromStat(String stat) {
        if (stat == null) {
            return null;
        }
        String s = stat.trim().toUpperCase(Locale.ROOT);
        for (ReceiptState state : values()) {
            if (state.stat.equals(s) || state.name().equals(s)) {
                return state;
            }
        }
        if (s.startsWith("DELIV")) {
            return DELIVERED;
        }
        if (s.startsWith("UNDEL")) {
            return UNDELIVERABLE;
        }
        if (s.startsWith("REJECT")) {
            return REJECTED;
        }
        if (s.startsWith("ACCEPT")) {
            return ACCEPTED;
        }
        return null;
    }
}
