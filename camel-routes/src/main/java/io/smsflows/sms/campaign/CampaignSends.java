package io.smsflows.sms.campaign;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.batch.BatchReceipt;
import io.smsflows.sms.batch.BatchRecipient;
import io.smsflows.sms.batch.BatchRequest;
import io.smsflows.sms.batch.SmsBatches;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Sends one part of a campaign's audience (a variant's test share, everyone assigned a variant, or the rest after a
 * test) as one batch through the pipeline, with the content the campaign holds now (after the last edit). The batch
 * carries the campaign and variant, which the figures are counted by.
 */
public class CampaignSends {

    /**
     * What is stored in {@code sms_campaign.definition}: the content as last previewed.
     *
     * @param fields values for every recipient's placeholders (e.g. {@code shopUrl}); a recipient's own field of the
     *               same name wins
     */
    public record Content(String category, String sender, boolean smartReplacement, List<CampaignVariant> variants,
                          Map<String, Object> fields) {

        public Content {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }

        /** The campaign's fields with the recipient's own on top. */
        public Map<String, Object> fieldsFor(Map<String, Object> own) {
            if (fields.isEmpty()) {
                return own;
            }
            Map<String, Object> merged = new java.util.HashMap<>(fields);
            merged.putAll(own);
            return merged;
        }

        public CampaignVariant variant(String name) {
            return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("the campaign has no variant '" + name + "': it has "
                            + variants.stream().map(CampaignVariant::name).toList()));
        }
    }

    private final CampaignRepository campaigns;
    private final SmsBatches batches;
    private final ObjectMapper json;

    public CampaignSends(CampaignRepository campaigns, SmsBatches batches, ObjectMapper json) {
        this.campaigns = campaigns;
        this.batches = batches;
        this.json = json;
    }

    /** Stores the content a send will use (the preview step calls it after each edit). */
    public void store(String campaignId, Content content) {
        try {
            campaigns.definition(campaignId, json.writeValueAsString(content));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Content content(String campaignId) {
        CampaignRepository.CampaignRow row = campaigns.findById(campaignId).orElseThrow(() ->
                new IllegalStateException("no campaign " + campaignId));
        if (row.definition() == null) {
            throw new IllegalStateException("campaign " + campaignId + " has no previewed content yet");
        }
        try {
            return json.readValue(row.definition(), Content.class);
        } catch (Exception e) {
            throw new IllegalStateException("campaign " + campaignId + ": its stored content cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Accepts the batch in the caller's transaction.
     *
     * @param variant the variant whose content goes out
     * @param group   {@code test}: that variant's test share; {@code all}: everyone assigned that variant;
     *                {@code rest}: everyone outside the test (after it, with the winner)
     * @param request the batch's process fields (process instance, business key, activity, idempotency key)
     */
    public BatchReceipt send(String campaignId, String variant, String group, BatchRequest request) {
        Content content = content(campaignId);
        CampaignVariant v;
        try {
            v = content.variant(variant);
        } catch (IllegalArgumentException e) {
            campaigns.problem(campaignId, e.getMessage());
            throw e;
        }
        // what would refuse the batch as a whole is checked here, before its transaction: a refusal inside it would
        // roll the job back (an incident) instead of ending the send as refused
        String sender = v.sender() != null ? v.sender() : content.sender();
        String refused = null;
        int size = campaigns.count(campaignId, "rest".equals(group) ? null : variant, group);
        if (size == 0) {
            refused = "variant " + variant + " (" + group + "): nobody to send to";
        } else if (size > batches.maxRecipients()) {
            refused = "variant " + variant + " (" + group + "): " + size + " numbers, more than "
                    + "smsflows.batches.max-recipients (" + batches.maxRecipients() + ")";
        } else if (sender != null) {
            try {
                io.smsflows.sms.number.SenderPolicy.form(sender);
            } catch (io.smsflows.sms.number.InvalidSenderException e) {
                refused = "variant " + variant + ": " + e.getMessage();
            }
        }
        if (refused != null) {
            if (size > 0) {
                campaigns.problem(campaignId, refused); // people left unsent: the outcome says so
            }
            throw new IllegalArgumentException(refused);
        }
        BatchRequest batch = new BatchRequest(content.category(), v.sender() != null ? v.sender() : content.sender(),
                blankToNull(v.text()), blankToNull(v.template()), null, content.smartReplacement(),
                request.idempotencyKey(), request.processInstanceId(), request.businessKey(), request.activityId(),
                request.completedMessage(), request.createdBy());
        Iterator<CampaignRepository.AudienceRow> rows = campaigns.audience(campaignId, "rest".equals(group) ? null
                : variant, group);
        Iterator<BatchRecipient> recipients = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public BatchRecipient next() {
                CampaignRepository.AudienceRow row = rows.next();
                return new BatchRecipient(row.recipient(), null, row.locale(),
                        content.fieldsFor(fields(row.variables())), null);
            }
        };
        BatchReceipt receipt = batches.accept(batch, recipients);
        campaigns.tagBatch(receipt.id(), campaignId, variant);
        return receipt;
    }

    private Map<String, Object> fields(String variables) {
        return fields(json, variables);
    }

    /** A stored recipient's fields ({@code sms_campaign_recipient.variables}, JSON written by the audience build). */
    static Map<String, Object> fields(ObjectMapper json, String variables) {
        if (variables == null) {
            return Map.of();
        }
        try {
            return json.readValue(variables, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("a stored recipient's fields cannot be read: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
