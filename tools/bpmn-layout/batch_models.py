"""The bulk-send model of SMS Flows (first layout). Run: python3 tools/bpmn-layout/batch_models.py"""
import os
from xml.sax.saxutils import escape
from layout import Model

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "bpmn", "src", "main", "resources", "bpmn")
RETRY = "<camunda:failedJobRetryTimeCycle>R3/PT10S</camunda:failedJobRetryTimeCycle>"


def outcome(value):
    return (f'<bpmn:extensionElements><camunda:executionListener expression="${{execution.setVariable(\'batchOutcome\', '
            f'\'{value}\')}}" event="start" /></bpmn:extensionElements>')


def main():
    m = Model("sms-batch", "Send an SMS batch and wait for its end", "P180D",
              "Sends one SMS to every recipient of a list, a CRM segment or a file as one batch (variables: "
              "recipients or recipientsUrl or recipientsFile, and text or template; optional: category, sender, "
              "locale, batchTimeout as ISO-8601 duration, default P2D), then waits for the batch to end. One process "
              "instance for the whole audience: the messages are rows of the pipeline, not instances. Ends with "
              "batchOutcome = done, cancelled, timedOut or refused; the counts are in smsBatchDelivered, "
              "smsBatchFailed, smsBatchSuppressed, smsBatchExpired, smsBatchCancelled, smsBatchParts, smsBatchCost.")
    params = [("recipients", '${execution.getVariable("recipients")}'),
              ("recipientsUrl", '${execution.getVariable("recipientsUrl")}'),
              ("recipientsFile", '${execution.getVariable("recipientsFile")}'),
              ("text", '${execution.getVariable("text")}'), ("template", '${execution.getVariable("template")}'),
              ("locale", '${execution.getVariable("locale")}'), ("category", '${execution.getVariable("category")}'),
              ("sender", '${execution.getVariable("sender")}')]
    inputs = "".join(f'<camunda:inputParameter name="{k}">{escape(v)}</camunda:inputParameter>' for k, v in params)
    m.node("StartEvent_BatchRequested", "start", "Batch requested", 152, 202)
    m.node("Task_SendBatch", "service", "Send SMS batch", 240, 180,
           'camunda:asyncBefore="true" camunda:delegateExpression="${smsSendBatch}" '
           'camunda:modelerTemplate="io.smsflows.SendSmsBatch" camunda:modelerTemplateVersion="1"',
           f"<bpmn:extensionElements>{RETRY}<camunda:inputOutput>{inputs}</camunda:inputOutput></bpmn:extensionElements>",
           doc="Accepts the batch in this job's transaction (all rows or none); the pipeline sends it after the commit. "
               "Rows that are wrong are rejected with a reason (smsBatchRejected); the batch as a whole is refused "
               "(error SMS_BATCH_INVALID) when it cannot be sent at all.")
    m.node("Boundary_BatchInvalid", "boundary", "Batch refused", 302, 242, "",
           f'<bpmn:errorEventDefinition id="Boundary_BatchInvalid_Def" errorRef="{m.error("SMS_BATCH_INVALID")}" '
           'camunda:errorCodeVariable="smsErrorCode" camunda:errorMessageVariable="smsErrorText" />',
           attached="Task_SendBatch")
    m.node("End_Refused", "end", "Refused", 302, 352, inner=outcome("refused"))
    m.node("Gateway_WaitForEnd", "ebg", "Wait for the batch", 405, 195)
    m.node("Event_BatchCompleted", "catch", "Batch ended", 512, 202,
           inner=f'<bpmn:messageEventDefinition id="Event_BatchCompleted_Def" messageRef="{m.message("SmsBatchCompleted")}" />')
    m.node("Event_BatchTimeout", "timer", "Batch too slow", 512, 322,
           inner='<bpmn:timerEventDefinition id="Event_BatchTimeout_Def"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">'
                 + escape('${execution.getVariable("batchTimeout") != null ? batchTimeout : "P2D"}')
                 + '</bpmn:timeDuration></bpmn:timerEventDefinition>',
           doc="The batch did not end in time (e.g. a carrier down for days): an operator looks at it in the batch view.")
    m.node("Gateway_Cancelled", "xor", "Cancelled?", 605, 195)
    m.node("End_Done", "end", "Batch done", 722, 202, inner=outcome("done"))
    m.node("End_Cancelled", "end", "Batch cancelled", 722, 322, inner=outcome("cancelled"))
    m.node("End_TimedOut", "end", "Timed out", 612, 432, inner=outcome("timedOut"))
    m.flow("Flow_ToSend", "StartEvent_BatchRequested", "Task_SendBatch")
    m.flow("Flow_ToWait", "Task_SendBatch", "Gateway_WaitForEnd")
    m.flow("Flow_RefusedToEnd", "Boundary_BatchInvalid", "End_Refused")
    m.flow("Flow_ToCompleted", "Gateway_WaitForEnd", "Event_BatchCompleted")
    m.flow("Flow_ToTimeout", "Gateway_WaitForEnd", "Event_BatchTimeout", waypoints=[(430, 245), (430, 340), (512, 340)])
    m.flow("Flow_CompletedToGateway", "Event_BatchCompleted", "Gateway_Cancelled")
    m.flow("Flow_Done", "Gateway_Cancelled", "End_Done", name="no",
           cond='${smsBatchState != "CANCELLED"}')
    m.flow("Flow_Cancelled", "Gateway_Cancelled", "End_Cancelled", name="yes",
           cond='${smsBatchState == "CANCELLED"}', waypoints=[(630, 245), (630, 340), (722, 340)])
    m.flow("Flow_TimeoutToEnd", "Event_BatchTimeout", "End_TimedOut", waypoints=[(530, 358), (530, 450), (612, 450)])
    m.write(os.path.join(OUT, "sms-batch.bpmn"))


if __name__ == "__main__":
    main()
