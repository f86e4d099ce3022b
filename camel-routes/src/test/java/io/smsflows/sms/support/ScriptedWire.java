package io.smsflows.sms.support;

import io.smsflows.sms.smpp.PartSubmission;
import io.smsflows.sms.smpp.SmppWire;
import io.smsflows.sms.smpp.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A wire for tests: every submission is recorded; the answer comes from a script (default: accepted with a fresh hex
 * id). Answers a list part by part, as the real window does (in order of the parts).
 */
public final class ScriptedWire implements SmppWire {

    private final AtomicLong ids = new AtomicLong(0xA000);
    private final List<PartSubmission> submitted = new CopyOnWriteArrayList<>();
    private volatile Function<PartSubmission, SubmitResult> script = p -> null;

    private final java.util.Set<String> down = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Carriers that are not available (no bind bound), until {@link #up}. */
    public void down(String... carriers) {
        down.addAll(List.of(carriers));
    }

    public void up(String... carriers) {
        down.removeAll(List.of(carriers));
    }

    @Override
    public boolean isAvailable(String carrier) {
        return !down.contains(carrier);
    }

    /** Answers of the parts for which the function returns non-null; the others are accepted. */
    public void answer(Function<PartSubmission, SubmitResult> script) {
        this.script = script;
    }

    @Override
    public List<SubmitResult> submit(List<PartSubmission> parts) {
        List<SubmitResult> results = new ArrayList<>(parts.size());
        for (PartSubmission p : parts) {
            submitted.add(p);
            SubmitResult scripted = script.apply(p);
            results.add(scripted != null ? scripted : SubmitResult.accepted(Long.toHexString(ids.incrementAndGet())
                    .toUpperCase()));
        }
        return results;
    }

    /** Everything that was put on the wire, in order. */
    public List<PartSubmission> submitted() {
        return List.copyOf(submitted);
    }

    public List<PartSubmission> submittedTo(String recipient) {
        return submitted.stream().filter(p -> p.recipient().equals(recipient)).toList();
    }
}
