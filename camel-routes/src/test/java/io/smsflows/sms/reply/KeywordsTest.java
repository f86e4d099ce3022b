package io.smsflows.sms.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.reply.KeywordMatch.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Carrier keywords: families, normalisation, per-country words and the CANCEL policy, code words. */
class KeywordsTest {

    private final ReplyProperties replies = new ReplyProperties();
    private final Keywords keywords = new Keywords(replies);

    private Kind kind(String text, String region) {
        return keywords.match(ReplyText.normalise(text), region).kind();
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop. ", "STOPALL", "Stop all", "UNSUBSCRIBE", "end", "Quit!", "REVOKE",
            "OPTOUT", "opt out", "ARRET", "Arrêt", "stopp"})
    void opt_out_family_in_any_country(String text) {
        assertThat(kind(text, "FR")).isEqualTo(Kind.OPT_OUT);
        assertThat(kind(text, "DE")).isEqualTo(Kind.OPT_OUT);
        assertThat(kind(text, null)).isEqualTo(Kind.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "unstop", "Subscribe"})
    void start_family(String text) {
        assertThat(kind(text, "GB")).isEqualTo(Kind.START);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "info", "Aide", "HILFE", "ayuda?"})
    void help_family(String text) {
        assertThat(kind(text, "ES")).isEqualTo(Kind.HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"YES", "Y", "OUI", "JA", "SI", "OK", "CONFIRM"})
    void yes_never_resubscribes_nor_opts_out(String text) {
        assertThat(kind(text, "US")).isEqualTo(Kind.NONE);
        assertThat(kind(text, "FR")).isEqualTo(Kind.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"please stop sending me promos", "STOP IT NOW", "don't stop", "STOPPING"})
    void keywords_match_the_whole_message_only(String text) {
        assertThat(kind(text, "FR")).isEqualTo(Kind.NONE);
    }

    @ParameterizedTest
    @CsvSource({"US, OPT_OUT", "CA, OPT_OUT", "FR, CANCEL", "DE, CANCEL", "GB, CANCEL"})
    void cancel_is_an_opt_out_in_the_us_and_canada_and_a_reply_elsewhere(String region, Kind expected) {
        assertThat(kind("Cancel", region)).isEqualTo(expected);
    }

    @Test
    void unknown_country_uses_the_global_cancel_policy() {
        assertThat(kind("CANCEL", null)).isEqualTo(Kind.CANCEL);
        replies.setCancelPolicy(CancelPolicy.OPT_OUT);
        assertThat(kind("CANCEL", null)).isEqualTo(Kind.OPT_OUT);
    }

    @Test
    void per_country_words_add_to_the_defaults() {
        ReplyProperties.CountryReplies nl = new ReplyProperties.CountryReplies();
        nl.getOptOutWords().add("AFMELDEN");
        replies.getCountries().put("NL", nl);
        assertThat(kind("afmelden", "NL")).isEqualTo(Kind.OPT_OUT);
        assertThat(kind("afmelden", "BE")).isEqualTo(Kind.NONE);
        assertThat(kind("STOP", "NL")).isEqualTo(Kind.OPT_OUT);
    }

    @Test
    void code_words_of_a_shared_short_code_opt_out_of_their_own_scope() {
        replies.getCodeWords().put("ACME", "ACME");
        KeywordMatch stop = keywords.match(ReplyText.normalise("acme stop"), "NO");
        assertThat(stop.kind()).isEqualTo(Kind.OPT_OUT);
        assertThat(stop.scope()).isEqualTo("ACME");
        assertThat(keywords.match("STOP ACME", "NO").scope()).isEqualTo("ACME");
        KeywordMatch join = keywords.match("ACME", "NO");
        assertThat(join.kind()).isEqualTo(Kind.START);
        assertThat(join.scope()).isEqualTo("ACME");
        assertThat(keywords.match("ACME START", "NO").kind()).isEqualTo(Kind.START);
        assertThat(keywords.match("STOP", "NO").scope()).isNull(); // plain STOP: the default scope
        KeywordMatch optIn = keywords.match("ACME JOIN", "NO");
        assertThat(optIn.kind()).isEqualTo(Kind.OPT_IN);
        assertThat(optIn.scope()).isEqualTo("ACME");
        assertThat(keywords.match("JOIN", "NO")).isEqualTo(new KeywordMatch(Kind.OPT_IN, null));
    }

    @Test
    void normalisation() {
        assertThat(ReplyText.normalise("  yes! ")).isEqualTo("YES");
        assertThat(ReplyText.normalise("Oui.")).isEqualTo("OUI");
        assertThat(ReplyText.normalise("stop\u00A0 all")).isEqualTo("STOP ALL");
        assertThat(ReplyText.normalise("\"R\"")).isEqualTo("R");
        assertThat(ReplyText.normalise("Arre\u0302t")).isEqualTo("ARRÊT"); // decomposed ê (NFD) composed
        assertThat(ReplyText.normalise("d’accord")).isEqualTo("D'ACCORD"); // smart apostrophe
        assertThat(ReplyText.normalise(null)).isEmpty();
    }
}
