package io.smsflows.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Forms and models agree: every camunda:formRef of a shipped model names a form here, every form is used, and every
 * field of a form is a variable its process uses (or one the SMS pipeline hands the process when it starts it).
 */
class FormsMatchModelsTest {

    private static final Path FORMS = Path.of("src/main/resources/forms");
    private static final Path MODELS = Path.of("../bpmn/src/main/resources/bpmn");
    /** Variables the pipeline sets when it starts a process for an inbound SMS (CamundaReplyListener). */
    private static final Set<String> PIPELINE_VARIABLES = Set.of("smsReplyId", "smsReplyFrom", "smsReplyText",
            "smsReplyNormalised", "smsReplyIntent", "smsReplyChoice", "smsReplyReceivedAt", "smsReplyPartial",
            "phone", "ourNumber", "autoReply", "campaignName");
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    private final ObjectMapper json = new ObjectMapper();

    private Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode form = json.readTree(f.toFile());
                assertThat(form.path("id").asText()).as("id of " + f).isEqualTo(f.getFileName().toString()
                        .replace(".form", ""));
                assertThat(form.path("type").asText()).isEqualTo("default");
                forms.put(form.get("id").asText(), form);
            }
        }
        return forms;
    }

    private Map<String, String> modelsByFormRef() throws IOException {
        Map<String, String> refs = new HashMap<>();
        try (Stream<Path> files = Files.list(MODELS)) {
            for (Path model : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                String xml = Files.readString(model);
                Matcher m = FORM_REF.matcher(xml);
                while (m.find()) {
                    refs.put(m.group(1), xml);
                }
            }
        }
        return refs;
    }

    /**
     * The documentation of the process (its inputs) or of an element (e.g. a user task recording an operator's
     * note) names the variable.
     */
    private static boolean documentedInput(String model, String key) {
        Matcher doc = Pattern.compile("<bpmn:documentation>([^<]*)</bpmn:documentation>").matcher(model);
        while (doc.find()) {
            if (Pattern.compile("\\b" + Pattern.quote(key) + "\\b").matcher(doc.group(1)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Placeholders of the sms-templates the model's send tasks use: those variables are read by the texts. */
    private static Set<String> templatePlaceholders(String model) throws IOException {
        String dmn = Files.readString(Path.of("../bpmn/src/main/resources/dmn/sms-templates.dmn"));
        Set<String> keys = new java.util.HashSet<>();
        Matcher template = Pattern.compile("name=\"template\">([^<]+)<").matcher(model);
        while (template.find()) {
            Matcher rule = Pattern.compile("<text>&quot;" + Pattern.quote(template.group(1)) + "&quot;</text>|<text>\""
                    + Pattern.quote(template.group(1)) + "\"</text>").matcher(dmn);
            while (rule.find()) {
                int end = dmn.indexOf("</rule>", rule.end());
                Matcher placeholder = Pattern.compile("\\{([A-Za-z0-9]+)}").matcher(dmn.substring(rule.end(), end));
                while (placeholder.find()) {
                    keys.add(placeholder.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void every_form_reference_exists_and_every_form_is_used() throws IOException {
        Map<String, JsonNode> forms = forms();
        Map<String, String> refs = modelsByFormRef();
        assertThat(refs).isNotEmpty();
        assertThat(forms.keySet()).containsExactlyInAnyOrderElementsOf(refs.keySet());
    }

    @Test
    void every_field_is_a_variable_of_its_process() throws IOException {
        Map<String, String> refs = modelsByFormRef();
        for (Map.Entry<String, JsonNode> form : forms().entrySet()) {
            String model = refs.get(form.getKey());
            List<String> keys = form.getValue().get("components").findValuesAsText("key");
            assertThat(keys).as("fields of " + form.getKey()).isNotEmpty();
            for (String key : keys) {
                boolean used = model.contains("${" + key + "}") || model.contains("\"" + key + "\"")
                        || model.contains("&quot;" + key + "&quot;") // inside an XML attribute
                        || model.contains(key + " ==") || model.contains("(" + key + ")")
                        || PIPELINE_VARIABLES.contains(key) || documentedInput(model, key)
                        || templatePlaceholders(model).contains(key);
                assertThat(used).as("field '%s' of form %s is a variable its process uses", key, form.getKey())
                        .isTrue();
            }
        }
    }
}
