package io.smsflows.sms.preview;

import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.SmsTooLongException;
import io.smsflows.sms.codec.WirePart;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.number.PhoneNumbers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Length and cost preview, for analysts (message templates) and the CRM: exactly what the outbound route would send
 * (same encoder, same route options), without sending. Also served as {@code POST /api/sms/preview}.
 */
public class SmsPreview {

    /** The only route today: the configured SMPP connection. Carrier routing adds more (roadmap). */
    public static final String DEFAULT_ROUTE = "default";

    private final SmsEncoder encoder;
    private final EncodingPolicy encoding;
    private final PricingProperties pricing;

    public SmsPreview(SmsEncoder encoder, EncodingPolicy encoding, PricingProperties pricing) {
        this.encoder = encoder;
        this.encoding = encoding;
        this.pricing = pricing;
    }

    /**
     * @throws IllegalArgumentException with a message saying what to fix: missing text, unknown route, category or
     *                                  country, or a "to" that is not a phone number
     */
    private volatile io.smsflows.sms.link.ShortLinks links;

    public void setShortLinks(io.smsflows.sms.link.ShortLinks links) {
        this.links = links;
    }

    public Preview preview(PreviewRequest request) {
        if (request == null || request.text() == null || request.text().isEmpty()) {
            throw new IllegalArgumentException("'text' is required: the message to preview");
        }
        String route = request.route() == null || request.route().isBlank() ? DEFAULT_ROUTE : request.route().trim();
        if (!DEFAULT_ROUTE.equals(route)) {
            throw new IllegalArgumentException("unknown route '" + route + "': known routes are [" + DEFAULT_ROUTE + "]");
        }
        String category = encoding.category(request.category());
        String country = country(request);
        EncodingOptions options = encoding.options(category, request.smartReplacement());
        int maxParts = options.maxParts();
        // encode without the limit so the preview can say how long it is; "fits" says whether it would be sent
        EncodedSms encoded;
        try {
            // a {{link:...}} counts as the short link it becomes, at its real length
            String text = links != null && io.smsflows.sms.link.ShortLinks.hasLinks(request.text())
                    ? links.preview(request.text()) : request.text();
            encoded = encoder.encode(text, options.withMaxParts(255), 0);
        } catch (SmsTooLongException e) {
            throw new IllegalArgumentException("the text is longer than 255 parts, the most any SMS can have: "
                    + e.getMessage(), e);
        }
        BigDecimal perPart = pricing.perPart(country);
        BigDecimal cost = perPart == null ? null : perPart.multiply(BigDecimal.valueOf(encoded.segments()));
        List<String> parts = encoded.parts().stream().map(WirePart::text).toList();
        boolean fits = encoded.segments() <= maxParts;
        return new Preview(encoded.alphabet().name(), encoded.lockingShift() == null ? null : encoded.lockingShift().name(),
                encoded.singleShift() == null ? null : encoded.singleShift().name(), encoded.segments(),
                encoded.unitsUsedInLastPart(), encoded.unitsLeftInLastPart(), parts, encoded.ucs2Forcers(),
                encoded.replacements(), encoded.text(), fits, maxParts,
                fits ? null : "the text needs " + encoded.segments() + " parts; category '" + category
                        + "' allows at most " + maxParts + ": shorten it or raise smsflows.categories." + category + ".max-parts",
                country, cost, cost == null ? null : pricing.getCurrency());
    }

    private String country(PreviewRequest request) {
        if (request.country() != null && !request.country().isBlank()) {
            String cc = request.country().trim().toUpperCase(Locale.ROOT);
            if (!cc.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("'country' must be an ISO 3166 alpha-2 code such as FR, not '"
                        + request.country() + "'");
            }
            return cc;
        }
        if (request.to() != null && !request.to().isBlank()) {
            return PhoneNumbers.region(PhoneNumbers.toE164(request.to(), null));
        }
        return null;
    }

    /**
     * @param text             message text (required)
     * @param route            route name (default "default")
     * @param country          ISO country for the price (or give {@code to})
     * @param to               recipient, to derive the country
     * @param category         category whose part limit applies (default transactional)
     * @param smartReplacement replace typographic look-alikes by GSM characters
     */
    public record PreviewRequest(String text, String route, String country, String to, String category,
                                 boolean smartReplacement) implements io.smsflows.sms.web.StrictJson {
    }

    /**
     * @param encoding       GSM7 or UCS2
     * @param parts          number of parts (what the operator bills)
     * @param partTexts      the characters of each part
     * @param ucs2Forcers    characters that forced UCS-2, with their positions
     * @param replacements   smart replacements made
     * @param sentText       the text as it would be sent (after replacements)
     * @param fits           false if the category's part limit would refuse it
     * @param problem        what to do when it does not fit
     * @param estimatedCost  parts x per-part price of the country (smsflows.pricing), or null if no price is known
     */
    public record Preview(String encoding, String lockingShift, String singleShift, int parts,
                          int unitsUsedInLastPart, int unitsLeftInLastPart, List<String> partTexts,
                          List<EncodedSms.ForcingCharacter> ucs2Forcers, List<EncodedSms.Replacement> replacements,
                          String sentText, boolean fits, int maxParts, String problem, String country,
                          BigDecimal estimatedCost, String currency) {
    }
}
