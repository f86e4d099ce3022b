package io.smsflows.sms.campaign;

import java.util.Map;

/**
 * A campaign's audience once checked: what will be sent, and what was left out and why, before anyone approves.
 *
 * @param rows      rows read from the source
 * @param audience  numbers that will get the campaign
 * @param excluded  rows left out, by reason ({@code INVALID_NUMBER}, {@code DUPLICATE}, {@code OPTED_OUT},
 *                  {@code NO_CONSENT})
 * @param test      of the audience, numbers in the A/B test share (0 without a test)
 * @param byVariant numbers per variant among those already assigned one (the test share, or all without a test)
 */
public record AudienceSummary(int rows, int audience, Map<String, Integer> excluded, int test,
                              Map<String, Integer> byVariant) {

    public int excludedTotal() {
        return excluded.values().stream().mapToInt(Integer::intValue).sum();
    }
}
