package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.StandardSmsEncoder;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message templates: every template exists in en, fr, de and es, and filled with realistic values each fits
 * in 2 parts. Prints each template's encoding and parts: the length preview analysts read in the build log.
 */
class SmsTemplatesDecisionTest {

    private static final List<String> LOCALES = List.of("en", "fr", "de", "es");
    private static final Map<String, String> SAMPLE = Map.ofEntries(Map.entry("firstName", "Alexandrine"),
            Map.entry("service", "consultation"), Map.entry("appointmentLocal", "2 déc. 2026 10:30"),
            Map.entry("place", "12 rue Pasteur, Lyon"), Map.entry("slot1", "03/12 10:30"),
            Map.entry("slot2", "04/12 14:00"), Map.entry("slot3", "05/12 09:15"), Map.entry("shopName", "Maison Lune"),
            Map.entry("cartLink", "https://shop.example/c/8f3k2"), Map.entry("discountCode", "LUNE10"),
            Map.entry("programName", "Maison Lune Paris"), Map.entry("shopUrl", "https://maison-lune.example/black-friday"));
    // programName: a 17-character brand, longer than most
    private static DmnEngine engine;
    private static DmnDecision decision;
    private static DmnModelInstance model;

    @BeforeAll
    static void load() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = SmsTemplatesDecisionTest.class.getResourceAsStream("/dmn/sms-templates.dmn")) {
            model = Dmn.readModelFromStream(in);
        }
        decision = engine.parseDecision("sms-templates", model);
    }

    private static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        for (Rule rule : model.getModelElementsByType(Rule.class)) {
            InputEntry key = rule.getInputEntries().iterator().next();
            keys.add(key.getTextContent().replace("\"", "").trim());
        }
        return keys;
    }

    @Test
    void every_template_in_every_language_fits_two_parts_when_filled() {
        Set<String> keys = keys();
        assertThat(keys).contains("appointment-reminder", "abandoned-cart", "reschedule-offer");
        StandardSmsEncoder encoder = new StandardSmsEncoder();
        for (String key : keys) {
            for (String locale : LOCALES) {
                String text = engine.evaluateDecision(decision, Map.of("templateKey", key, "locale", locale))
                        .getSingleResult().getEntry("text");
                assertThat(text).as(key + "/" + locale).isNotBlank();
                // a {{link:...}} goes out as a short link: https://s.example/s/ and 7 characters (smsflows.links)
                String filled = fill(text).replaceAll("\\{\\{link:[^}]*}}", "https://s.example/s/Ab3dE5f");
                EncodedSms encoded = encoder.encode(filled, EncodingOptions.defaults().withMaxParts(10), 0);
                System.out.printf("template %-24s %s  %-5s %d part(s)  %3d chars%n", key, locale,
                        encoded.alphabet(), encoded.partCount(), filled.length());
                assertThat(encoded.partCount()).as(key + "/" + locale + ": " + filled).isLessThanOrEqualTo(2);
                if (key.endsWith("-confirmation") || key.startsWith("double-opt-in")) {
                    // consent messages (the one allowed after an opt-out, the double opt-in's question and
                    // welcome): one GSM part, so they reach every handset whole
                    assertThat(encoded.alphabet()).as(key + "/" + locale).isEqualTo(io.smsflows.sms.codec.SmsAlphabet.GSM7);
                    assertThat(encoded.partCount()).as(key + "/" + locale).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void an_unknown_template_or_language_matches_nothing() {
        assertThat(engine.evaluateDecision(decision, Map.of("templateKey", "nope", "locale", "en"))).isEmpty();
        assertThat(engine.evaluateDecision(decision, Map.of("templateKey", "abandoned-cart", "locale", "it"))).isEmpty();
    }

    private static String fill(String template) {
        Matcher m = Pattern.compile("\\{([A-Za-z0-9]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            assertThat(SAMPLE).as("sample value for placeholder " + m.group(1)).containsKey(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(SAMPLE.get(m.group(1))));
        }
        return m.appendTail(out).toString();
    }
}
