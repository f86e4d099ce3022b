package io.smsflows.sms.simulator;

import io.smsflows.sms.codec.SmsDecoder;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.smsflows.sms.security.AllowedRoles;
import io.smsflows.sms.web.StrictJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP side of the simulator, for demos and tests: inject a reply from a handset, and see what went on the wire.
 * Exists only while the simulator runs.
 */
@RestController
@RequestMapping("/api/simulator")
@AllowedRoles({}) // a demo and test tool: sms-admins
public class SimulatorController {

    /** A handset's message: from = handset (E.164), to = our sender, text = what the customer typed. */
    public record MoRequest(String from, String to, String text) implements StrictJson {
    }

    private final SmscSimulator simulator;

    public SimulatorController(SmscSimulator simulator) {
        this.simulator = simulator;
    }

    @PostMapping("/mo")
    public ResponseEntity<?> mo(@RequestBody MoRequest request) {
        if (blank(request.from()) || blank(request.to()) || request.text() == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "'from' (handset, E.164), 'to' (our sender) and 'text' are required");
            problem.setTitle("Invalid handset message");
            problem.setProperty("example", Map.of("from", "+4915112345678", "to", "SMSFlows", "text", "YES"));
            return ResponseEntity.badRequest().body(problem);
        }
        try {
            simulator.deliverMo(request.from(), request.to(), request.text());
        } catch (IllegalStateException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            problem.setTitle("No ESME bound to the simulator");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "delivered to the ESME"));
    }

    /**
     * The last submit_sm PDUs (newest last): addresses, data_coding, esm_class, octets and TLVs in hex; the total, and
     * the most answered at the same time (maxInFlight).
     */
    @GetMapping("/submits")
    public Map<String, Object> submits(@RequestParam(defaultValue = "50") int limit) {
        List<SmscSimulator.ReceivedSubmit> all = simulator.received();
        List<Map<String, Object>> last = all.subList(Math.max(0, all.size() - Math.max(1, Math.min(limit, 1000))),
                all.size()).stream().map(SimulatorController::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", simulator.submitCount());
        body.put("maxInFlight", simulator.maxInFlight());
        body.put("throttled", simulator.throttledCount());
        body.put("maxPerSecond", simulator.maxPerSecond());
        body.put("maxPerSecondPerBind", simulator.maxPerSecondPerBind());
        body.put("binds", simulator.bindCount());
        body.put("submits", last);
        return body;
    }

    /** Forgets the recorded PDUs and resets the statistics (throttled, most per second, most in flight). */
    @PostMapping("/statistics/reset")
    public ResponseEntity<Void> reset() {
        simulator.clearReceived();
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(SmscSimulator.ReceivedSubmit s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageId", s.messageId());
        m.put("sourceAddr", s.sourceAddr());
        m.put("destAddr", s.destAddr());
        m.put("dataCoding", s.dataCoding() & 0xFF);
        m.put("esmClass", s.esmClass() & 0xFF);
        m.put("shortMessageHex", HexFormat.of().formatHex(s.shortMessage() == null ? new byte[0] : s.shortMessage()));
        decoded(s, m);
        Map<String, String> tlvs = new LinkedHashMap<>();
        s.optionalParameters().forEach((tag, v) -> tlvs.put(String.format("0x%04x", tag), HexFormat.of().formatHex(v)));
        m.put("tlvs", tlvs);
        return m;
    }

    /** The text as a handset shows it (GSM 03.38 with its shift tables, Latin-1, UCS-2), and which part this is. */
    private static void decoded(SmscSimulator.ReceivedSubmit s, Map<String, Object> m) {
        byte[] octets = s.shortMessage() == null || s.shortMessage().length == 0
                ? s.optionalParameters().getOrDefault(MESSAGE_PAYLOAD, new byte[0]) : s.shortMessage();
        try {
            SmsDecoder.Decoded d = SmsDecoder.decode(s.dataCoding(), octets, (s.esmClass() & 0x40) != 0);
            m.put("text", d.text());
            if (d.concatTotal() != null) {
                m.put("part", d.concatSequence() + "/" + d.concatTotal());
                m.put("concatReference", d.concatReference());
            }
        } catch (RuntimeException e) {
            m.put("text", null);
            m.put("textError", e.getMessage()); // 8-bit data or a broken UDH: the octets above are what was sent
        }
    }

    private static final short MESSAGE_PAYLOAD = 0x0424;

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
