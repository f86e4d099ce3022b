package io.smsflows.sms.smpp;

import io.smsflows.sms.http.HttpProviderRoutes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.ProducerTemplate;

/**
 * The wire through Camel: each carrier's parts go to its {@code sms-submit-parts-<carrier>} route (all carriers at
 * once), whose splitter submits them in parallel on the binds' windows through camel-smpp (or as HTTP requests to a
 * provider, whole messages) and gathers the answers in order.
 */
public class CamelSmppWire implements SmppWire {

    private final ProducerTemplate producer;
    private final SmppRoutes routes;
    private final HttpProviderRoutes providers;

    public CamelSmppWire(ProducerTemplate producer, SmppRoutes routes) {
        this(producer, routes, null);
    }

    /** @param providers the HTTP providers (their routes take the same direct endpoints), or null */
    public CamelSmppWire(ProducerTemplate producer, SmppRoutes routes, HttpProviderRoutes providers) {
        this.producer = producer;
        this.routes = routes;
        this.providers = providers;
    }

    @Override
    public boolean isAvailable(String carrier) {
        return providers != null && providers.carrier(carrier) != null ? providers.isAvailable(carrier)
                : routes.isAvailable(carrier);
    }

    @Override
    public boolean takesWholeMessages(String carrier) {
        return providers != null && providers.carrier(carrier) != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SubmitResult> submit(List<PartSubmission> parts) {
        if (parts.isEmpty()) {
            return List.of();
        }
        Map<String, List<Integer>> byCarrier = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            byCarrier.computeIfAbsent(parts.get(i).carrier(), c -> new ArrayList<>()).add(i);
        }
        if (byCarrier.size() == 1) {
            return producer.requestBody(SmppRoutes.submitUri(parts.get(0).carrier()), parts, List.class);
        }
        Map<String, CompletableFuture<Object>> answers = new LinkedHashMap<>();
        byCarrier.forEach((carrier, indexes) -> answers.put(carrier, producer.asyncRequestBody(
                SmppRoutes.submitUri(carrier), indexes.stream().map(parts::get).toList())));
        SubmitResult[] results = new SubmitResult[parts.size()];
        byCarrier.forEach((carrier, indexes) -> {
            List<SubmitResult> got = (List<SubmitResult>) answers.get(carrier).join();
            for (int k = 0; k < indexes.size(); k++) {
                results[indexes.get(k)] = got.get(k);
            }
        });
        return Arrays.asList(results);
    }
}
