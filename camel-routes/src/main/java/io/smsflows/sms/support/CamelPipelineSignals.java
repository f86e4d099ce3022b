package io.smsflows.sms.support;

import io.smsflows.sms.outbox.OutboxRoutes;
import io.smsflows.sms.outcome.OutcomeRoutes;
import io.smsflows.sms.receipt.ReceiptRoutes;
import io.smsflows.sms.reply.ReplyRoutes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals as messages on the stages' SEDA queues. Fire and forget: a full queue or a context that is not running
 * drops the signal, and the stage's poll finds the work in the database instead.
 */
public class CamelPipelineSignals implements PipelineSignals {

    private static final Logger LOG = LoggerFactory.getLogger(CamelPipelineSignals.class);

    private final CamelContext camel;
    private final int outcomeBatch;
    private volatile ProducerTemplate producer;

    public CamelPipelineSignals(CamelContext camel, int outcomeBatch) {
        this.camel = camel;
        this.outcomeBatch = Math.max(1, outcomeBatch);
    }

    @Override
    public void outcomesReady(Collection<String> messageIds) {
        List<String> ids = new ArrayList<>(messageIds);
        for (int i = 0; i < ids.size(); i += outcomeBatch) {
            send(OutcomeRoutes.HAND_OVER, List.copyOf(ids.subList(i, Math.min(ids.size(), i + outcomeBatch))));
        }
    }

    @Override
    public void partsSubmitted(Collection<String> smscMessageIds) {
        if (!smscMessageIds.isEmpty()) {
            send(ReceiptRoutes.EARLY, List.copyOf(smscMessageIds));
        }
    }

    @Override
    public void outboxReady() {
        send(OutboxRoutes.WAKE, "");
    }

    @Override
    public void inboundReady() {
        send(ReplyRoutes.WAKE, "");
    }

    private void send(String uri, Object body) {
        if (!camel.isStarted()) {
            return;
        }
        try {
            if (producer == null) {
                producer = camel.createProducerTemplate();
            }
            producer.sendBody(uri, body);
        } catch (RuntimeException e) {
            LOG.debug("Signal to {} dropped (the stage's poll picks the work up): {}", uri, e.toString());
        }
    }
}
