package io.smsflows.camunda.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smsflows.camunda.correlation.MessageWaits;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.reply.Conversation;
import io.smsflows.sms.reply.InboundReply;
import io.smsflows.sms.reply.ReplyIntent;
import io.smsflows.sms.reply.ReplyListener;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands inbound messages to processes: replies are correlated into the waiting instance (BPMN message named by the
 * conversation, default {@code SmsReply}); opt-outs, re-subscriptions and unsolicited messages start their
 * processes, once each (business key = the inbound message id). Intents come from the {@code reply-intent} DMN
 * decision, which analysts edit in Modeler.
 *
 * <p>Reply variables: {@code smsReplyText}, {@code smsReplyNormalised}, {@code smsReplyIntent},
 * {@code smsReplyChoice}, {@code smsReplyReceivedAt}, {@code smsReplyFrom}, {@code smsReplyId},
 * {@code smsReplyPartial}.
 */
public class CamundaReplyListener implements ReplyListener {

    public static final String DECISION = "reply-intent";
    public static final String UNSUBSCRIBE_PROCESS = "sms-unsubscribe";
    public static final String RESUBSCRIBE_PROCESS = "sms-resubscribe";
    public static final String DOUBLE_OPT_IN_PROCESS = "sms-double-opt-in";
    public static final String UNSOLICITED_PROCESS = "sms-unsolicited-reply";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(CamundaReplyListener.class);

    private final ProcessEngine engine;

    public CamundaReplyListener(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public ReplyIntent classify(String normalisedText, String locale) {
        DecisionService decisions = engine.getDecisionService();
        try {
            DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION)
                    .variables(Map.of("normalisedText", normalisedText == null ? "" : normalisedText,
                            "locale", locale == null ? "" : locale))
                    .evaluate();
            if (result.isEmpty()) {
                return ReplyIntent.of(ReplyIntent.UNKNOWN);
            }
            Object intent = result.getFirstResult().getEntryMap().get("intent");
            Object choice = result.getFirstResult().getEntryMap().get("choice");
            return new ReplyIntent(intent == null ? ReplyIntent.UNKNOWN : intent.toString(),
                    choice instanceof Number n ? n.intValue() : null);
        } catch (NotFoundException | NullValueException e) {
            LOG.warn("No '{}' decision deployed: every reply is UNKNOWN. Deploy reply-intent.dmn (sms-flows-bpmn).",
                    DECISION);
            return ReplyIntent.of(ReplyIntent.UNKNOWN);
        }
    }

    @Override
    public Delivery reply(Conversation conversation, InboundReply reply) {
        switch (MessageWaits.of(engine.getRuntimeService(), conversation.processInstanceId(),
                conversation.messageName())) {
            case NOT_YET -> {
                return Delivery.RETRY;
            }
            case GONE -> {
                return Delivery.GONE;
            }
            case WAITING -> { }
        }
        try {
            engine.getRuntimeService().createMessageCorrelation(conversation.messageName())
                    .processInstanceId(conversation.processInstanceId())
                    .setVariables(variables(reply))
                    .correlateWithResult();
            return Delivery.DONE;
        } catch (MismatchingMessageCorrelationException e) {
            boolean exists = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(conversation.processInstanceId()).count() > 0;
            return exists ? Delivery.RETRY : Delivery.GONE;
        }
    }

    @Override
    public void optedOut(InboundReply reply, Suppression suppression) {
        Map<String, Object> vars = consentVariables(reply, suppression.scope());
        vars.put("proof", reply.text());
        start(UNSUBSCRIBE_PROCESS, reply, vars);
    }

    @Override
    public void resubscribeRequested(InboundReply reply, String scope) {
        start(RESUBSCRIBE_PROCESS, reply, consentVariables(reply, scope));
    }

    /** JOIN: the double opt-in asks for a YES; one pending question per number (a second JOIN asks nothing more). */
    @Override
    public void optInRequested(InboundReply reply, String scope) {
        long pending = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(DOUBLE_OPT_IN_PROCESS).variableValueEquals("phone", reply.from())
                .variableValueEquals("scope", scope).count();
        if (pending > 0) {
            LOG.info("{} asked to join again: a double opt-in is already waiting for its YES",
                    PhoneNumbers.mask(reply.from()));
            return;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("phone", reply.from());
        vars.put("sender", reply.to()); // the question comes from the number the customer wrote to
        vars.put("scope", scope);
        vars.put("source", "SMS");
        vars.put("locale", reply.locale());
        ObjectNode proof = JSON.createObjectNode().put("keyword", reply.text()).put("to", reply.to())
                .put("receivedAt", reply.receivedAt().toString()).put("inboundId", reply.id());
        vars.put("proof", proof.toString());
        start(DOUBLE_OPT_IN_PROCESS, reply, vars);
    }

    /** A keyword by SMS: the customer's own request, confirmed by SMS. */
    private static Map<String, Object> consentVariables(InboundReply reply, String scope) {
        Map<String, Object> vars = variables(reply);
        vars.put("phone", reply.from());
        vars.put("ourNumber", reply.to());
        vars.put("scope", scope);
        vars.put("source", "SMS");
        vars.put("reason", "keyword " + reply.normalised());
        vars.put("sendConfirmation", true);
        vars.put("locale", reply.locale()); // the confirmation in the customer's language
        return vars;
    }

    private volatile java.util.function.Function<String, java.util.Optional<String[]>> campaignOf = phone ->
            java.util.Optional.empty();

    /** Which campaign a stranger's message may answer (its id and name), for the operator who reads it. */
    public void setCampaignOf(java.util.function.Function<String, java.util.Optional<String[]>> campaignOf) {
        this.campaignOf = campaignOf;
    }

    @Override
    public void unsolicited(InboundReply reply, boolean autoReply) {
        Map<String, Object> vars = variables(reply);
        vars.put("phone", reply.from());
        vars.put("ourNumber", reply.to());
        vars.put("autoReply", autoReply);
        // a reply to a campaign needs a person here (keywords were counted before): say which campaign
        campaignOf.apply(reply.from()).ifPresent(c -> {
            vars.put("campaignId", c[0]);
            vars.put("campaignName", c[1]);
        });
        start(UNSOLICITED_PROCESS, reply, vars);
    }

    private void start(String processKey, InboundReply reply, Map<String, Object> vars) {
        // business key = inbound id: processing the same message again never starts a second instance
        long running = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(reply.id()).count();
        if (running > 0) {
            return;
        }
        engine.getRuntimeService().startProcessInstanceByKey(processKey, reply.id(), vars);
        LOG.info("Started {} for inbound SMS {} from {}", processKey, reply.id(), PhoneNumbers.mask(reply.from()));
    }

    private static Map<String, Object> variables(InboundReply reply) {
        Map<String, Object> v = new HashMap<>();
        v.put("smsReplyId", reply.id());
        v.put("smsReplyFrom", reply.from());
        v.put("smsReplyText", reply.text());
        v.put("smsReplyNormalised", reply.normalised());
        v.put("smsReplyIntent", reply.intent());
        v.put("smsReplyChoice", reply.choice());
        v.put("smsReplyReceivedAt", Date.from(reply.receivedAt()));
        v.put("smsReplyPartial", reply.partial());
        return v;
    }
}
