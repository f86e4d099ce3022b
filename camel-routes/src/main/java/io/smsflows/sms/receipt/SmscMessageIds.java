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
     * Every normal form the given receipt id may have been stored under: itself, and for a number its hex or
     * decimal reading. The first element is the exact normal form (preferred when several parts match).
     */
    public static Set<String> candidates(String receiptId) {
        String n = normalise(receiptId);
        Set<String> result = new LinkedHashSet<>();
        if (n.isEmpty()) {
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
