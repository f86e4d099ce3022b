package io.smsflows.sms.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.batch.Placeholders;
import io.smsflows.sms.batch.TextTemplates;
import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.codec.SmsTooLongException;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.link.ShortLinks;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.preview.PricingProperties;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a campaign will send and cost, over its real audience: each variant's text filled for every recipient,
 * encoded by our codec, and priced per country. The approver sees the worst case (the recipient whose text takes the
 * most parts) and the rows that would be refused (a missing field, too long), not an average.
 */
public class CampaignPreviews {

    /**
     * One variant over the recipients it goes to.
     *
     * @param recipients     numbers it goes to (the test share of it in an A/B test; everyone for the rest: see
     *                       {@link CampaignPreview#restRecipients})
     * @param encodings      recipients per encoding (GSM7, UCS2)
     * @param maxParts       the most parts one recipient's text takes
     * @param worstCaseRecipient that recipient, masked, and the length of his text ({@code worstCaseLength})
     * @param text           the text as written, link targets in full (no recipient's fields filled in)
     * @param refused        rows that would not be sent, with the first reason ({@code restRefused}: of the rest,
     *                       were this variant the winner)
     * @param costByCountry  recipients' parts x the country's price, for this variant's recipients
     */
    public record VariantPreview(String name, String sender, int recipients, Map<String, Integer> encodings,
                                 int maxParts, long parts, String worstCaseRecipient, int worstCaseLength,
                                 String text, int refused, int restRefused, String refusedBecause,
                                 Map<String, BigDecimal> costByCountry,
                                 BigDecimal cost, long restParts, BigDecimal restCost) {
    }

    /**
     * @param restRecipients numbers that get the winner after an A/B test (0 without one)
     * @param cost           the test (or whole send) plus the rest at the costliest variant: the most it can cost
     */
    public record CampaignPreview(List<VariantPreview> variants, int restRecipients, long parts, BigDecimal cost,
                                  String currency, boolean priced) {
    }

    private final CampaignRepository campaigns;
    private final SmsEncoder encoder;
    private final EncodingPolicy encoding;
    private final PricingProperties pricing;
    private final TextTemplates templates;
    private final ObjectMapper json;
    private volatile ShortLinks links;

    public CampaignPreviews(CampaignRepository campaigns, SmsEncoder encoder, EncodingPolicy encoding,
                            PricingProperties pricing, TextTemplates templates, ObjectMapper json) {
        this.campaigns = campaigns;
        this.encoder = encoder;
        this.encoding = encoding;
        this.pricing = pricing;
        this.templates = templates;
        this.json = json;
    }

    public void setShortLinks(ShortLinks links) {
        this.links = links;
    }

