package io.smsflows.bpmn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stands in for one of our delegate beans in model tests: records the inputs it saw, sets outputs or throws. */
public class RecordingDelegate implements JavaDelegate {

    final List<Map<String, Object>> calls = new ArrayList<>();
    private final Map<String, Object> outputs = new HashMap<>();
    private String errorCode;

    RecordingDelegate sets(String name, Object value) {
        outputs.put(name, value);
        return this;
    }

    RecordingDelegate throwsBpmnError(String code) {
        this.errorCode = code;
        return this;
    }

    Map<String, Object> lastCall() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.add(new HashMap<>(execution.getVariablesLocal()));
        if (errorCode != null) {
            throw new BpmnError(errorCode, "test: " + errorCode);
        }
        outputs.forEach(execution::setVariable);
    }

    /** Stands in for the smsTemplates bean: the rendered text names the template and the locale. */
    public static class Templates {
        public String render(String key, org.camunda.bpm.engine.delegate.VariableScope scope) {
            return key + "/" + scope.getVariable("locale");
        }
    }

    /** The configured texts, as the smsTexts bean offers them. */
    public static class Texts {
        public String optOutConfirmation(org.camunda.bpm.engine.delegate.VariableScope scope) {
            return "You are unsubscribed.";
        }

        public String resubscribeConfirmation(org.camunda.bpm.engine.delegate.VariableScope scope) {
            return "You are subscribed again.";
        }

        public String optInQuestion(org.camunda.bpm.engine.delegate.VariableScope scope) {
            return "Reply YES to join/" + scope.getVariable("locale");
        }

        public String optInWelcome(org.camunda.bpm.engine.delegate.VariableScope scope) {
            return "Welcome/" + scope.getVariable("locale");
        }

        public String getHelp() {
            return "Help text.";
        }

        public boolean isConfirmCrmOptOuts() {
            return false;
        }
    }
}
