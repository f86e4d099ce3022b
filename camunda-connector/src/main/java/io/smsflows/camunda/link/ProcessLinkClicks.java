package io.smsflows.camunda.link;

import io.smsflows.camunda.correlation.MessageWaits;
import io.smsflows.sms.link.LinkClickListener;
import io.smsflows.sms.link.ShortLinks;
import io.smsflows.sms.outbox.SmsMessageRepository;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person clicked a message's short link: {@code SmsLinkClicked} goes to the message's process if it waits for it
 * (a follow-up modelled as a catch event), with {@code smsLinkUrl}, {@code smsLinkCode}, {@code smsLinkClickedAt}.
 * A process that does not wait is left alone; a failure is logged, never passed to the customer's redirect.
 */
public class ProcessLinkClicks implements LinkClickListener {

    public static final String MESSAGE = "SmsLinkClicked";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessLinkClicks.class);

    private final Supplier<ProcessEngine> engine;
    private final SmsMessageRepository messages;

    /** @param engine looked up at the first click (the web layer starts before the engine) */
    public ProcessLinkClicks(Supplier<ProcessEngine> engine, SmsMessageRepository messages) {
        this.engine = engine;
        this.messages = messages;
    }

    @Override
    public void clicked(ShortLinks.Link link, Instant at) {
        try {
            String process = messages.findById(link.messageId()).map(m -> m.processInstanceId()).orElse(null);
            if (process == null || MessageWaits.of(engine.get().getRuntimeService(), process, MESSAGE)
                    != MessageWaits.State.WAITING) {
                return;
            }
            engine.get().getRuntimeService().createMessageCorrelation(MESSAGE).processInstanceId(process)
                    .setVariables(Map.of("smsLinkUrl", link.targetUrl(), "smsLinkCode", link.code(),
                            "smsLinkClickedAt", Date.from(at)))
                    .correlateWithResult();
        } catch (RuntimeException e) {
            LOG.warn("Click on short link {} not passed to its process: {}", link.code(), e.toString());
        }
    }
}
