package io.smsflows.sms.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider in the shape of a widely used messaging REST API: form-encoded requests (To, From, Body,
 * StatusCallback), a JSON answer with "sid", form-encoded status callbacks (MessageSid, MessageStatus, ErrorCode) and
 * inbound messages (MessageSid, From, To, Body).
 */
public final class TwilioCompatibleApi implements ProviderApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Request request(String to, String from, String text, String statusCallbackUrl) {
        StringBuilder form = new StringBuilder();
        append(form, "To", to);
        append(form, "From", from);
        append(form, "Body", text);
        if (statusCallbackUrl != null && !statusCallbackUrl.isBlank()) {
            append(form, "StatusCallback", statusCallbackUrl);
        }
        return new Request("application/x-www-form-urlencoded", form.toString());
    }

    private static void append(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    @Override
    public String acceptedId(String body) {
        JsonNode sid = json(body).path("sid");
        return sid.isMissingNode() || sid.isNull() ? null : sid.asText();
    }

    @Override
    public String errorText(String body) {
        JsonNode node = json(body);
        if (node.hasNonNull("message")) {
            return (node.hasNonNull("code") ? node.get("code").asText() + ": " : "") + node.get("message").asText();
        }
        return body == null ? "" : body.substring(0, Math.min(200, body.length()));
    }

    @Override
    public Status status(String contentType, byte[] body) {
        Map<String, String> form = form(body);
        return new Status(required(form, "MessageSid"), required(form, "MessageStatus"), form.get("ErrorCode"));
    }

    @Override
    public Inbound inbound(String contentType, byte[] body) {
        Map<String, String> form = form(body);
        return new Inbound(required(form, "MessageSid"), required(form, "From"), required(form, "To"),
                form.getOrDefault("Body", ""));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("form field '" + name + "' is missing");
        }
        return value;
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the body is not form-encoded: " + e.getMessage());
            }
        }
        return fields;
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
