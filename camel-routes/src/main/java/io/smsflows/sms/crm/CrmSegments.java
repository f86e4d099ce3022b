package io.smsflows.sms.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.batch.BatchReaders;
import io.smsflows.sms.batch.BatchRecipient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Reads a CRM segment page by page through camel-http: {@code GET {url}?cursor={cursor}} answering
 * {@code {"members": [{"to": ..., "variables": {...}}, ...], "nextCursor": "..."}} (no cursor on the first page, none
 * in the answer on the last). Pages are fetched as the batch reads them: one page in memory at a time.
 */
public class CrmSegments {

    private final ProducerTemplate producer;
    private final CrmProperties config;
    private final ObjectMapper json;

    public CrmSegments(ProducerTemplate producer, CrmProperties config, ObjectMapper json) {
        this.producer = producer;
        this.config = config;
        this.json = json;
    }

    /**
     * @param url absolute, or relative to {@code smsflows.crm.base-url}
     * @throws IllegalArgumentException when a page cannot be fetched or read (the batch is then refused as a whole)
     */
    private java.util.function.Supplier<String> stubBaseUrl = () -> null;

    /** Without smsflows.crm.base-url, relative segment URLs go to the built-in CRM stub (demo and tests). */
    public void setStubBaseUrl(java.util.function.Supplier<String> stubBaseUrl) {
        this.stubBaseUrl = stubBaseUrl;
    }

    public Iterator<BatchRecipient> members(String url) {
        String base = config.getBaseUrl() != null && !config.getBaseUrl().isBlank() ? config.getBaseUrl()
                : stubBaseUrl.get();
        String absolute = url.startsWith("http://") || url.startsWith("https://") ? url
                : (base == null ? "" : base.replaceAll("/+$", "")) + "/" + url.replaceAll("^/+", "");
        if (!absolute.startsWith("http")) {
            throw new IllegalArgumentException("recipientsUrl '" + url + "' is relative but smsflows.crm.base-url is "
                    + "not set: give an absolute URL");
        }
        return new Pages(absolute);
    }

    private final class Pages implements Iterator<BatchRecipient> {
        private final String url;
        private final Deque<JsonNode> page = new ArrayDeque<>();
        private String cursor;
        private boolean last;
        private boolean started;

        Pages(String url) {
            this.url = url;
        }

        @Override
        public boolean hasNext() {
            while (page.isEmpty() && !last) {
                fetch();
            }
            return !page.isEmpty();
        }

        @Override
        public BatchRecipient next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return BatchReaders.recipient(page.poll());
        }

        private void fetch() {
            String target = url;
            if (started) {
                target += (url.contains("?") ? "&" : "?") + "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            }
            started = true;
            Map<String, Object> headers = new HashMap<>();
            headers.put(Exchange.HTTP_METHOD, "GET");
            headers.put(Exchange.HTTP_URI, target);
            headers.put("Accept", "application/json");
            if (config.getUsername() != null && !config.getUsername().isBlank()) {
                headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((config.getUsername() + ":"
                        + (config.getPassword() == null ? "" : config.getPassword())).getBytes(StandardCharsets.UTF_8)));
            }
            JsonNode answer;
            try {
                answer = json.readTree(producer.requestBodyAndHeaders(CrmCallbacks.ROUTE, null, headers, String.class));
            } catch (Exception e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalArgumentException("the CRM segment " + target + " could not be read: "
                        + cause.getMessage(), e);
            }
            JsonNode members = answer == null ? null : answer.get("members");
            if (members == null || !members.isArray()) {
                throw new IllegalArgumentException("the CRM segment " + target + " answered without a 'members' array");
            }
            members.forEach(page::add);
            JsonNode next = answer.get("nextCursor");
            cursor = next == null || next.isNull() || next.asText().isBlank() ? null : next.asText();
            last = cursor == null;
        }
    }
}
