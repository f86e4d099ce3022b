package io.smsflows.sms.campaign;

/**
 * One version of a campaign's message. Variants differ by text (or template) and sender; an A/B test sends each to
 * a random part of the test share.
 *
 * @param name     A, B, C or D
 * @param text     the text, with {@code {{field}}} placeholders and {@code {{link:URL}}} short links; or null
 * @param template a key of the sms-templates decision instead of a text; or null
 * @param sender   this variant's sender; null: the campaign's
 */
public record CampaignVariant(String name, String text, String template, String sender) {

    public static final java.util.List<String> NAMES = java.util.List.of("A", "B", "C", "D");
}
