package io.smsflows.app;

import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.simulator.SmscSimulator.ReceivedSubmit;
import java.util.List;

/** What reached the simulated SMSC, as the end-to-end tests look at it. */
final class Wire {

    private Wire() {
    }

    /** The text of one submitted part, decoded as a handset would (GSM 03.38, Latin-1 or UCS-2, after the UDH). */
    static String text(ReceivedSubmit pdu) {
        return io.smsflows.sms.codec.SmsDecoder.decode(pdu.dataCoding(), pdu.shortMessage(),
                (pdu.esmClass() & 0x40) != 0).text();
    }

    /** The submit_sm PDUs to one destination (E.164 digits without '+'), oldest first. */
    static List<ReceivedSubmit> submitsTo(SmscSimulator simulator, String digits) {
        return simulator.received().stream().filter(s -> s.destAddr().equals(digits)).toList();
    }
}
