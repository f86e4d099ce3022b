package io.smsflows.camunda.correlation;

import io.smsflows.sms.outcome.SmsOutcome;
import io.smsflows.sms.outcome.SmsOutcomeListener;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Correlates an SMS outcome into the process instance that sent it, as the BPMN message the send task named
 * (SmsDelivered / SmsFailed by default), with the variables an analyst needs to branch and report on:
 * {@code smsStatus}, {@code smsErrorCode}, {@code smsErrorText}, {@code smsParts}, {@code smsCarrier}, {@code smsRoute},
 * {@code smsSubmittedAt},
 * {@code smsDoneAt}, {@code smsMessageId}.
 */
public class ProcessOutcomeCorrelator implements SmsOutcomeListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessOutcomeCorrelator.class);

    /** The BPMN message a model may catch for a marketing message refused for want of consent. */
    public static final String NO_CONSENT_MESSAGE = "SmsNoConsent";
    private static final String NO_CONSENT = "NO_CONSENT";

    private final RuntimeService runtimeService;
    private final TransactionTemplate transactions;

    /**
     * @param transactions a transaction on the engine's DataSource that several correlations share (the engine
     *                     joins it); null: each correlation commits on its own
     */
    public ProcessOutcomeCorrelator(RuntimeService runtimeService, TransactionTemplate transactions) {
        this.runtimeService = runtimeService;
        this.transactions = transactions;
    }

    /**
     * Correlates a batch in one transaction (one commit for all). If any of them fails (a concurrent change of an
     * instance, a process not waiting after all), the batch is rolled back and each is handed over on its own.
     */
    @Override
    public List<Delivery> deliverAll(List<SmsOutcome> outcomes) {
        if (transactions == null || outcomes.size() < 2) {
            return outcomes.stream().map(this::deliver).toList();
        }
        try {
            return transactions.execute(tx -> outcomes.stream().map(o -> correlate(o, false)).toList());
        } catch (RuntimeException e) {
            LOG.debug("A shared correlation of {} outcomes failed ({}); handing them over one by one", outcomes.size(),
                    e.toString());
            return outcomes.stream().map(this::deliver).toList();
        }
    }

    @Override
    public Delivery deliver(SmsOutcome outcome) {
        return correlate(outcome, true);
    }

    /**
     * A marketing message refused for want of consent goes to a model's {@code SmsNoConsent} catch when the process
     * waits for one (to route it apart from technical failures), else to the failed message with its error code.
     */
    private String messageName(SmsOutcome outcome) {
        if (NO_CONSENT.equals(outcome.errorCode()) && MessageWaits.of(runtimeService, outcome.processInstanceId(),
                NO_CONSENT_MESSAGE) == MessageWaits.State.WAITING) {
            return NO_CONSENT_MESSAGE;
        }
        return outcome.messageName();
    }

    /** @param alone the correlation commits on its own: failures become results instead of exceptions */
    private Delivery correlate(SmsOutcome outcome, boolean alone) {
        if (outcome.processInstanceId() == null) {
            return Delivery.GONE;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("smsMessageId", outcome.messageId());
        variables.put("smsStatus", outcome.status().name());
        variables.put("smsErrorCode", outcome.errorCode());
        variables.put("smsErrorText", outcome.errorText());
        variables.put("smsParts", outcome.parts());
        variables.put("smsSubmittedAt", outcome.submittedAt() == null ? null : Date.from(outcome.submittedAt()));
        variables.put("smsDoneAt", outcome.doneAt() == null ? null : Date.from(outcome.doneAt()));
        variables.put("smsCarrier", outcome.carrier());
        variables.put("smsRoute", outcome.routeRule());
        String message = messageName(outcome);
        switch (MessageWaits.of(runtimeService, outcome.processInstanceId(), message)) {
            case NOT_YET -> {
                return Delivery.RETRY;
            }
            case GONE -> {
                return Delivery.GONE;
            }
            case WAITING -> { }
        }
        try {
            runtimeService.createMessageCorrelation(message)
                    .processInstanceId(outcome.processInstanceId())
                    .setVariables(variables)
                    .correlateWithResult();
            LOG.debug("SMS {} {}: correlated '{}' into process {}", outcome.messageId(), outcome.status(),
                    message, outcome.processInstanceId());
            return Delivery.DONE;
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            if (!alone) {
                throw e;
            }
            if (e instanceof OptimisticLockingException) {
                return Delivery.RETRY; // the instance moved concurrently (e.g. its timer fired): look again
            }
            boolean exists = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(outcome.processInstanceId()).count() > 0;
            return exists ? Delivery.RETRY : Delivery.GONE;
        }
    }
}
