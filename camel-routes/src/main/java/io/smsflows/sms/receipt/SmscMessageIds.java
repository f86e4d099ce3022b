package io.smsflows.sms.receipt;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SMSC message ids as we store and match them. SMSCs disagree with themselves: the id in submit_sm_resp may be hex
 * while the receipt text carries it in decimal, some pad with zeros, some change case. We store one normal form
 * and match a receipt against every plausible reading of its id.
 */
public final class SmscMessageIds {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private SmscMessageIds() {
    }

    /** Trimmed, lower case, leading zeros removed ("0" stays "0"); null/blank gives "". */
    public static String normalise(String id) {
        if (id == null) {
            return "";
        }
        String s = id.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    /**
     * An id of one carrier's SMSC, kept apart from other carriers' ("orange-fr:1234": two SMSCs counting from 1 never
     * meet). The single SMSC of a configuration without carriers ({@code default}) keeps bare ids.
     */
    public static String scoped(String carrier, String id) {
        String n = normalise(id);
        if (n.isEmpty() || carrier == null || carrier.equals("default")) {
            return n;
        }
        return carrier + ":" + n;
    }

    /**
     * Every normal form the given receipt id may have been stored under: itself, and for a number its hex or
     * decimal reading. The first element is the exact normal form (preferred when several parts match).
     */
    public static Set<String> candidates(String receiptId) {
        String n = normalise(receiptId);
        Set<String> result = new LinkedHashSet<>();
        if (n.isEmpty()) {
            return result;
        }
        int scope = n.lastIndexOf(':');
        if (scope > 0) {
            // a carrier's id: as given (an HTTP provider's id may start with zeros), then the readings of the id,
            // each under the same carrier
            result.add(n);
            String carrier = n.substring(0, scope + 1);
            candidates(n.substring(scope + 1)).forEach(c -> result.add(carrier + c));
            return result;
        }
        result.add(n);
        if (n.length() <= 40) {
            if (DECIMAL.matcher(n).matches()) {
                result.add(new BigInteger(n).toString(16));
            }
            if (HEX.matcher(n).matches()) {
                result.add(new BigInteger(n, 16).toString());
            }
        }
        return result;
    }
}
