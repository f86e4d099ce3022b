package io.smsflows.sms.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.batch.BatchRecipient;
import io.smsflows.sms.batch.NumberSet;
import io.smsflows.sms.config.SmsCategories;
import io.smsflows.sms.consent.ConsentRecord;
import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.number.InvalidPhoneNumberException;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.number.RecipientPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Builds a campaign's audience from its source: numbers normalised and checked, repeats removed, opted-out and (for
 * marketing) non-consenting numbers left out with their reason, and the rest split at random between the variants
 * and into the A/B test share. All of it before anyone approves, so the approver sees what will be sent.
 *
 * <p>The send checks opt-outs and consent again (the pipeline's gates): a number that opts out after the approval is
 * still never sent.
 */
public class CampaignAudiences {

    public static final String INVALID_NUMBER = "INVALID_NUMBER";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String OPTED_OUT = "OPTED_OUT";
    public static final String NO_CONSENT = "NO_CONSENT";
    /** A row that cannot be sent as given: a language that is not one, fields too long to keep. */
    public static final String INVALID_ROW = "INVALID_ROW";
    /** A campaign's audience is capped: past this many rows, the source is refused, nothing is stored. */
    public static final int MAX_ROWS = 1_000_000;
    private static final int CHUNK = 1000;

    private final CampaignRepository campaigns;
    private final SuppressionList suppressions;
    private final ConsentRecords consents;
    private final RecipientPolicy policy;
    private final ObjectMapper json;

    /** @param consents consent records, or null where the app keeps none (marketing is then not checked here) */
    public CampaignAudiences(CampaignRepository campaigns, SuppressionList suppressions, ConsentRecords consents,
                             RecipientPolicy policy, ObjectMapper json) {
        this.campaigns = campaigns;
        this.suppressions = suppressions;
        this.consents = consents;
        this.policy = policy;
        this.json = json;
    }

    /**
     * Reads the source and stores the audience (replacing an earlier build), in the caller's transaction.
     *
     * @param variants  the variants' names; numbers are split evenly at random between them
     * @param testShare share of the audience in the A/B test (0 < share < 1), or null: every number gets a variant
     * @param seed      of the random split (the campaign's id hash: the same source splits the same way again)
     */
    public AudienceSummary build(String campaignId, Iterator<BatchRecipient> source, String category, String sender,
                                 List<String> variants, Double testShare, long seed) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs at least one variant");
        }
        campaigns.clearAudience(campaignId);
        Build build = new Build(campaignId, category, sender, variants, testShare, new Random(seed));
        int index = 0;
        while (source.hasNext()) {
            if (index >= MAX_ROWS) {
                throw new IllegalArgumentException("the audience has more than " + MAX_ROWS + " rows: split the "
                        + "segment into several campaigns");
            }
            build.row(source.next(), index++);
        }
        build.flush();
        return new AudienceSummary(index, build.audience, new TreeMap<>(build.excluded), build.test,
                new TreeMap<>(build.byVariant));
    }

    private final class Build {
        private final String campaignId;
        private final boolean marketing;
        private final String sender;
        private final List<String> variants;
        private final Double testShare;
        private final Random random;
        private final NumberSet seen = new NumberSet();
        private final List<CampaignRepository.NewRecipient> pending = new ArrayList<>(CHUNK);
        private final Map<String, Integer> excluded = new LinkedHashMap<>();
        private final Map<String, Integer> byVariant = new LinkedHashMap<>();
        private int audience;
        private int test;

        Build(String campaignId, String category, String sender, List<String> variants, Double testShare,
              Random random) {
            this.campaignId = campaignId;
            this.marketing = SmsCategories.MARKETING.equals(category);
            this.sender = sender;
            this.variants = variants;
            this.testShare = testShare;
            this.random = random;
        }

        void row(BatchRecipient r, int index) {
            if (r.problem() != null) {
                exclude(index, r.to(), null, INVALID_NUMBER);
                return;
            }
            PhoneNumbers.Parsed number;
            try {
                number = PhoneNumbers.parse(r.to(), null);
                policy.check(number);
            } catch (InvalidPhoneNumberException e) {
                exclude(index, null, null, INVALID_NUMBER); // not a number we can store as one
                return;
            }
            if (!seen.add(number.e164())) {
                exclude(index, number.e164(), number.region(), DUPLICATE);
                return;
            }
            String locale = r.locale() == null || r.locale().isBlank() ? null : r.locale().trim();
            if (locale != null && !locale.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,4})?")) {
                exclude(index, number.e164(), number.region(), INVALID_ROW); // not a language: no template fits
                return;
            }
            String variables;
            try {
                variables = r.variables().isEmpty() ? null : json.writeValueAsString(r.variables());
            } catch (JsonProcessingException e) {
                variables = "";
            }
            if (variables != null && (variables.isEmpty() || variables.length() > 4000)) {
                exclude(index, number.e164(), number.region(), INVALID_ROW); // fields too long to keep per number
                return;
            }
            pending.add(new CampaignRepository.NewRecipient(index, number.e164(), number.region(), null, false,
                    locale, variables, null));
            if (pending.size() == CHUNK) {
                flush();
            }
        }

        private void exclude(int index, String recipient, String country, String reason) {
            excluded.merge(reason, 1, Integer::sum);
            pending.add(new CampaignRepository.NewRecipient(index, recipient, country, null, false, null, null,
                    reason));
            if (pending.size() == CHUNK) {
                flush();
            }
        }

        /** Checks opt-outs and consent of a chunk in two queries, splits it, and stores it. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<String> numbers = pending.stream().filter(p -> p.excluded() == null)
                    .map(CampaignRepository.NewRecipient::recipient).toList();
            Map<String, List<Suppression>> optedOut = numbers.isEmpty() ? Map.of() : suppressions.activeFor(numbers);
            Map<String, List<ConsentRecord>> granted = !marketing || consents == null || numbers.isEmpty() ? Map.of()
                    : consents.granted(numbers);
            List<CampaignRepository.NewRecipient> rows = new ArrayList<>(pending.size());
            for (CampaignRepository.NewRecipient p : pending) {
                if (p.excluded() != null) {
                    rows.add(p);
                    continue;
                }
                String reason = null;
                if (optedOut.getOrDefault(p.recipient(), List.of()).stream().anyMatch(s -> s.blocks(sender))) {
                    reason = OPTED_OUT;
                } else if (marketing && consents != null
                        && ConsentRecords.allowing(granted.getOrDefault(p.recipient(), List.of()), sender) == null) {
                    reason = NO_CONSENT;
                }
                if (reason != null) {
                    excluded.merge(reason, 1, Integer::sum);
                    rows.add(new CampaignRepository.NewRecipient(p.index(), p.recipient(), p.country(), null, false,
                            p.locale(), null, reason));
                    continue;
                }
                audience++;
                boolean inTest = testShare != null && random.nextDouble() < testShare;
                String variant = testShare == null || inTest ? variants.get(random.nextInt(variants.size())) : null;
                if (inTest) {
                    test++;
                }
                if (variant != null) {
                    byVariant.merge(variant, 1, Integer::sum);
                }
                rows.add(new CampaignRepository.NewRecipient(p.index(), p.recipient(), p.country(), variant, inTest,
                        p.locale(), p.variables(), null));
            }
            campaigns.insertRecipients(campaignId, rows);
            pending.clear();
        }
    }
}
