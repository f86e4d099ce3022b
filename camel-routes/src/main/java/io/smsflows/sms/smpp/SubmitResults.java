package io.smsflows.sms.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.smpp.SmppConstants;

/**
 * Gathers the answers of the parallel submissions of one split into a list in the order of the parts (by
 * {@link #PART_INDEX}): for SMPP the id of submit_sm_resp or the failure classified, for an HTTP provider what its
 * answer means. A failed part never fails the others: its exception becomes its result.
 */
public final class SubmitResults implements AggregationStrategy {

    private static final String RESULTS = "SmsFlowsSubmitResults";
    /** The part's place in the chunk's list (the split may reorder parts, e.g. to spread them over the binds). */
    public static final String PART_INDEX = "SmsFlowsPartIndex";

    private final Function<Exchange, SubmitResult> answer;

    /** For camel-smpp: submit_sm_resp's id, or the failure classified. */
    SubmitResults() {
        this(SubmitResults::resultOf);
    }

    /** @param answer reads one part's exchange once it is done: its result (it also clears its exception) */
    public SubmitResults(Function<Exchange, SubmitResult> answer) {
        this.answer = answer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange gathered, Exchange part) {
        Exchange target = gathered != null ? gathered : part;
        Map<Integer, SubmitResult> results = target.getProperty(RESULTS, Map.class);
        if (results == null) {
            results = new TreeMap<>();
            target.setProperty(RESULTS, results);
        }
        results.put(part.getProperty(PART_INDEX, Integer.class), answer.apply(part));
        target.setException(null);
        return target;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onCompletion(Exchange exchange) {
        if (exchange == null) {
            return;
        }
        Map<Integer, SubmitResult> results = exchange.getProperty(RESULTS, Map.class);
        exchange.getMessage().setBody(results == null ? List.of() : new ArrayList<>(results.values()));
        exchange.removeProperty(RESULTS);
        exchange.setException(null);
    }

    private static SubmitResult resultOf(Exchange part) {
        Throwable error = part.getException();
        if (error != null) {
            part.setException(null);
            return SubmitResult.failed(SmppErrors.classify(error));
        }
        Object ids = part.getMessage().getHeader(SmppConstants.ID);
        if (ids instanceof List<?> list && !list.isEmpty() && list.get(0) != null) {
            return SubmitResult.accepted(list.get(0).toString());
        }
        return SubmitResult.failed(new SubmitFailure(true, "NO_ID", "submit_sm_resp carried no message id", null));
    }
}
