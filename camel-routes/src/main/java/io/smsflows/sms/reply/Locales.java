package io.smsflows.sms.reply;

import java.util.Map;

/** The language a reply is read in when the conversation does not say: the main language of the number's country. */
public final class Locales {

    private static final Map<String, String> BY_REGION = Map.ofEntries(
            Map.entry("FR", "fr"), Map.entry("BE", "fr"), Map.entry("LU", "fr"), Map.entry("MC", "fr"),
            Map.entry("CH", "de"), Map.entry("DE", "de"), Map.entry("AT", "de"), Map.entry("LI", "de"),
            Map.entry("ES", "es"), Map.entry("MX", "es"), Map.entry("AR", "es"), Map.entry("CO", "es"),
            Map.entry("CL", "es"), Map.entry("PE", "es"));

    private Locales() {
    }

    /** Language code for an ISO region; "en" when unknown. */
    public static String forRegion(String region) {
        return region == null ? "en" : BY_REGION.getOrDefault(region, "en");
    }
}
