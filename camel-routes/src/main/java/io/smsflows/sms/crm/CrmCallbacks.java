package io.smsflows.sms.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Status callbacks to the CRM: {@code POST <base-url>/<event>} with a JSON body, through camel-http. A CRM that
 * answers with an error or does not answer makes {@link #send} throw: called from a process (the "Notify CRM"
 * task, asynchronous), the job is retried and then becomes an incident, so a status is never silently lost.
 */
public class CrmCallbacks {

    public static final String ROUTE = "direct:sms-crm-callback";
    private static final Logger LOG = LoggerFactory.getLogger(CrmCallbacks.class);

    private final ProducerTemplate producer;
    private final CrmProperties config;
    private final Supplier<String> stubBaseUrl;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param stubBaseUrl base URL of the built-in CRM stub, used when no CRM is configured (demo); may return null
     */
    public CrmCallbacks(ProducerTemplate producer, CrmProperties config, Supplier<String> stubBaseUrl) {
        this.producer = producer;
        this.config = config;
        this.stubBaseUrl = stubBaseUrl;
    }

    /**
     * @param event   what happened, e.g. "unsubscribed", "confirmed"; becomes the last path segment
     * @param payload JSON fields (business key, phone, reason...)
     * @return the CRM's JSON answer as a map (empty if it sent none): a CRM may answer with data, e.g. alternative slots
     * @throws CrmCallbackException if the CRM does not confirm with a 2xx answer
     */
    public Map<String, Object> send(String event, Map<String, Object> payload) {
        String base = config.getBaseUrl() == null || config.getBaseUrl().isBlank() ? stubBaseUrl.get() : config.getBaseUrl();
        if (base == null) {
            throw new CrmCallbackException("no CRM configured: set smsflows.crm.base-url (or run as a web app with "
                    + "the built-in CRM stub)");
        }
        String url = base.replaceAll("/+$", "") + "/" + event;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.putAll(payload);
        Map<String, Object> headers = new HashMap<>();
        headers.put(Exchange.HTTP_METHOD, "POST");
        headers.put(Exchange.HTTP_URI, url);
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        if (config.getUsername() != null && !config.getUsername().isBlank()) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (config.getUsername() + ":" + (config.getPassword() == null ? "" : config.getPassword()))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        String answer;
        try {
            answer = producer.requestBodyAndHeaders(ROUTE, json.writeValueAsString(body), headers, String.class);
        } catch (JsonProcessingException e) {
            throw new CrmCallbackException("callback body is not serialisable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new CrmCallbackException("CRM callback " + event + " to " + url + " failed: " + cause.getMessage(), e);
        }
        LOG.info("CRM callback '{}' delivered to {}", event, url);
        if (answer == null || answer.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = json.readValue(answer, Object.class);
            return parsed instanceof Map<?, ?> map ? castMap(map) : Map.of();
        } catch (JsonProcessingException e) {
            return Map.of(); // an answer that is not JSON is an acknowledgement, nothing more
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The CRM did not take a callback. */
    public static class CrmCallbackException extends RuntimeException {
        public CrmCallbackException(String message) {
            super(message);
        }

        public CrmCallbackException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
