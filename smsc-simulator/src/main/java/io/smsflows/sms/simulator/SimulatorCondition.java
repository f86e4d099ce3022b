package io.smsflows.sms.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The simulator runs when smsflows.simulator.mode is ON, or AUTO (default) and no smsflows.smpp.host is set. */
class SimulatorCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String mode = context.getEnvironment().getProperty("smsflows.simulator.mode", "AUTO").trim().toUpperCase();
        String host = context.getEnvironment().getProperty("smsflows.smpp.host", "");
        boolean on = mode.equals("ON") || (mode.equals("AUTO") && host.isBlank());
        return on ? ConditionOutcome.match("SMSC simulator: mode " + mode + ", smsflows.smpp.host '" + host + "'")
                : ConditionOutcome.noMatch("SMSC simulator off: mode " + mode + ", smsflows.smpp.host '" + host + "'");
    }
}
