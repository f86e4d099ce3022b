package io.smsflows.autoconfigure;

import io.smsflows.camunda.batch.ProcessBatchCorrelator;
import io.smsflows.camunda.batch.SmsBatchDelegate;
import io.smsflows.camunda.correlation.ProcessOutcomeCorrelator;
import io.smsflows.camunda.delegate.SmsSendDelegate;
import io.smsflows.camunda.engine.H2PlannerHints;
import io.smsflows.camunda.journey.SmsTemplates;
import io.smsflows.sms.batch.RecipientSources;
import io.smsflows.sms.batch.SmsBatchListener;
import io.smsflows.sms.batch.SmsBatches;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.outcome.SmsOutcome;
import io.smsflows.sms.outcome.SmsOutcomeListener;
import io.smsflows.sms.reply.Conversations;
import io.smsflows.sms.reply.ReplyProperties;
import io.smsflows.sms.smpp.SmppProperties;
import io.smsflows.camunda.security.SmsGroupsSetup;
import io.smsflows.sms.number.SenderPolicy;
import io.smsflows.sms.security.RoleProperties;
import io.smsflows.sms.support.CurrentUser;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sending from BPMN: "Send SMS" ({@code smsSend}) and "Send SMS batch" ({@code smsSendBatch}), their outcomes and
 * batch ends correlated into the waiting instances (several per engine transaction), message texts from the
 * sms-templates decision. The engine is resolved lazily: it is built after these beans.
 */
@Configuration(proxyBeanMethods = false)
class CamundaSendConfiguration {

    /** Texts of the sms-templates decision, for the journeys and for batches that name a template. */
    @Bean
    SmsTemplates smsTemplates(ObjectProvider<ProcessEngine> engine) {
        return new SmsTemplates(engine);
    }

    @Bean
    SmsSendDelegate smsSend(SmsOutbox outbox, Conversations conversations, SmppProperties smpp,
                            ReplyProperties replies, SmsTemplates templates, SenderPolicy senders) {
        return new SmsSendDelegate(outbox, conversations, smpp.getDefaultSender(), replies, templates, senders);
    }

    @Bean
    SmsBatchDelegate smsSendBatch(SmsBatches batches, RecipientSources sources,
                                  ObjectProvider<io.smsflows.sms.campaign.CampaignSends> campaigns) {
        SmsBatchDelegate delegate = new SmsBatchDelegate(batches, sources);
        campaigns.ifAvailable(delegate::setCampaignSends);
        return delegate;
    }

    @Bean
    @ConditionalOnMissingBean(SmsOutcomeListener.class)
    SmsOutcomeListener smsProcessOutcomeCorrelator(ObjectProvider<RuntimeService> runtimeService,
                                                   DataSource dataSource) {
        return new LazyOutcomeListener(() -> new ProcessOutcomeCorrelator(runtimeService.getObject(),
                Transactions.on(dataSource)));
    }

    @Bean
    @ConditionalOnMissingBean(SmsBatchListener.class)
    SmsBatchListener smsProcessBatchCorrelator(ObjectProvider<RuntimeService> runtimeService) {
        return (status, message) -> new ProcessBatchCorrelator(runtimeService.getObject()).batchEnded(status, message);
    }

    /** Who asks, for audit columns: the user Camunda's REST authentication set for this request. */
    @Bean
    @ConditionalOnMissingBean(CurrentUser.class)
    CurrentUser smsCurrentUser(ObjectProvider<ProcessEngine> engine) {
        return new CurrentUser() {
            @Override
            public String id() {
                Authentication auth = engine.getObject().getIdentityService().getCurrentAuthentication();
                return auth == null ? null : auth.getUserId();
            }

            @Override
            public java.util.Collection<String> groupIds() {
                Authentication auth = engine.getObject().getIdentityService().getCurrentAuthentication();
                return auth == null || auth.getGroupIds() == null ? java.util.List.of() : auth.getGroupIds();
            }
        };
    }

    /** Connect connectors (ours and http-connector) need the plugin; Camunda's starter does not add it. */
    @Bean
    @ConditionalOnMissingBean(ConnectProcessEnginePlugin.class)
    ConnectProcessEnginePlugin connectProcessEnginePlugin() {
        return new ConnectProcessEnginePlugin();
    }

    /** On H2 only: every variable load planned on the right index (see the class). */
    @Bean
    @ConditionalOnMissingBean(H2PlannerHints.class)
    H2PlannerHints smsH2PlannerHints() {
        return new H2PlannerHints();
    }

    /** The role groups (sms-admin, sms-operator, crm) and their engine authorizations, created when missing. */
    @Bean
    @ConditionalOnMissingBean(SmsGroupsSetup.class)
    SmsGroupsSetup smsGroupsSetup(RoleProperties roles) {
        return new SmsGroupsSetup(roles);
    }

    /** Builds the correlator on first use, then keeps it. */
    static final class LazyOutcomeListener implements SmsOutcomeListener {
        private final Supplier<SmsOutcomeListener> factory;
        private volatile SmsOutcomeListener target;

        LazyOutcomeListener(Supplier<SmsOutcomeListener> factory) {
            this.factory = factory;
        }

        private SmsOutcomeListener target() {
            if (target == null) {
                target = factory.get();
            }
            return target;
        }

        @Override
        public Delivery deliver(SmsOutcome outcome) {
            return target().deliver(outcome);
        }

        @Override
        public List<Delivery> deliverAll(List<SmsOutcome> outcomes) {
            return target().deliverAll(outcomes);
        }
    }
}
