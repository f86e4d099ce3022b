package io.smsflows.camunda.campaign;

import io.smsflows.sms.campaign.CampaignKpis;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "Pick A/B winner": {@code camunda:delegateExpression="${smsCampaignWinner}"}. Compares the test variants by
 * {@code winnerBy}: {@code clicks} (unique clicks over delivered) or {@code replies} (replies over delivered). Sets
 * {@code winner} to the best, or leaves it empty for a person to pick (the process then asks in Tasklist) when
 * {@code winnerBy} is {@code manual}, or no variant got a click or reply, or two are equal.
 *
 * <p>Outputs: {@code winner}, {@code testResults} (a line per variant, for the person and Cockpit).
 */
public class CampaignWinnerDelegate implements JavaDelegate {

    private final CampaignKpis kpis;

    public CampaignWinnerDelegate(CampaignKpis kpis) {
        this.kpis = kpis;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String by = CampaignVariables.string(execution, "winnerBy");
        by = by == null ? "clicks" : by.toLowerCase(Locale.ROOT);
        List<CampaignKpis.Figures> variants = kpis.report(execution.getProcessBusinessKey()).variants().stream()
                .filter(f -> CampaignVariables.names(execution).contains(f.variant())).toList();
        StringBuilder results = new StringBuilder();
        for (String name : CampaignVariables.names(execution)) {
            // every variant, also one nobody was drawn for in the test (it has no figures)
            CampaignKpis.Figures f = variants.stream().filter(v -> v.variant().equals(name)).findFirst().orElse(null);
            if (f == null) {
                results.append(name).append(": nobody in the test\n");
                continue;
            }
            results.append(f.variant()).append(": ").append(f.delivered()).append(" delivered, ")
                    .append(f.uniqueClicks()).append(" clicked (").append(percent(f.clickThroughRate()))
                    .append("), ").append(f.replies()).append(" replies (").append(percent(rate(f.replies(), f)))
                    .append("), ").append(f.optOuts()).append(" opt-outs\n");
        }
        execution.setVariable("testResults", results.toString().trim());
        String winner = null;
        if (!"manual".equals(by)) {
            String measure = by;
            Comparator<CampaignKpis.Figures> best = Comparator.comparingDouble(f -> "replies".equals(measure)
                    ? rate(f.replies(), f) : f.clickThroughRate());
            List<CampaignKpis.Figures> sorted = variants.stream().sorted(best.reversed()).toList();
            if (!sorted.isEmpty() && score(sorted.get(0), measure) > 0
                    && (sorted.size() == 1 || score(sorted.get(0), measure) > score(sorted.get(1), measure))) {
                winner = sorted.get(0).variant();
            }
        }
        execution.setVariable("winner", winner);
    }

    private static double score(CampaignKpis.Figures f, String by) {
        return "replies".equals(by) ? rate(f.replies(), f) : f.clickThroughRate();
    }

    private static double rate(int count, CampaignKpis.Figures f) {
        return f.delivered() == 0 ? 0 : (double) count / f.delivered();
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
