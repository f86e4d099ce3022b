package io.smsflows.sms.carrier;

/**
 * Where a message goes.
 *
 * @param rule    the routing rule that matched (recorded on the message)
 * @param carrier the carrier it picked, or null when every target of the rule is unavailable now
 */
public record RouteChoice(String rule, String carrier) {

    public boolean available() {
        return carrier != null;
    }
}
