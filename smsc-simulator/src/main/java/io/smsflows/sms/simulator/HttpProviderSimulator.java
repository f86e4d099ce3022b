package io.smsflows.sms.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.http.WebhookSignatures;
import io.smsflows.sms.security.AllowedRoles;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An HTTP SMS provider for demos and tests, in both shapes the app speaks: generic JSON
 * ({@code POST /api/simulator/http/json/messages}: to, from, text, statusCallback; answers {"id"}) and the
 * form-encoded shape of a widely used messaging API ({@code POST /api/simulator/http/twilio/Messages.json}: To, From,
 * Body, StatusCallback; answers {"sid"}). After the receipt delay it posts a signed status callback (delivered, or
 * undelivered for the simulator's undeliverable prefixes); rejected prefixes get a 400. Nothing is sent anywhere.
 */
@RestController
@RequestMapping("/api/simulator/http")
@AllowedRoles({}) // a demo and test tool: sms-admins
public class HttpProviderSimulator implements AutoCloseable {

    /** A message the provider took. */
    public record Received(String id, String api, String to, String from, String text, String statusCallback) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpProviderSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatorProperties config;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "http-provider-simulator");
        t.setDaemon(true);
        return t;
    });

    public HttpProviderSimulator(SimulatorProperties config) {
        this.config = config;
    }

    @PostMapping("/json/messages")
    public ResponseEntity<?> json(@RequestBody Map<String, Object> body) {
        String to = str(body.get("to"));
        ResponseEntity<?> refused = refuse(to, "error");
        if (refused != null) {
            return refused;
        }
        Received r = take("json", to, str(body.get("from")), str(body.get("text")), str(body.get("statusCallback")));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", r.id(), "status", "queued"));
    }

    @PostMapping(value = "/twilio/Messages.json", consumes = "application/x-www-form-urlencoded")
    public ResponseEntity<?> twilio(@RequestBody String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String to = form.get("To");
        ResponseEntity<?> refused = refuse(to, "message");
        if (refused != null) {
            return refused;
        }
        Received r = take("twilio", to, form.get("From"), form.get("Body"), form.get("StatusCallback"));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("sid", r.id(), "status", "queued"));
    }

    /** What the provider took, oldest first. */
    @GetMapping("/messages")
    public List<Received> messages() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Faults: {"failStatus": 503} answers every request with it (0: accept again). */
    @PostMapping("/faults")
    public Map<String, Object> faults(@RequestBody Map<String, Integer> faults) {
        config.setHttpFailStatus(faults.getOrDefault("failStatus", 0));
        return Map.of("failStatus", config.getHttpFailStatus());
    }

    private ResponseEntity<?> refuse(String to, String errorField) {
        if (config.getHttpFailStatus() != 0) {
            return ResponseEntity.status(config.getHttpFailStatus())
                    .body(Map.of(errorField, "simulated failure " + config.getHttpFailStatus()));
        }
        if (to == null || to.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of(errorField, "missing destination", "code", 21604));
        }
        String digits = to.startsWith("+") ? to.substring(1) : to;
        if (config.getRejectedPrefixes().stream().anyMatch(digits::startsWith)) {
            return ResponseEntity.badRequest().body(Map.of(errorField, "invalid destination " + to, "code", 21211));
        }
        return null;
    }

    private Received take(String api, String to, String from, String text, String statusCallback) {
        // JSON ids zero-padded, as some providers' are: statuses must match them however an id is read
        Received r = new Received((api.equals("twilio") ? "SM" : "00") + UUID.randomUUID().toString().replace("-", ""),
                api, to, from, text, statusCallback);
        received.add(r);
        if (statusCallback != null && !statusCallback.isBlank()) {
            callbacks.schedule(() -> callBack(r), config.getReceiptDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
        return r;
    }

    private void callBack(Received r) {
        String secret = config.getHttpWebhookSecret();
        if (secret == null || secret.isBlank()) {
            LOG.warn("No status callback for {}: set smsflows.simulator.http-webhook-secret to the carrier's "
                    + "webhook secret", r.id());
            return;
        }
        String digits = r.to().startsWith("+") ? r.to().substring(1) : r.to();
        boolean undelivered = config.getUndeliverablePrefixes().stream().anyMatch(digits::startsWith);
        String body;
        String contentType;
        try {
            if (r.api().equals("twilio")) {
                contentType = "application/x-www-form-urlencoded";
                body = "MessageSid=" + r.id() + "&MessageStatus=" + (undelivered ? "undelivered" : "delivered")
                        + (undelivered ? "&ErrorCode=30003" : "") + "&To=" + URLEncoder.encode(r.to(),
                        StandardCharsets.UTF_8);
            } else {
                contentType = "application/json";
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("id", r.id());
                status.put("status", undelivered ? "undelivered" : "delivered");
                if (undelivered) {
                    status.put("error", "001");
                }
                body = JSON.writeValueAsString(status);
            }
            String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String signature = new WebhookSignatures(secret, "HmacSHA256", Duration.ofMinutes(5))
                    .signHex(timestamp, bytes);
            HttpRequest request = HttpRequest.newBuilder(URI.create(r.statusCallback()))
                    .header("Content-Type", contentType)
                    .header("X-SmsFlows-Timestamp", timestamp)
                    .header("X-SmsFlows-Signature", "v1=" + signature)
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                LOG.warn("Status callback for {} answered {}: {}", r.id(), response.statusCode(), response.body());
            }
        } catch (Exception e) {
            LOG.warn("Status callback for {} failed: {}", r.id(), e.toString());
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
