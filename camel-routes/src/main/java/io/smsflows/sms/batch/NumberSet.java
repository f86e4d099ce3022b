package io.smsflows.sms.batch;

/**
 * The E.164 numbers seen in one batch, as longs in an open-addressing table: a million numbers take 16 MB instead of
 * the ~60 MB of a {@code HashSet<String>}, so a large upload can refuse repeated numbers without holding its rows.
 */
public final class NumberSet {

    private long[] slots = new long[1 << 12];
    private int size;

    /** Adds an E.164 number ({@code +} and up to 15 digits); false if it was there already. */
    public boolean add(String e164) {
        long key = Long.parseLong(e164, 1, e164.length(), 10) + 1; // 0 marks a free slot
        if (size * 2 >= slots.length) {
            grow();
        }
        if (!insert(slots, key)) {
            return false;
        }
        size++;
        return true;
    }

    private boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        int i = (int) (mix(key) & mask);
        while (table[i] != 0) {
            if (table[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = key;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long key : old) {
            if (key != 0) {
                insert(slots, key);
            }
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
