package io.smsflows.camunda.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our Modeler element templates against Camunda's official Camunda 7 element-templates JSON schema
 * (@camunda/element-templates-json-schema 0.22.1, MIT, vendored in test resources), plus what the schema cannot
 * know: unique ids, and delegate expressions that name beans we provide.
 */
class ElementTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/element-templates");
    private static final Set<String> OUR_BEANS = Set.of("${smsSend}", "${crmNotify}", "${smsSuppress}",
            "${smsResubscribe}", "${smsEndJourneys}", "${smsSendBatch}", "${smsCampaignAudience}",
            "${smsCampaignPreview}", "${smsCampaignWinner}", "${smsCampaignReport}", "${smsCampaignStop}");
    private final ObjectMapper json = new ObjectMapper();

    private JsonSchema schema() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/element-templates-schema/schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(json.readTree(in));
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(TEMPLATES)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void every_template_is_valid_against_the_official_schema() throws IOException {
        JsonSchema schema = schema();
        List<Path> files = files();
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("send-sms.json", "notify-crm.json", "ask-by-sms.json", "send-sms-batch.json");
        for (Path file : files) {
            Set<ValidationMessage> errors = schema.validate(json.readTree(file.toFile()));
            assertThat(errors).as(file.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void the_schema_check_rejects_a_broken_template() throws IOException {
        JsonNode broken = json.readTree("{\"name\":\"x\",\"id\":\"x\",\"appliesTo\":[\"bpmn:ServiceTask\"],"
                + "\"properties\":[{\"type\":\"Dropdown\",\"binding\":{\"type\":\"camunda:inputParameter\",\"name\":\"a\"}}]}");
        assertThat(schema().validate(broken)).isNotEmpty(); // a Dropdown without choices
    }

    @Test
    void ids_are_unique_and_delegates_are_ours() throws IOException {
        Set<String> ids = new HashSet<>();
        List<String> delegates = new ArrayList<>();
        for (Path file : files()) {
            JsonNode template = json.readTree(file.toFile());
            assertThat(ids.add(template.get("id").asText())).as("duplicate id in " + file).isTrue();
            for (JsonNode property : template.get("properties")) {
                JsonNode binding = property.get("binding");
                if ("camunda:delegateExpression".equals(binding.path("name").asText())) {
                    delegates.add(property.get("value").asText());
                }
            }
        }
        assertThat(delegates).isNotEmpty().allMatch(OUR_BEANS::contains);
    }
}
