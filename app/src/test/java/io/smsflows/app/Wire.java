package io.smsflows.app;

import io.smsflows.sms.simulator.SmscSimulator;
import io.smsflows.sms.simulator.SmscSimulator.ReceivedSubmit;
import java.util.List;

/** What reached the simulated SMSC, as the end-to-end tests look at it. */
final class Wire {

    private Wire() {
    }

    /** The submit_sm PDUs to one destination (E.164 digits without '+'), oldest first. */
    static List<ReceivedSubmit> submitsTo(SmscSimulator simulator, String digits) {
        return simulator.received().stream().filter(s -> s.destAddr().equals(digits)).toList();
    }
}
