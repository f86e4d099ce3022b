package io.smsflows.sms.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uploads read as streams: JSON, NDJSON and CSV, with row problems as rejected rows. */
class BatchReadersTest {

    private final ObjectMapper json = new ObjectMapper();

    private static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<BatchRecipient> all(BatchReaders.Upload upload) {
        List<BatchRecipient> rows = new ArrayList<>();
        upload.rows().forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void json_header_then_recipients_read_one_by_one() {
        BatchReaders.Upload upload = BatchReaders.json(body("""
                {"category":"marketing","sender":"SHOP","text":"Hi {{firstName}}","idempotencyKey":"bf-2026",
                 "smartReplacement":true,
                 "recipients":[{"to":"+33612345678","variables":{"firstName":"Ana","n":3}},
                               {"to":"+33612345679","text":"own","locale":"fr"},
                               {"to":"+33612345670","color":"red"},
                               42]}"""), json, "crm");

        assertThat(upload.request()).isEqualTo(BatchRequest.of("marketing", "SHOP", "Hi {{firstName}}", null, null,
                true, "bf-2026", "crm"));
        List<BatchRecipient> rows = all(upload);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo(new BatchRecipient("+33612345678", null, null,
                Map.of("firstName", "Ana", "n", "3"), null));
        assertThat(rows.get(1).text()).isEqualTo("own");
        assertThat(rows.get(1).locale()).isEqualTo("fr");
        assertThat(rows.get(2).problem()).contains("unknown field 'color'");
        assertThat(rows.get(3).problem()).contains("JSON object");
    }

    @Test
    void json_that_cannot_be_read_fails_the_whole_request_with_where_and_why() {
        assertThatThrownBy(() -> all(BatchReaders.json(body("{\"text\":\"Hi\",\"recipients\":[{\"to\":\"+33612345678\"},"
                + "{\"to\":}]}"), json, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON at line 1");
        assertThatThrownBy(() -> all(BatchReaders.json(body("{\"recipients\":[],\"text\":\"late\"}"), json, null)))
                .hasMessageContaining("'text' comes after 'recipients'");
        assertThatThrownBy(() -> BatchReaders.json(body("{\"text\":\"Hi\"}"), json, null))
                .hasMessageContaining("'recipients' is missing");
        assertThatThrownBy(() -> BatchReaders.json(body("{\"txt\":\"Hi\",\"recipients\":[]}"), json, null))
                .hasMessageContaining("unknown field 'txt'");
        assertThatThrownBy(() -> BatchReaders.json(body("[1,2]"), json, null))
                .hasMessageContaining("JSON object");
    }

    @Test
    void ndjson_with_a_header_line_and_a_broken_line() {
        BatchReaders.Upload upload = BatchReaders.ndjson(body("""
                {"category":"marketing","text":"Hi {{firstName}}"}
                {"to":"+33612345678","variables":{"firstName":"Ana"}}

                not json
                {"to":"+33612345679"}
                """), BatchReaders.header(Map.of("sender", "SHOP"), "crm"), json, "crm");

        assertThat(upload.request().sender()).isEqualTo("SHOP");
        assertThat(upload.request().category()).isEqualTo("marketing");
        assertThat(upload.request().text()).isEqualTo("Hi {{firstName}}");
        List<BatchRecipient> rows = all(upload);
        assertThat(rows).extracting(BatchRecipient::to).containsExactly("+33612345678", null, "+33612345679");
        assertThat(rows.get(1).problem()).contains("not JSON");
    }

    @Test
    void ndjson_without_header_takes_the_query_parameters() {
        BatchReaders.Upload upload = BatchReaders.ndjson(body("{\"to\":\"+33612345678\"}\n"),
                BatchReaders.header(Map.of("text", "Hi"), null), json, null);
        assertThat(upload.request().text()).isEqualTo("Hi");
        assertThat(all(upload)).hasSize(1);
        assertThatThrownBy(() -> BatchReaders.header(Map.of("texte", "Hi"), null))
                .hasMessageContaining("unknown parameter 'texte'");
    }

    @Test
    void csv_with_quotes_variables_and_a_broken_line() {
        BatchReaders.Upload upload = BatchReaders.csv(body("to,firstName,link,text\n"
                + "+33612345678,Ana,\"https://s.example/a?x=1,2\",\n"
                + "+33612345679,\"Bob \"\"the builder\"\"\",,Own text\n"),
                BatchRequest.of(null, null, "Hi {{firstName}}", null, null, false, null, null));

        List<BatchRecipient> rows = all(upload);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).variables()).isEqualTo(Map.of("firstName", "Ana", "link", "https://s.example/a?x=1,2"));
        assertThat(rows.get(0).text()).isNull();
        assertThat(rows.get(1).variables()).containsEntry("firstName", "Bob \"the builder\"");
        assertThat(rows.get(1).text()).isEqualTo("Own text");
        assertThatThrownBy(() -> BatchReaders.csv(body("phone,name\n+33612345678,Ana\n"), null))
                .hasMessageContaining("'to' column");
    }
}
