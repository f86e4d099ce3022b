package io.smsflows.sms.smpp;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;

/** Classifies what went wrong with a submit_sm (SMPP 3.4 section 5.1.3 command_status values). */
public final class SmppErrors {

    static final int THROTTLED = 0x00000058;
    static final int QUEUE_FULL = 0x00000014;

    /** Worth retrying later: the SMSC is busy or throttling us, or the problem is on its side. */
    private static final Set<Integer> TRANSIENT = Set.of(
            0x00000008, // ESME_RSYSERR system error
            0x00000014, // ESME_RMSGQFUL message queue full
            0x00000058, // ESME_RTHROTTLED throttling error
            0x00000064, // ESME_RX_T_APPN temporary application error
            0x00000045  // ESME_RSUBMITFAIL submit failed (often transient on real SMSCs)
    );

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00000001, "ESME_RINVMSGLEN invalid message length"),
            Map.entry(0x00000008, "ESME_RSYSERR system error"),
            Map.entry(0x0000000A, "ESME_RINVSRCADR invalid source address"),
            Map.entry(0x0000000B, "ESME_RINVDSTADR invalid destination address"),
            Map.entry(0x00000014, "ESME_RMSGQFUL message queue full"),
            Map.entry(0x00000045, "ESME_RSUBMITFAIL submit failed"),
            Map.entry(0x00000058, "ESME_RTHROTTLED throttled"),
            Map.entry(0x00000061, "ESME_RINVSCHED invalid scheduled delivery time"),
            Map.entry(0x00000062, "ESME_RINVEXPIRY invalid validity period"),
            Map.entry(0x00000064, "ESME_RX_T_APPN temporary application error"),
            Map.entry(0x00000066, "ESME_RX_R_APPN permanent application error"));

    private SmppErrors() {
    }

    public static String hex(int status) {
        return String.format("0x%08x", status);
    }

    public static String describe(int status) {
        return NAMES.getOrDefault(status, "command_status " + hex(status));
    }

    /** ESME_RTHROTTLED or ESME_RMSGQFUL: the SMSC asks us to slow down; the part itself is fine. */
    public static boolean isThrottling(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NegativeResponseException nre) {
                return nre.getCommandStatus() == THROTTLED || nre.getCommandStatus() == QUEUE_FULL;
            }
        }
        return false;
    }

    /** The code of a failure ({@link SubmitFailure#code()}) says the SMSC throttled us. */
    public static boolean isThrottlingCode(String code) {
        // an HTTP provider left out of routing between routing and sending: wait, as throttled (its 429 uses
        // attempts: a provider whose quota is gone must not hold messages forever)
        return hex(THROTTLED).equals(code) || hex(QUEUE_FULL).equals(code) || "PROVIDER_DOWN".equals(code);
    }

    /** Turns whatever camel-smpp threw into a classified failure. */
    public static SubmitFailure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NegativeResponseException nre) {
                int status = nre.getCommandStatus();
                return new SubmitFailure(TRANSIENT.contains(status), hex(status),
                        "SMSC refused submit_sm: " + describe(status), error);
            }
            if (t instanceof ResponseTimeoutException) {
                return new SubmitFailure(true, "TIMEOUT", "no submit_sm_resp within the transaction timer", error);
            }
            if (t instanceof IOException || t instanceof IllegalStateException) {
                return new SubmitFailure(true, "NO_BIND", "not bound to the SMSC: " + t.getMessage(), error);
            }
        }
        return new SubmitFailure(true, "ERROR", String.valueOf(error), error);
    }
}
