package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

/**
 * The shipped models use the element templates analysts get in Modeler: every Send SMS / Notify CRM task and every
 * call of sms-ask names its template, and the template exists (camunda-connector's element-templates).
 */
class ModelsUseElementTemplatesTest {

    private static final String MODELER = "http://camunda.org/schema/1.0/bpmn";

    private static Set<String> templateIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (String file : List.of("send-sms.json", "notify-crm.json", "ask-by-sms.json", "send-sms-batch.json",
                "build-campaign-audience.json", "preview-campaign.json", "pick-campaign-winner.json",
                "report-campaign.json", "stop-campaign.json")) {
            try (InputStream in = ModelsUseElementTemplatesTest.class.getResourceAsStream("/element-templates/" + file)) {
                ids.add(new ObjectMapper().readTree(in).get("id").asText());
            }
        }
        return ids;
    }

    @Test
    void send_notify_and_ask_elements_use_their_templates() throws IOException {
        Set<String> known = templateIds();
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/bpmn"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                if (file.getFileName().toString().equals("send-and-track.bpmn")) {
                    continue; // the first model, kept as the minimal plugin example without templates
                }
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                    String delegate = task.getCamundaDelegateExpression();
                    if ("${smsSend}".equals(delegate) || "${crmNotify}".equals(delegate)
                            || "${smsSendBatch}".equals(delegate) || (delegate != null && delegate.startsWith("${smsCampaign"))) {
                        String template = task.getAttributeValueNs(MODELER, "modelerTemplate");
                        assertThat(template).as(file + " " + task.getId()).isIn(known);
                        checked++;
                    }
                }
                for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                    if (!"sms-ask".equals(call.getCalledElement())) {
                        continue; // e.g. the unsolicited reply calls the unsubscribe journey
                    }
                    assertThat(call.getAttributeValueNs(MODELER, "modelerTemplate")).as(file + " " + call.getId())
                            .isEqualTo("io.smsflows.AskBySms");
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }
}
