package io.smsflows.camunda.campaign;

import io.smsflows.sms.campaign.CampaignPreviews;
import io.smsflows.sms.campaign.CampaignSends;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Preview campaign": {@code camunda:delegateExpression="${smsCampaignPreview}"}. Keeps the content as it is now
 * (after an edit) for the sends, and previews it over the audience: encoding, parts, the worst case, rows that would
 * be refused, cost per country and in total.
 *
 * <p>Outputs: {@code previewSummary} (lines for the approver), {@code estimatedParts}, {@code estimatedCost} (null
 * without prices), {@code currency}, {@code previewRefused} (rows no variant could send as written).
 */
public class CampaignPreviewDelegate implements JavaDelegate {

    public static final String ERROR_CONTENT_INVALID = "CAMPAIGN_CONTENT_INVALID";

    private final CampaignPreviews previews;
    private final CampaignSends sends;

    public CampaignPreviewDelegate(CampaignPreviews previews, CampaignSends sends) {
        this.previews = previews;
        this.sends = sends;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = execution.getProcessBusinessKey();
        CampaignSends.Content content = CampaignVariables.content(execution);
        for (var v : content.variants()) {
            if (v.text() == null && v.template() == null) {
                // back to the edit task, with this as its comment
                throw new org.camunda.bpm.engine.delegate.BpmnError(ERROR_CONTENT_INVALID, "variant " + v.name()
                        + " has no text: write one (or give it a template)");
            }
        }
        for (var v : content.variants()) {
            String sender = v.sender() != null ? v.sender() : content.sender();
            if (sender != null) {
                try {
                    io.smsflows.sms.number.SenderPolicy.form(sender);
                } catch (io.smsflows.sms.number.InvalidSenderException e) {
                    throw new org.camunda.bpm.engine.delegate.BpmnError(ERROR_CONTENT_INVALID, "variant " + v.name()
                            + ": " + e.getMessage());
                }
            }
        }
        sends.store(campaignId, content);
        boolean abTest = CampaignVariables.testShare(execution) != null;
        CampaignPreviews.CampaignPreview p = previews.preview(campaignId, content, abTest);
        StringBuilder out = new StringBuilder();
        int refused = p.variants().stream().mapToInt(CampaignPreviews.VariantPreview::restRefused).max().orElse(0);
        for (CampaignPreviews.VariantPreview v : p.variants()) {
            refused += v.refused();
            out.append("Variant ").append(v.name()).append(" (sender ").append(v.sender() == null ? "default"
                    : v.sender()).append("): ").append(v.recipients()).append(" recipients")
                    .append(abTest ? " in the test" : "").append(", encoding ").append(v.encodings())
                    .append(", up to ").append(v.maxParts()).append(" part(s) each, ").append(v.parts())
                    .append(" parts, ").append(money(v.cost(), p.currency())).append(", by country ")
                    .append(v.costByCountry()).append('\n');
            out.append("  text: ").append(v.text()).append('\n');
            if (v.worstCaseRecipient() != null) {
                out.append("  longest: ").append(v.worstCaseLength()).append(" characters (").append(v.maxParts())
                        .append(" part(s)) for ").append(v.worstCaseRecipient()).append('\n');
            }
            if (v.refused() + v.restRefused() > 0) {
                out.append("  ").append(v.refused()).append(abTest ? " in the test and " + v.restRefused()
                        + " of the rest" : "").append(" would be refused, e.g. ").append(v.refusedBecause())
                        .append('\n');
            }
            if (abTest) {
                out.append("  as the winner to the other ").append(p.restRecipients()).append(": ")
                        .append(v.restParts()).append(" parts, ").append(money(v.restCost(), p.currency()))
                        .append('\n');
            }
        }
        if (!content.fields().isEmpty()) {
            out.append("Fields for every text: ").append(content.fields()).append('\n');
        }
        out.append("At most ").append(p.parts()).append(" parts, ").append(money(p.cost(), p.currency()));
        execution.setVariable("previewSummary", CampaignVariables.fitting(out.toString()));
        execution.setVariable("estimatedParts", p.parts());
        execution.setVariable("estimatedCost", p.cost() == null ? null
                : p.cost().setScale(2, RoundingMode.HALF_UP).doubleValue());
        execution.setVariable("currency", p.currency());
        execution.setVariable("previewRefused", refused);
    }

    private static String money(BigDecimal amount, String currency) {
        return amount == null ? "no price known" : amount.setScale(2, RoundingMode.HALF_UP) + " " + currency;
    }
}