    /** Previews every variant over the stored audience (read a page at a time). */
    public CampaignPreview preview(String campaignId, CampaignSends.Content content, boolean abTest) {
        String category = content.category();
        String sender = content.sender();
        List<CampaignVariant> variants = content.variants();
        boolean smartReplacement = content.smartReplacement();
        EncodingOptions options = encoding.options(encoding.category(category), smartReplacement);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (CampaignVariant v : variants) {
            tallies.put(v.name(), new Tally(v, v.sender() != null ? v.sender() : sender));
        }
        Map<String, String> templateTexts = new HashMap<>();
        int rest = 0;
        Iterator<CampaignRepository.AudienceRow> rows = campaigns.audience(campaignId, null, "all");
        while (rows.hasNext()) {
            CampaignRepository.AudienceRow row = rows.next();
            Map<String, Object> fields = content.fieldsFor(fields(row.variables()));
            String assigned = row.variant();
            boolean inRest = abTest && assigned == null;
            if (inRest) {
                rest++;
            }
            for (Tally t : tallies.values()) {
                if (!inRest && !t.variant.name().equals(assigned)) {
                    continue;
                }
                t.row(row, fields, inRest, options, templateTexts);
            }
        }
        List<VariantPreview> out = tallies.values().stream().map(Tally::result).toList();
        long parts = out.stream().mapToLong(VariantPreview::parts).sum()
                + out.stream().mapToLong(VariantPreview::restParts).max().orElse(0);
        boolean priced = out.stream().allMatch(v -> v.cost() != null);
        BigDecimal cost = !priced ? null : out.stream().map(VariantPreview::cost).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(out.stream().map(VariantPreview::restCost).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO));
        return new CampaignPreview(out, rest, parts, cost, pricing.getCurrency(), priced);
    }

    private Map<String, Object> fields(String variables) {
        return CampaignSends.fields(json, variables);
    }

    private final class Tally {
        private final CampaignVariant variant;
        private final String sender;
        private final Map<String, Integer> encodings = new TreeMap<>();
        private final Map<String, BigDecimal> costByCountry = new TreeMap<>();
        private int recipients;
        private long parts;
        private long restParts;
        private BigDecimal restCost = BigDecimal.ZERO;
        private boolean unpriced;
        private int maxParts;
        private String worstRecipient;
        private int worstLength;
        private int refused;
        private int restRefused;
        private String refusedBecause;

        Tally(CampaignVariant variant, String sender) {
            this.variant = variant;
            this.sender = sender;
        }

        void row(CampaignRepository.AudienceRow row, Map<String, Object> fields, boolean inRest,
                 EncodingOptions options, Map<String, String> templateTexts) {
            String text;
            EncodedSms encoded;
            try {
                text = text(row, fields, templateTexts);
                // as it goes out: each {{link:...}} as a short link of the real length
                text = links != null && ShortLinks.hasLinks(text) ? links.preview(text) : text;
                encoded = encoder.encode(text, options, 0);
            } catch (Placeholders.MissingVariable | IllegalArgumentException | SmsTooLongException e) {
                if (inRest) {
                    restRefused++; // counted apart: every variant is tried on each row of the rest
                } else {
                    refused++;
                }
                if (refusedBecause == null) {
                    refusedBecause = PhoneNumbers.mask(row.recipient()) + ": " + e.getMessage();
                }
                return;
            }
            BigDecimal perPart = pricing.perPart(row.country());
            BigDecimal rowCost = perPart == null ? null : perPart.multiply(BigDecimal.valueOf(encoded.segments()));
            if (rowCost == null) {
                unpriced = true;
            }
            if (inRest) {
                restParts += encoded.segments();
                if (rowCost != null) {
                    restCost = restCost.add(rowCost);
                }
                return;
            }
            recipients++;
            parts += encoded.segments();
            encodings.merge(encoded.alphabet().name(), 1, Integer::sum);
            if (rowCost != null) {
                costByCountry.merge(row.country() == null ? "?" : row.country(), rowCost, BigDecimal::add);
            }
            if (encoded.segments() > maxParts) {
                maxParts = encoded.segments();
                worstRecipient = PhoneNumbers.mask(row.recipient());
                worstLength = text.length();
            }
        }

        /** The template in English (the fallback of every language), or why it cannot be read. */
        private String templateText() {
            try {
                return templates.text(variant.template(), "en");
            } catch (IllegalArgumentException e) {
                return "(" + e.getMessage() + ")";
            }
        }

        private String text(CampaignRepository.AudienceRow row, Map<String, Object> fields,
                            Map<String, String> templateTexts) {
            if (variant.text() != null && !variant.text().isBlank()) {
                return Placeholders.fill(variant.text(), Placeholders.DOUBLE, fields);
            }
            String locale = row.locale() == null || row.locale().isBlank() ? "en" : row.locale();
            String template = templateTexts.computeIfAbsent(variant.template() + "/" + locale.toLowerCase(Locale.ROOT),
                    k -> templates.text(variant.template(), locale));
            return Placeholders.fill(template, Placeholders.SINGLE, fields);
        }

        VariantPreview result() {
            BigDecimal cost = unpriced ? null
                    : costByCountry.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            // the text as written, not as one person gets it (no one's fields on show), with each link's target
            // in full: what the approver approves is where customers are sent
            String written = variant.text() != null && !variant.text().isBlank() ? variant.text()
                    : "template " + variant.template() + ": " + templateText();
            return new VariantPreview(variant.name(), sender, recipients, encodings, maxParts, parts, worstRecipient,
                    worstLength, written, refused, restRefused, refusedBecause, costByCountry, cost, restParts,
                    unpriced ? null : restCost);
        }
    }
}
