package io.smsflows.sms.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsflows.sms.support.TestPipeline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Links become a short link per message, at their real length; only stored URLs are found, and not for ever. */
class ShortLinksTest {

    private final TestPipeline pipeline = new TestPipeline("links");
    private final LinkProperties config = new LinkProperties();
    private ShortLinks links() {
        config.setBaseUrl("https://s.example");
        return new ShortLinks(pipeline.jdbc, config, pipeline.clock);
    }

    @Test
    void each_link_of_a_text_gets_its_own_code_and_the_text_its_real_length() {
        ShortLinks links = links();
        ShortLinks.Shortened s = links.shorten("Soldes: {{link:https://shop.example/bf?utm=sms}} et {{ link: "
                + "https://shop.example/cgv }}", "m-1", "b-1", "+33612345678");
        assertThat(s.links()).hasSize(2).extracting(ShortLinks.NewLink::targetUrl)
                .containsExactly("https://shop.example/bf?utm=sms", "https://shop.example/cgv");
        String first = s.links().get(0).code();
        assertThat(first).hasSize(7).matches("[A-Za-z0-9]{7}").isNotEqualTo(s.links().get(1).code());
        assertThat(s.text()).isEqualTo("Soldes: https://s.example/s/" + first + " et https://s.example/s/"
                + s.links().get(1).code());
        assertThat(links.preview("Soldes: {{link:https://shop.example/bf}}")).hasSize("Soldes: ".length()
                + "https://s.example/s/".length() + 7);
    }

    @Test
    void a_stored_link_is_found_until_it_expires_and_nothing_else_is() {
        ShortLinks links = links();
        ShortLinks.Shortened s = links.shorten("{{link:https://shop.example/bf}}", "m-1", "b-1", "+33612345678");
        links.insert(s.links());
        String code = s.links().get(0).code();
        assertThat(links.find(code)).get().extracting(ShortLinks.Link::targetUrl).isEqualTo("https://shop.example/bf");
        assertThat(links.find("AAAAAAA")).isEmpty();
        assertThat(links.wellFormed(code)).isTrue();
        assertThat(links.wellFormed("../etc")).isFalse();
        assertThat(links.wellFormed("abcdefgh")).isFalse(); // one too long
        pipeline.clock.advance(Duration.ofDays(91));
        assertThat(links.find(code)).as("after smsflows.links.valid-for").isEmpty();
    }

    @Test
    void clicks_count_people_once_per_link_and_bots_apart() {
        ShortLinks links = links();
        ShortLinks.Shortened a = links.shorten("{{link:https://shop.example/a}}", "m-1", "b-1", "+33612345671");
        ShortLinks.Shortened b = links.shorten("{{link:https://shop.example/a}}", "m-2", "b-1", "+33612345672");
        links.insert(List.of(a.links().get(0), b.links().get(0)));
        links.click(a.links().get(0).code(), "Mozilla/5.0 (iPhone)", false);
        links.click(a.links().get(0).code(), "Mozilla/5.0 (iPhone)", false);
        links.click(b.links().get(0).code(), "WhatsApp/2.23", true);
        assertThat(links.clicks("b-1")).isEqualTo(new ShortLinks.Clicks(2, 2, 1, 1));
    }

    @Test
    void a_link_that_is_not_an_absolute_web_url_is_refused_with_an_example() {
        ShortLinks links = links();
        assertThatThrownBy(() -> links.shorten("{{link:javascript:alert(1)}}", "m", null, "+33612345678"))
                .hasMessageContaining("must be an absolute http(s) URL").hasMessageContaining("{{link:https://");
        assertThatThrownBy(() -> links.shorten("{{link:/relative}}", "m", null, "+33612345678"))
                .isInstanceOf(IllegalArgumentException.class);
        config.setBaseUrl("s.example");
        assertThatThrownBy(() -> new ShortLinks(pipeline.jdbc, config, pipeline.clock))
                .hasMessageContaining("smsflows.links.base-url");
    }
}
