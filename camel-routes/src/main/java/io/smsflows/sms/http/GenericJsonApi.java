package io.smsflows.sms.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * A provider that takes and gives JSON, field names from configuration (defaults: to, from, text, statusCallback;
 * answer id; callbacks id, status, error; inbound id, from, to, text).
 */
public final class GenericJsonApi implements ProviderApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> fields;

    public GenericJsonApi(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
    }

    private String field(String name, String fallback) {
        return fields.getOrDefault(name, fallback);
    }

    @Override
    public Request request(String to, String from, String text, String statusCallbackUrl) {
        ObjectNode body = JSON.createObjectNode();
        body.put(field("to", "to"), to);
        body.put(field("from", "from"), from);
        body.put(field("text", "text"), text);
        if (statusCallbackUrl != null && !statusCallbackUrl.isBlank()) {
            body.put(field("status-callback", "statusCallback"), statusCallbackUrl);
        }
        return new Request("application/json", body.toString());
    }

    @Override
    public String acceptedId(String body) {
        JsonNode id = read(body).path(field("id", "id"));
        return id.isMissingNode() || id.isNull() ? null : id.asText();
    }

    @Override
    public String errorText(String body) {
        JsonNode node = read(body);
        for (String name : new String[] {field("error", "error"), "message", "detail"}) {
            if (node.hasNonNull(name)) {
                return node.get(name).isTextual() ? node.get(name).asText() : node.get(name).toString();
            }
        }
        return body == null ? "" : body.substring(0, Math.min(200, body.length()));
    }

    @Override
    public Status status(String contentType, byte[] body) {
        JsonNode node = read(body);
        return new Status(required(node, field("message-id", "id")), required(node, field("status", "status")),
                node.hasNonNull(field("error", "error")) ? node.get(field("error", "error")).asText() : null);
    }

    @Override
    public Inbound inbound(String contentType, byte[] body) {
        JsonNode node = read(body);
        return new Inbound(required(node, field("inbound-id", "id")), required(node, field("inbound-from", "from")),
                required(node, field("inbound-to", "to")), required(node, field("inbound-text", "text")));
    }

    private static String required(JsonNode node, String name) {
        if (!node.hasNonNull(name) || node.get(name).asText().isBlank()) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return node.get(name).asText();
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the body is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
        }
    }
}
