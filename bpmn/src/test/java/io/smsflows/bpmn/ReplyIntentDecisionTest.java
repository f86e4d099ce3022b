package io.smsflows.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reply-intent decision analysts own, evaluated by Camunda's DMN engine: every word of every rule, the
 * language policy (words in any language, one-letter abbreviations only in theirs), and proof that every rule
 * was hit by these tests.
 */
class ReplyIntentDecisionTest {

    private static final Set<String> HIT = ConcurrentHashMap.newKeySet();
    private static DmnModelInstance model;
    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void load() throws Exception {
        DefaultDmnEngineConfiguration config = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        config.customPostDecisionTableEvaluationListeners(java.util.List.of(new DmnDecisionTableEvaluationListener() {
            @Override
            public void notify(DmnDecisionTableEvaluationEvent event) {
                event.getMatchingRules().forEach(r -> HIT.add(r.getId()));
            }
        }));
        engine = config.buildEngine();
        try (InputStream in = ReplyIntentDecisionTest.class.getResourceAsStream("/dmn/reply-intent.dmn")) {
            model = Dmn.readModelFromStream(in);
        }
        decision = engine.parseDecision("reply-intent", model);
    }

    private static DmnDecisionResult evaluate(String text, String locale) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("normalisedText", text);
        vars.put("locale", locale);
        return engine.evaluateDecision(decision, vars);
    }

    private static String intent(String text, String locale) {
        return evaluate(text, locale).getSingleResult().getEntry("intent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "END", "QUIT", "REVOKE", "OPTOUT", "OPT OUT",
            "ARRET", "ARRÊT", "STOPP"})
    void opt_out_words(String text) {
        assertThat(intent(text, "en")).isEqualTo("STOP");
        assertThat(intent(text, "fr")).isEqualTo("STOP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "UNSTOP", "SUBSCRIBE"})
    void start_words(String text) {
        assertThat(intent(text, "en")).isEqualTo("START");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "INFO", "AIDE", "HILFE", "AYUDA"})
    void help_words(String text) {
        assertThat(intent(text, "de")).isEqualTo("HELP");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9})
    void choices_one_to_nine(int n) {
        DmnDecisionResult result = evaluate(String.valueOf(n), "fr");
        assertThat(result.getSingleResult().<String>getEntry("intent")).isEqualTo("CHOICE");
        assertThat(((Number) result.getSingleResult().getEntry("choice")).intValue()).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "11", "1 2"})
    void other_numbers_are_not_choices(String text) {
        assertThat(intent(text, "en")).isEqualTo("UNKNOWN");
    }

    @ParameterizedTest
    @CsvSource({
            "YES,en", "YEP,en", "YEAH,en", "OK,en", "OKAY,en", "CONFIRM,en", "CONFIRMED,en", "SURE,en", "Y,en",
            "OUI,fr", "D'ACCORD,fr", "DACCORD,fr", "CONFIRME,fr", "CONFIRMÉ,fr", "CONFIRMER,fr", "OK,fr",
            "JA,de", "BESTÄTIGT,de", "BESTAETIGT,de", "BESTÄTIGEN,de", "OK,de",
            "SI,es", "SÍ,es", "CONFIRMO,es", "CONFIRMAR,es", "VALE,es", "OK,es",
            "C,en", "O,fr", "J,de", "S,es"})
    void confirm_words(String text, String locale) {
        assertThat(intent(text, locale)).isEqualTo("CONFIRM");
    }

    @ParameterizedTest
    @CsvSource({"YES,fr", "OUI,en", "JA,es", "SI,de"})
    void full_words_count_in_every_language(String text, String locale) {
        assertThat(intent(text, locale)).isEqualTo("CONFIRM");
    }

    @ParameterizedTest
    @CsvSource({"C,fr", "O,en", "J,fr", "S,en", "O,"})
    void one_letter_abbreviations_only_in_their_language(String text, String locale) {
        assertThat(intent(text, locale)).isEqualTo("UNKNOWN");
    }

    @ParameterizedTest
    @CsvSource({"NO,en", "N,en", "NOPE,en", "CANCEL,en", "NON,fr", "ANNULER,fr", "ANNULE,fr", "ANNULÉ,fr",
            "NEIN,de", "ABSAGEN,de", "STORNIEREN,de", "NO,es", "CANCELAR,es", "ANULAR,es"})
    void cancel_words(String text, String locale) {
        assertThat(intent(text, locale)).isEqualTo("CANCEL");
    }

    @ParameterizedTest
    @CsvSource({"R,en", "RESCHEDULE,en", "CHANGE,en", "MOVE,en", "LATER,en", "R,fr", "REPORTER,fr", "REPORT,fr",
            "CHANGER,fr", "DÉCALER,fr", "DECALER,fr", "VERSCHIEBEN,de", "ÄNDERN,de", "AENDERN,de", "VERLEGEN,de",
            "CAMBIAR,es", "REPROGRAMAR,es", "APLAZAR,es"})
    void reschedule_words(String text, String locale) {
        assertThat(intent(text, locale)).isEqualTo("RESCHEDULE");
    }

    @Test
    void cancel_is_a_cancel_intent_not_an_opt_out_here() {
        assertThat(intent("CANCEL", "en")).isEqualTo("CANCEL"); // the pipeline applies the per-country policy first
    }

    @Test
    void anything_else_is_unknown_also_empty_and_without_locale() {
        assertThat(intent("CAN I COME AT 5", "en")).isEqualTo("UNKNOWN");
        assertThat(intent("", "en")).isEqualTo("UNKNOWN");
        assertThat(intent("MAYBE", null)).isEqualTo("UNKNOWN");
        assertThat(intent("YES", null)).isEqualTo("CONFIRM");
        assertThat(evaluate("MAYBE", "en").getSingleResult().getEntryMap().get("choice")).isNull();
    }

    @AfterAll
    static void every_rule_was_hit() {
        Set<String> all = new java.util.TreeSet<>();
        model.getModelElementsByType(Rule.class).forEach(r -> all.add(r.getId()));
        assertThat(HIT).as("rules of reply-intent.dmn hit by this test").containsAll(all);
    }
}
