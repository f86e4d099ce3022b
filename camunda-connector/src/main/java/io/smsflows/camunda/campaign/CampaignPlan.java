package io.smsflows.camunda.campaign;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The campaign model's expressions ({@code ${smsCampaignPlan...}}): its variants for the sends, and when a recurring
 * campaign runs next, for its timer: {@code ${smsCampaignPlan.nextRun(execution)}}. Runs are
 * counted from the first ({@code firstRunAt}): daily, weekly or monthly ({@code repeat}), {@code runs} in all. Each
 * run sends the audience again as batches of its own; opt-outs and consent are checked at each send.
 */
public class CampaignPlan {

    private final Clock clock;

    public CampaignPlan(Clock clock) {
        this.clock = clock;
    }

    /** The variants' names, A to D: one batch each. */
    public java.util.List<String> variants(VariableScope scope) {
        return CampaignVariables.names(scope);
    }

    /**
     * Task listener of "Pick the winner": the winner must be one of the campaign's variants (the form offers A to D).
     *
     * @throws org.camunda.bpm.engine.ProcessEngineException shown to the person in Tasklist; the task stays open
     */
    public void checkWinner(org.camunda.bpm.engine.delegate.DelegateTask task) {
        Object winner = task.getVariable("winner");
        java.util.List<String> names = CampaignVariables.names(task);
        if (winner == null || !names.contains(winner.toString())) {
            throw new org.camunda.bpm.engine.ProcessEngineException("pick the winner among the variants " + names
                    + (winner == null ? "" : ", not " + winner));
        }
    }

    /** Marks the first run (now, or the time it was scheduled for). */
    public Date firstRun(VariableScope scope) {
        Object at = scope.getVariable("sendAt");
        Date first = at instanceof Date d ? d : Date.from(clock.instant());
        scope.setVariable("firstRunAt", first);
        return first;
    }

    /** On the way to the next run: {@code run} counts it (an Integer, as the REST start set it). */
    public void countRun(VariableScope scope) {
        scope.setVariable("run", number(scope, "run", 1) + 1);
    }

    public boolean hasMoreRuns(VariableScope scope) {
        Object repeat = scope.getVariable("repeat");
        if (repeat == null || repeat.toString().isBlank()) {
            return false;
        }
        int run = number(scope, "run", 1);
        return run < number(scope, "runs", 1);
    }

    /** The time of the next run (run + 1), from the first run's time. */
    public Date nextRun(VariableScope scope) {
        Object first = scope.getVariable("firstRunAt");
        ZonedDateTime start = (first instanceof Date d ? d.toInstant() : clock.instant()).atZone(ZoneOffset.UTC);
        int run = number(scope, "run", 1);
        ZonedDateTime next = switch (String.valueOf(scope.getVariable("repeat")).toLowerCase(Locale.ROOT)) {
            case "daily" -> start.plusDays(run);
            case "weekly" -> start.plusWeeks(run);
            case "monthly" -> start.plusMonths(run);
            default -> throw new IllegalArgumentException("repeat must be daily, weekly or monthly, not '"
                    + scope.getVariable("repeat") + "'");
        };
        return Date.from(next.toInstant());
    }

    private static int number(VariableScope scope, String name, int otherwise) {
        Object value = scope.getVariable(name);
        return value == null ? otherwise : Integer.parseInt(value.toString());
    }
}
