package io.smsflows.camunda.journey;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;

/**
 * The events a CRM may send into journeys ({@code POST /api/journeys/{businessKey}/events/{event}}): the BPMN messages
 * the deployed processes declare (every version: instances of older ones still run), except the pipeline's own. By a naming rule, messages whose names
 * start with {@code Sms} belong to the pipeline (SmsDelivered, SmsFailed, SmsReply, SmsUnsubscribed,
 * SmsBatchCompleted...): they say a message was delivered or answered, which only the SMSC may say. An analyst who
 * adds a message to a model (e.g. "PaymentReceived") makes it a CRM event by deploying the model.
 */
public class CrmEvents {

    /** Message names with this prefix are the SMS pipeline's, never a CRM's. */
    public static final String PIPELINE_PREFIX = "Sms";

    private final ProcessEngine engine;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Set.of());

    private record Snapshot(List<String> definitionIds, Set<String> events) {
    }

    public CrmEvents(ProcessEngine engine) {
        this.engine = engine;
    }

    public static boolean isPipelineMessage(String messageName) {
        return messageName.startsWith(PIPELINE_PREFIX);
    }

    /** The CRM events of the deployed models, sorted; read again only after a deployment. */
    public Set<String> events() {
        // the caller (a CRM user) need not see the definitions to send their events: read them unchecked
        ProcessEngineConfigurationImpl config =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return config.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                return read(engine.getRepositoryService());
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }

    private Set<String> read(RepositoryService repository) {
        List<String> ids = repository.createProcessDefinitionQuery().list().stream()
                .map(ProcessDefinition::getId).sorted().toList();
        Snapshot known = snapshot;
        if (known.definitionIds().equals(ids)) {
            return known.events();
        }
        SortedSet<String> events = new TreeSet<>();
        for (String id : ids) {
            // the engine keeps parsed models in its deployment cache
            for (Message message : repository.getBpmnModelInstance(id).getModelElementsByType(Message.class)) {
                String name = message.getName();
                if (name != null && !name.isBlank() && !name.contains("${") && !isPipelineMessage(name)) {
                    events.add(name);
                }
            }
        }
        Snapshot fresh = new Snapshot(ids, Collections.unmodifiableSortedSet(events));
        snapshot = fresh;
        return fresh.events();
    }
}
