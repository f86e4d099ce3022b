package io.smsflows.autoconfigure;

import io.smsflows.camunda.journey.JourneyProperties;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * SMS for a Camunda 7 Spring Boot application, on top of the pipeline: the delegates of the element templates
 * ({@code smsSend}, {@code smsSendBatch}, consent and CRM tasks), outcomes and batch ends correlated into the waiting
 * instances, replies, the journeys and their REST API, and the Connect plugin.
 */
@AutoConfiguration(after = SmsPipelineAutoConfiguration.class,
        beforeName = "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration")
@ConditionalOnClass(RuntimeService.class)
@ConditionalOnBean(type = "io.smsflows.sms.outbox.SmsOutbox")
@EnableConfigurationProperties(JourneyProperties.class)
@Import({CamundaSendConfiguration.class, CamundaConsentConfiguration.class, CamundaJourneyConfiguration.class,
        CamundaCampaignConfiguration.class, CamundaRestApiConfiguration.class})
public class SmsCamundaAutoConfiguration {
}
