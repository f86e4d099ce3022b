package io.smsflows.sms.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsflows.sms.carrier.CarrierProperties.Carrier;
import io.smsflows.sms.carrier.CarrierProperties.Route;
import io.smsflows.sms.carrier.CarrierProperties.Strategy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CarrierRouterTest {

    private static final Predicate<String> ALL_UP = c -> true;

    private static Carrier carrier(Map<String, Double> costs) {
        Carrier c = new Carrier();
        c.setCostPerPart(new LinkedHashMap<>(costs));
        return c;
    }

    private static Route route(String name, List<String> targets, Strategy strategy) {
        Route r = new Route();
        r.setName(name);
        r.setTargets(targets);
        r.setStrategy(strategy);
        return r;
    }

    private final Map<String, Carrier> carriers = new LinkedHashMap<>(Map.of(
            "orange-fr", carrier(Map.of("FR", 0.045)),
            "acme", carrier(Map.of("FR", 0.052, "default", 0.07)),
            "cheap", carrier(Map.of("FR", 0.030, "DE", 0.09)),
            "dead", carrier(Map.of())));

    private static CarrierRouter.Destination to(String e164, String country, String category) {
        return new CarrierRouter.Destination("m-" + e164, e164, country, category, "SHOP");
    }

    @Test
    void the_first_matching_rule_routes_on_country_prefix_category_sender_and_network() {
        Route fr = route("fr-marketing", List.of("orange-fr"), Strategy.FAILOVER);
        fr.getMatch().setCountry(List.of("FR"));
        fr.getMatch().setCategory(List.of("marketing"));
        Route prefix = route("de-mobile", List.of("acme"), Strategy.FAILOVER);
        prefix.getMatch().setPrefix(List.of("+4915"));
        Route sender = route("alerts", List.of("cheap"), Strategy.FAILOVER);
        sender.getMatch().setSender(List.of("ALERTS"));
        Route network = route("vodafone", List.of("dead"), Strategy.FAILOVER);
        network.getMatch().setNetwork(List.of("Vodafone"));
        Route rest = route("rest", List.of("acme"), Strategy.FAILOVER);
        Map<String, String> networks = Map.of("+447400123456", "Vodafone", "+447700900123", "O2");
        CarrierRouter router = new CarrierRouter(carriers, List.of(fr, prefix, sender, network, rest),
                n -> networks.getOrDefault(n, ""));

        assertThat(router.route(to("+33612345678", "FR", "marketing"), ALL_UP))
                .isEqualTo(new RouteChoice("fr-marketing", "orange-fr"));
        assertThat(router.route(to("+33612345678", "FR", "transactional"), ALL_UP).rule()).isEqualTo("rest");
        assertThat(router.route(to("+4915112345678", "DE", "marketing"), ALL_UP).rule()).isEqualTo("de-mobile");
        assertThat(router.route(new CarrierRouter.Destination("m", "+4930123456", "DE", "transactional", "ALERTS"),
                ALL_UP)).isEqualTo(new RouteChoice("alerts", "cheap"));
        assertThat(router.route(to("+447400123456", "GB", "transactional"), ALL_UP))
                .isEqualTo(new RouteChoice("vodafone", "dead"));
        assertThat(router.route(to("+447700900123", "GB", "transactional"), ALL_UP).rule()).isEqualTo("rest");
    }

    @Test
    void the_recipients_network_comes_from_libphonenumbers_carrier_data() {
        assertThat(MobileNetworks.of("+33612345678")).isEqualTo("SFR"); // the range +336123 was allocated to SFR
        assertThat(MobileNetworks.of("+4930123456")).isEmpty(); // a fixed line has no network
        assertThat(MobileNetworks.of("not a number")).isEmpty();
    }

    @Test
    void failover_takes_the_first_available_target_and_says_when_none_is() {
        CarrierRouter router = new CarrierRouter(carriers,
                List.of(route("fr", List.of("dead", "orange-fr", "acme"), Strategy.FAILOVER)), n -> "");
        Set<String> up = new java.util.HashSet<>(Set.of("orange-fr", "acme"));

        assertThat(router.route(to("+33612345678", "FR", null), up::contains).carrier()).isEqualTo("orange-fr");
        up.add("dead"); // came back
        assertThat(router.route(to("+33612345678", "FR", null), up::contains).carrier()).isEqualTo("dead");
        RouteChoice none = router.route(to("+33612345678", "FR", null), c -> false);
        assertThat(none.available()).isFalse();
        assertThat(none.rule()).isEqualTo("fr");
    }

    @Test
    void weighted_spreads_by_weight_keeps_a_message_on_its_carrier_and_skips_one_that_is_down() {
        Route r = route("split", List.of("orange-fr", "acme"), Strategy.WEIGHTED);
        r.setWeights(List.of(70, 30));
        CarrierRouter router = new CarrierRouter(carriers, List.of(r), n -> "");
        Map<String, Integer> counts = new HashMap<>();
        IntStream.range(0, 10_000).forEach(i -> counts.merge(router.route(new CarrierRouter.Destination(
                "0190a3c2-7d1e-7b3a-9c4d-" + String.format("%012d", i), "+33612345678", "FR", null, "SHOP"),
                ALL_UP).carrier(), 1, Integer::sum));
        assertThat(counts.get("orange-fr")).isBetween(6_700, 7_300);
        assertThat(counts.get("acme")).isBetween(2_700, 3_300);

        CarrierRouter.Destination one = to("+33612345678", "FR", null);
        String first = router.route(one, ALL_UP).carrier();
        assertThat(IntStream.range(0, 20).mapToObj(i -> router.route(one, ALL_UP).carrier())).containsOnly(first);
        assertThat(router.route(one, c -> !c.equals(first)).carrier()).isNotEqualTo(first).isNotNull();
    }

    @Test
    void least_cost_takes_the_cheapest_available_carrier_for_the_country() {
        CarrierRouter router = new CarrierRouter(carriers,
                List.of(route("cheapest", List.of(), Strategy.LEAST_COST)), n -> "");

        assertThat(router.route(to("+33612345678", "FR", null), ALL_UP).carrier()).isEqualTo("cheap");
        assertThat(router.route(to("+33612345678", "FR", null), c -> !c.equals("cheap")).carrier())
                .isEqualTo("orange-fr");
        // Spain: only acme has a price ("default"); carriers without one come last
        assertThat(router.route(to("+34612345678", "ES", null), ALL_UP).carrier()).isEqualTo("acme");
        assertThat(router.route(to("+4915112345678", "DE", null), ALL_UP).carrier()).isEqualTo("acme");
    }

    @Test
    void a_message_no_rule_matches_has_no_route() {
        Route fr = route("fr", List.of("orange-fr"), Strategy.FAILOVER);
        fr.getMatch().setCountry(List.of("FR"));
        CarrierRouter router = new CarrierRouter(carriers, List.of(fr), n -> "");
        assertThatThrownBy(() -> router.route(to("+14155550123", "US", "marketing"), ALL_UP))
                .isInstanceOf(NoRouteException.class).hasMessageContaining("US").hasMessageContaining("smsflows.routes");
    }

    @Test
    void mistakes_in_the_configuration_are_named_at_start() {
        assertThatThrownBy(() -> new CarrierRouter(carriers,
                List.of(route("x", List.of("orange"), Strategy.FAILOVER)), n -> ""))
                .hasMessageContaining("smsflows.routes[0] (x)").hasMessageContaining("'orange'")
                .hasMessageContaining("orange-fr");
        Route weighted = route(null, List.of("orange-fr", "acme"), Strategy.WEIGHTED);
        weighted.setWeights(List.of(70));
        assertThatThrownBy(() -> new CarrierRouter(carriers, List.of(weighted), n -> ""))
                .hasMessageContaining("smsflows.routes[0] (route-1)").hasMessageContaining("one positive weight");
        assertThatThrownBy(() -> new CarrierRouter(carriers, List.of(route("y", List.of(), Strategy.FAILOVER)),
                n -> "")).hasMessageContaining("no targets");
        assertThatThrownBy(() -> new CarrierRouter(Map.of("Orange FR", new Carrier()), List.of(), n -> ""))
                .hasMessageContaining("'Orange FR'");
    }

    @Test
    void without_routes_everything_fails_over_along_the_carriers_in_their_order() {
        CarrierProperties config = new CarrierProperties();
        config.getCarriers().put("first", new Carrier());
        config.getCarriers().put("second", new Carrier());
        CarrierRouter router = new CarrierRouter(config.effectiveCarriers(), config.effectiveRoutes(), n -> "");
        assertThat(router.route(to("+33612345678", "FR", null), ALL_UP)).isEqualTo(new RouteChoice("default", "first"));
        assertThat(router.route(to("+33612345678", "FR", null), "second"::equals).carrier()).isEqualTo("second");
        assertThat(new CarrierProperties().effectiveCarriers()).containsOnlyKeys(CarrierProperties.DEFAULT);
    }
}
