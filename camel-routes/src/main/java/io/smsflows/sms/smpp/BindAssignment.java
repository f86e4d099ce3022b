package io.smsflows.sms.smpp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreads a chunk's parts over the binds, message by message in turn (the parts of one message stay together on
 * one bind, as SMSCs reassemble per connection), and orders them so the window threads serve the binds evenly.
 */
final class BindAssignment {

    private BindAssignment() {
    }

    /**
     * @param usable the binds (indexes) parts may go to
     * @param first  rotation of the chunk's first message (or small chunks all land on the first bind)
     */
    static List<BoundPart> assign(List<PartSubmission> parts, List<Integer> usable, int first) {
        int binds = usable.size();
        if (binds == 1) {
            List<BoundPart> single = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                single.add(new BoundPart(i, usable.get(0), parts.get(i)));
            }
            return single;
        }
        Map<String, Integer> bindOfMessage = new HashMap<>();
        List<List<BoundPart>> perBind = new ArrayList<>();
        for (int b = 0; b < binds; b++) {
            perBind.add(new ArrayList<>());
        }
        for (int i = 0; i < parts.size(); i++) {
            PartSubmission part = parts.get(i);
            int slot = bindOfMessage.computeIfAbsent(part.messageId(),
                    id -> Math.floorMod(first + bindOfMessage.size(), binds));
            perBind.get(slot).add(new BoundPart(i, usable.get(slot), part));
        }
        // interleaved: bind 0's first, bind 1's first, ..., bind 0's second...
        List<BoundPart> ordered = new ArrayList<>(parts.size());
        for (int k = 0; ordered.size() < parts.size(); k++) {
            for (List<BoundPart> list : perBind) {
                if (k < list.size()) {
                    ordered.add(list.get(k));
                }
            }
        }
        return ordered;
    }
}
