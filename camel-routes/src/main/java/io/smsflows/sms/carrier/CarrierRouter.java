package io.smsflows.sms.carrier;

import io.smsflows.sms.carrier.CarrierProperties.Carrier;
import io.smsflows.sms.carrier.CarrierProperties.Route;
import io.smsflows.sms.carrier.CarrierProperties.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Picks the carrier of a message: the first rule whose match fits it, then one of that rule's targets that is
 * available now, by the rule's strategy. Plain Java; the configuration is checked once, when it is built, and every
 * mistake is named.
 */
public final class CarrierRouter {

    /** What routing looks at. {@code messageId} keeps a weighted choice stable across a message's retries. */
    public record Destination(String messageId, String e164, String country, String category, String sender) {
    }

    private record Rule(String name, Set<String> countries, List<String> prefixes, Set<String> networks,
                        Set<String> categories, Set<String> senders, List<String> targets, Strategy strategy,
                        List<Integer> weights) {

        boolean matches(Destination d, Function<String, String> networkOf) {
            return (countries.isEmpty() || (d.country() != null && countries.contains(upper(d.country()))))
                    && (prefixes.isEmpty() || prefixes.stream().anyMatch(p -> d.e164().startsWith(p)))
                    && (categories.isEmpty() || (d.category() != null && categories.contains(upper(d.category()))))
                    && (senders.isEmpty() || senders.contains(d.sender()))
                    && (networks.isEmpty() || networks.contains(upper(networkOf.apply(d.e164()))));
        }
    }

    private static final Pattern CARRIER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final List<Rule> rules;
    private final Map<String, Carrier> carriers;
    private final Function<String, String> networkOf;

    /**
     * @param networkOf the recipient's network name (libphonenumber carrier data), "" when unknown; only asked when
     *                  a rule matches on network
     * @throws IllegalArgumentException naming what is wrong in the routes
     */
    public CarrierRouter(Map<String, Carrier> carriers, List<Route> routes, Function<String, String> networkOf) {
        if (carriers.isEmpty()) {
            throw new IllegalArgumentException("no carrier configured: set smsflows.smpp.host or smsflows.carriers");
        }
        for (String name : carriers.keySet()) {
            if (!CARRIER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("carrier name '" + name + "' under smsflows.carriers: use lower-case "
                        + "letters, digits and '-' (it names routes, metrics and message records)");
            }
        }
        // in their declared order: least-cost breaks ties by it, the same on every node
        this.carriers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(carriers));
        this.networkOf = networkOf;
        List<Rule> built = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            built.add(rule(routes.get(i), i));
        }
        this.rules = List.copyOf(built);
    }

    private Rule rule(Route route, int index) {
        String name = route.getName() == null || route.getName().isBlank() ? "route-" + (index + 1) : route.getName();
        String where = "smsflows.routes[" + index + "] (" + name + ")";
        List<String> targets = route.getTargets().stream().map(String::trim).toList();
        if (targets.isEmpty() && route.getStrategy() != Strategy.LEAST_COST) {
            throw new IllegalArgumentException(where + " has no targets: list carrier names under targets");
        }
        for (String target : targets) {
            if (!carriers.containsKey(target)) {
                throw new IllegalArgumentException(where + " targets '" + target + "', which is not a carrier; known: "
                        + carriers.keySet());
            }
        }
        List<Integer> weights = route.getWeights();
        if (route.getStrategy() == Strategy.WEIGHTED
                && (weights.size() != targets.size() || weights.stream().anyMatch(w -> w == null || w <= 0))) {
            throw new IllegalArgumentException(where + " is weighted: give one positive weight per target ("
                    + targets.size() + " targets, weights " + weights + ")");
        }
        var match = route.getMatch();
        return new Rule(name, upperSet(match.getCountry()), List.copyOf(match.getPrefix()),
                upperSet(match.getNetwork()), upperSet(match.getCategory()), Set.copyOf(match.getSender()),
                targets.isEmpty() ? List.copyOf(carriers.keySet()) : targets, route.getStrategy(), List.copyOf(weights));
    }

    /** Everything to one carrier (a single SMSC). */
    public static CarrierRouter single(String carrier) {
        CarrierProperties.Route all = new CarrierProperties.Route();
        all.setName("default");
        all.setTargets(List.of(carrier));
        return new CarrierRouter(Map.of(carrier, new Carrier()), List.of(all), n -> "");
    }

    /** Whether a carrier is configured (a message routed under an earlier configuration may name one that is not). */
    public boolean knows(String carrier) {
        return carrier != null && carriers.containsKey(carrier);
    }

    /**
     * The rule and carrier for a message.
     *
     * @param available whether a carrier can take messages now (bound binds, a provider that answers)
     * @return the choice; its carrier is null when the rule's targets are all unavailable (try again later)
     * @throws NoRouteException when no rule matches the message
     */
    public RouteChoice route(Destination d, Predicate<String> available) {
        for (Rule rule : rules) {
            if (rule.matches(d, networkOf)) {
                return new RouteChoice(rule.name(), pick(rule, d, available));
            }
        }
        throw new NoRouteException("no route for a message to " + d.country() + " (category " + d.category()
                + ", sender " + d.sender() + "): add a rule to smsflows.routes that matches it, e.g. one with an "
                + "empty match as the last rule");
    }

    private String pick(Rule rule, Destination d, Predicate<String> available) {
        List<Integer> up = new ArrayList<>();
        for (int i = 0; i < rule.targets().size(); i++) {
            if (available.test(rule.targets().get(i))) {
                up.add(i);
            }
        }
        if (up.isEmpty()) {
            return null;
        }
        return switch (rule.strategy()) {
            case FAILOVER -> rule.targets().get(up.get(0));
            case LEAST_COST -> up.stream().map(rule.targets()::get)
                    .min(Comparator.comparing((String c) -> {
                        Double cost = carriers.get(c).cost(d.country());
                        return cost == null ? Double.MAX_VALUE : cost;
                    })).orElseThrow();
            case WEIGHTED -> {
                int total = up.stream().mapToInt(rule.weights()::get).sum();
                int point = Math.floorMod(mix(d.messageId().hashCode()), total);
                String chosen = null;
                for (int i : up) {
                    point -= rule.weights().get(i);
                    if (point < 0) {
                        chosen = rule.targets().get(i);
                        break;
                    }
                }
                yield chosen;
            }
        };
    }

    /** Spreads hash codes of similar ids (time-ordered) over the whole int range. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private static Set<String> upperSet(List<String> values) {
        return values.stream().map(CarrierRouter::upper).collect(Collectors.toUnmodifiableSet());
    }

    private static String upper(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }
}
