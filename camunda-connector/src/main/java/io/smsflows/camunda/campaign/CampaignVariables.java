package io.smsflows.camunda.campaign;

import io.smsflows.sms.campaign.CampaignSends;
import io.smsflows.sms.campaign.CampaignVariant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * How a campaign lives in its process variables: plain strings and numbers that Tasklist forms edit and Cockpit
 * shows. {@code variantCount} variants A..D, each {@code textA} or {@code templateA}, and {@code senderA}.
 */
public final class CampaignVariables {

    private CampaignVariables() {
    }

    public static List<String> names(VariableScope scope) {
        Object count = scope.getVariable("variantCount");
        int n = count == null ? 1 : Integer.parseInt(count.toString());
        if (n < 1 || n > CampaignVariant.NAMES.size()) {
            throw new IllegalArgumentException("variantCount must be 1 to 4, not " + n);
        }
        return CampaignVariant.NAMES.subList(0, n);
    }

    public static CampaignSends.Content content(VariableScope scope) {
        List<CampaignVariant> variants = new ArrayList<>();
        for (String name : names(scope)) {
            // a text wins over a template: the edit form changes texts, and a text written there is what is meant
            String text = string(scope, "text" + name);
            variants.add(new CampaignVariant(name, text, text != null ? null : string(scope, "template" + name),
                    string(scope, "sender" + name)));
        }
        Object smart = scope.getVariable("smartReplacement");
        return new CampaignSends.Content(string(scope, "category"), string(scope, "sender"),
                Boolean.TRUE.equals(smart) || "true".equals(String.valueOf(smart)), variants, fields(scope));
    }

    /** {@code campaignFields}: a JSON object of values every recipient's text may use ({@code {{shopUrl}}}). */
    public static java.util.Map<String, Object> fields(VariableScope scope) {
        String fields = string(scope, "campaignFields");
        if (fields == null) {
            return java.util.Map.of();
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(fields,
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("campaignFields is not a JSON object of names to values: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A text for a String variable: Camunda keeps at most 4,000 characters of one. */
    public static String fitting(String text) {
        return text.length() <= 3900 ? text : text.substring(0, 3800) + "\n... (cut: GET /api/campaigns/{id} has all)";
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    public static Double testShare(VariableScope scope) {
        Object share = scope.getVariable("testShare");
        return share == null || share.toString().isBlank() ? null : Double.valueOf(share.toString());
    }
}
