"""The consent and reply models of SMS Flows (first layout). Run: python3 tools/bpmn-layout/sms_models.py"""
import os
from xml.sax.saxutils import escape
from layout import Model

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "bpmn", "src", "main", "resources", "bpmn")
RETRY = "<camunda:failedJobRetryTimeCycle>R3/PT10S</camunda:failedJobRetryTimeCycle>"


TEMPLATES = {"${smsSend}": "io.smsflows.SendSms", "${crmNotify}": "io.smsflows.NotifyCrm"}


def service(delegate, inputs):
    params = "".join(f'<camunda:inputParameter name="{k}">{escape(v)}</camunda:inputParameter>' for k, v in inputs)
    template = (f' camunda:modelerTemplate="{TEMPLATES[delegate]}" camunda:modelerTemplateVersion="1"'
                if delegate in TEMPLATES else "")
    return (f'camunda:asyncBefore="true" camunda:delegateExpression="{delegate}"{template}',
            f"<bpmn:extensionElements>{RETRY}<camunda:inputOutput>{params}</camunda:inputOutput></bpmn:extensionElements>")


def msg(m, name, eid):
    return f'<bpmn:messageEventDefinition id="{eid}_Def" messageRef="{m.message(name)}" />'


def deadline(eid, expr):
    return (f'<bpmn:timerEventDefinition id="{eid}_Def"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">'
            f'{escape(expr)}</bpmn:timeDate></bpmn:timerEventDefinition>')


def timer(eid, expr):
    return (f'<bpmn:timerEventDefinition id="{eid}_Def"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">'
            f'{escape(expr)}</bpmn:timeDuration></bpmn:timerEventDefinition>')


def err(m, code, eid):
    return f'<bpmn:errorEventDefinition id="{eid}_Def" errorRef="{m.error(code)}" />'


def outcome(var, value):
    return (f'<bpmn:extensionElements><camunda:executionListener expression="${{execution.setVariable(\'{var}\', '
            f'\'{value}\')}}" event="start" /></bpmn:extensionElements>')


OUR_NUMBER = '${execution.getVariable("ourNumber")}'

def main():
    # ---------------------------------------------------------------- sms-ask
    m = Model("sms-ask", "Ask by SMS and wait for the reply", "P30D",
              "Sends a question (variables: to, text; optional: sender, locale, replyTimeout as ISO-8601 duration, "
              "default PT24H) and waits for the customer's reply. Ends with askOutcome = answered, noReply, notDelivered, "
              "optedOut, invalidNumber or tooLong; a reply leaves smsReplyIntent, smsReplyChoice, smsReplyText. "
              "Journeys call it as a call activity (element template 'Ask by SMS').")
    TIMEOUT = '${execution.getVariable("replyTimeout") != null ? replyTimeout : "PT24H"}'
    m.node("StartEvent_Question", "start", "Question to ask", 152, 262)
    a, i = service("${smsSend}", [("to", "${to}"), ("text", "${text}"), ("sender", '${execution.getVariable("sender")}'),
                                  ("locale", '${execution.getVariable("locale")}'), ("expectsReply", "${true}"),
                                  ("replyTimeout", TIMEOUT)])
    m.node("Task_SendQuestion", "service", "Send question", 240, 240, a, i,
           doc="Queues the question and opens a conversation: the customer's answer comes back as SmsReply.")
    m.node("Gateway_DeliveredOrAnswered", "ebg", "Delivered or answered?", 405, 255)
    m.node("Event_Delivered", "catch", "Delivered", 512, 142, inner=msg(m, "SmsDelivered", "Event_Delivered"))
    m.node("Event_ReplyFirst", "catch", "Reply received", 512, 262, inner=msg(m, "SmsReply", "Event_ReplyFirst"),
           doc="A reply can arrive before the delivery receipt.")
    m.node("Event_NotDelivered", "catch", "Not delivered", 512, 372, inner=msg(m, "SmsFailed", "Event_NotDelivered"))
    m.node("Event_NoReceipt", "timer", "No receipt in time", 512, 482, inner=deadline("Event_NoReceipt", "${smsReplyDeadline}"),
           doc="smsReplyDeadline: set by the send task, when the conversation closes (send time + replyTimeout).")
    m.node("Event_UnsubscribedEarly", "catch", "Customer opted out", 512, 592,
           inner=msg(m, "SmsUnsubscribed", "Event_UnsubscribedEarly"))
    m.node("Gateway_Answered", "ebg", "Answered?", 615, 135)
    m.node("Event_Reply", "catch", "Reply received", 732, 52, inner=msg(m, "SmsReply", "Event_Reply"))
    m.node("Event_NoReply", "timer", "No reply in time", 732, 142, inner=deadline("Event_NoReply", "${smsReplyDeadline}"),
           doc="The same deadline as before the receipt: the wait never outlives the conversation.")
    m.node("Event_UnsubscribedWaiting", "catch", "Customer opted out", 732, 232,
           inner=msg(m, "SmsUnsubscribed", "Event_UnsubscribedWaiting"))
    m.node("End_Answered", "end", "Answered", 852, 52, inner=outcome("askOutcome", "answered"))
    m.node("End_NoReply", "end", "No reply", 852, 142, inner=outcome("askOutcome", "noReply"))
    m.node("End_OptedOutWaiting", "end", "Opted out", 852, 232, inner=outcome("askOutcome", "optedOut"))
    m.node("End_AnsweredFirst", "end", "Answered", 852, 262 + 60, inner=outcome("askOutcome", "answered"))
    m.node("End_NotDelivered", "end", "Not delivered", 852, 372, inner=outcome("askOutcome", "notDelivered"))
    m.node("End_NoReceipt", "end", "No reply", 852, 482, inner=outcome("askOutcome", "noReply"))
    m.node("End_OptedOutEarly", "end", "Opted out", 852, 592, inner=outcome("askOutcome", "optedOut"))
    m.node("Boundary_Suppressed", "boundary", "Opted out", 230, 302, attached="Task_SendQuestion",
           inner=err(m, "SMS_SUPPRESSED", "Boundary_Suppressed"))
    m.node("Boundary_InvalidNumber", "boundary", "Invalid number", 268, 302, attached="Task_SendQuestion",
           inner=err(m, "SMS_INVALID_RECIPIENT", "Boundary_InvalidNumber"))
    m.node("Boundary_TooLong", "boundary", "Too long", 306, 302, attached="Task_SendQuestion",
           inner=err(m, "SMS_TOO_LONG", "Boundary_TooLong"))
    m.node("End_OptedOutBeforeSend", "end", "Opted out", 352, 702, inner=outcome("askOutcome", "optedOut"))
    m.node("End_InvalidNumber", "end", "Invalid number", 352, 782, inner=outcome("askOutcome", "invalidNumber"))
    m.node("End_TooLong", "end", "Too long", 352, 862, inner=outcome("askOutcome", "tooLong"))
    m.flow("Flow_ToSend", "StartEvent_Question", "Task_SendQuestion")
    m.flow("Flow_ToWait", "Task_SendQuestion", "Gateway_DeliveredOrAnswered")
    for ev in ["Event_Delivered", "Event_ReplyFirst", "Event_NotDelivered", "Event_NoReceipt", "Event_UnsubscribedEarly"]:
        m.flow("Flow_To" + ev.split("_")[1], "Gateway_DeliveredOrAnswered", ev)
    m.flow("Flow_DeliveredToWait", "Event_Delivered", "Gateway_Answered")
    for ev in ["Event_Reply", "Event_NoReply", "Event_UnsubscribedWaiting"]:
        m.flow("Flow_To" + ev.split("_")[1], "Gateway_Answered", ev)
    m.flow("Flow_ReplyToEnd", "Event_Reply", "End_Answered")
    m.flow("Flow_NoReplyToEnd", "Event_NoReply", "End_NoReply")
    m.flow("Flow_UnsubscribedWaitingToEnd", "Event_UnsubscribedWaiting", "End_OptedOutWaiting")
    m.flow("Flow_ReplyFirstToEnd", "Event_ReplyFirst", "End_AnsweredFirst")
    m.flow("Flow_NotDeliveredToEnd", "Event_NotDelivered", "End_NotDelivered")
    m.flow("Flow_NoReceiptToEnd", "Event_NoReceipt", "End_NoReceipt")
    m.flow("Flow_UnsubscribedEarlyToEnd", "Event_UnsubscribedEarly", "End_OptedOutEarly")
    m.flow("Flow_SuppressedToEnd", "Boundary_Suppressed", "End_OptedOutBeforeSend")
    m.flow("Flow_InvalidToEnd", "Boundary_InvalidNumber", "End_InvalidNumber")
    m.flow("Flow_TooLongToEnd", "Boundary_TooLong", "End_TooLong")
    m.annotate("Annotation_Conversation", "The reply is matched to this instance by the conversation the send task "
               "opened; STOP ends it through SmsUnsubscribed.", 560, 700, "Event_UnsubscribedEarly")
    m.write(os.path.join(OUT, "sms-ask.bpmn"))

    # ---------------------------------------------------------------- sms-unsubscribe
    m = Model("sms-unsubscribe", "Unsubscribe from SMS", "P180D",
              "An opt-out: the number goes on the suppression list (with source, reason and proof), gets exactly one "
              "confirmation if asked, the CRM is told, and every running journey for the number is ended "
              "(message SmsUnsubscribed). Started by a STOP reply (the pipeline), by the CRM (POST /api/suppressions) "
              "or from Tasklist.")
    m.node("StartEvent_OptOut", "start", "Opt-out requested", 152, 162,
           'camunda:formRef="sms-unsubscribe-start" camunda:formRefBinding="deployment" camunda:initiator="initiator"')
    a, i = service("${smsSuppress}", [("phone", "${phone}"), ("scope", '${execution.getVariable("scope")}'),
                                      ("source", '${execution.getVariable("source")}'),
                                      ("reason", '${execution.getVariable("reason")}'),
                                      ("proof", '${execution.getVariable("proof")}')])
    m.node("Task_Suppress", "service", "Add to suppression list", 240, 140, a, i,
           doc="Idempotent: an opt-out by SMS is already stored by the pipeline before this process starts.")
    m.node("Gateway_Confirm", "xor", "Confirm by SMS?", 395, 155, 'default="Flow_NoConfirm"')
    a, i = service("${smsSend}", [("to", "${phone}"), ("text", "${smsTexts.optOutConfirmation(execution)}"),
                                  ("sender", OUR_NUMBER), ("category", "consent"),
                                  ("deliveredMessage", "none")])
    m.node("Task_Confirm", "service", "Send opt-out confirmation", 500, 40, a, i,
           doc="Category consent: the one message allowed after an opt-out. No marketing content.")
    m.node("Gateway_Confirmed", "xor", "", 655, 155)
    a, i = service("${crmNotify}", [("crmEvent", "unsubscribed"), ("crmFields", "phone,scope,source,reason")])
    m.node("Task_NotifyCrm", "service", "Notify CRM", 760, 140, a, i)
    a, i = service("${smsEndJourneys}", [("phone", "${phone}")])
    m.node("Task_EndJourneys", "service", "End running journeys", 920, 140, a, i,
           doc="Correlates SmsUnsubscribed into every instance whose smsRecipient or phone is this number.")
    m.node("End_Unsubscribed", "end", "Unsubscribed", 1082, 162)
    m.node("Boundary_Invalid", "boundary", "Not a phone number", 272, 202, attached="Task_Suppress",
           inner=err(m, "SMS_INVALID_RECIPIENT", "Boundary_Invalid"))
    m.node("End_Invalid", "end", "Not a phone number", 372, 282)
    m.flow("Flow_ToSuppress", "StartEvent_OptOut", "Task_Suppress")
    m.flow("Flow_ToConfirmGateway", "Task_Suppress", "Gateway_Confirm")
    m.flow("Flow_Confirm", "Gateway_Confirm", "Task_Confirm", "yes", '${execution.getVariable("sendConfirmation") == true}')
    m.flow("Flow_NoConfirm", "Gateway_Confirm", "Gateway_Confirmed", "no")
    m.flow("Flow_ConfirmSent", "Task_Confirm", "Gateway_Confirmed")
    m.flow("Flow_ToCrm", "Gateway_Confirmed", "Task_NotifyCrm")
    m.flow("Flow_ToEndJourneys", "Task_NotifyCrm", "Task_EndJourneys")
    m.flow("Flow_ToEnd", "Task_EndJourneys", "End_Unsubscribed")
    m.flow("Flow_InvalidToEnd", "Boundary_Invalid", "End_Invalid")
    m.annotate("Annotation_Gate", "The pipeline refuses any other message to this number right before the wire.",
               820, 30, "Task_NotifyCrm")
    m.write(os.path.join(OUT, "sms-unsubscribe.bpmn"))

    # ---------------------------------------------------------------- sms-resubscribe
    m = Model("sms-resubscribe", "Re-subscribe to SMS", "P180D",
              "A deliberate re-subscription (START or a code word by SMS, or an operator with a reason): the suppression "
              "is lifted and recorded as a new consent, the customer gets a confirmation if asked, the CRM is told.")
    m.node("StartEvent_Resubscribe", "start", "Re-subscribe requested", 152, 162,
           'camunda:formRef="sms-resubscribe-start" camunda:formRefBinding="deployment" camunda:initiator="initiator"')
    a, i = service("${smsResubscribe}", [("phone", "${phone}"), ("scope", '${execution.getVariable("scope")}'),
                                         ("source", '${execution.getVariable("source")}'),
                                         ("reason", '${execution.getVariable("reason")}')])
    m.node("Task_Lift", "service", "Lift suppression", 240, 140, a, i)
    m.node("Gateway_WasSuppressed", "xor", "Was suppressed?", 395, 155, 'default="Flow_NotSuppressed"')
    m.node("End_NothingToLift", "end", "Nothing to lift", 402, 302)
    m.node("Gateway_Confirm", "xor", "Confirm by SMS?", 495, 155, 'default="Flow_NoConfirm"')
    a, i = service("${smsSend}", [("to", "${phone}"), ("text", "${smsTexts.resubscribeConfirmation(execution)}"),
                                  ("sender", OUR_NUMBER), ("category", "transactional"),
                                  ("deliveredMessage", "none")])
    m.node("Task_Confirm", "service", "Send re-subscribe confirmation", 600, 40, a, i)
    m.node("Gateway_Confirmed", "xor", "", 755, 155)
    m.node("Boundary_StillSuppressed", "boundary", "Still opted out elsewhere", 632, 102, attached="Task_Confirm",
           inner=err(m, "SMS_SUPPRESSED", "Boundary_StillSuppressed"))
    m.node("End_StillSuppressed", "end", "Not confirmed: opted out in another scope", 732, 302)
    a, i = service("${crmNotify}", [("crmEvent", "resubscribed"), ("crmFields", "phone,scope,source,reason")])
    m.node("Task_NotifyCrm", "service", "Notify CRM", 860, 140, a, i)
    m.node("End_Resubscribed", "end", "Re-subscribed", 1022, 162)
    m.node("Boundary_Invalid", "boundary", "Not a phone number", 272, 202, attached="Task_Lift",
           inner=err(m, "SMS_INVALID_RECIPIENT", "Boundary_Invalid"))
    m.node("End_Invalid", "end", "Not a phone number", 292, 302)
    m.flow("Flow_ToLift", "StartEvent_Resubscribe", "Task_Lift")
    m.flow("Flow_ToWasSuppressed", "Task_Lift", "Gateway_WasSuppressed")
    m.flow("Flow_WasSuppressed", "Gateway_WasSuppressed", "Gateway_Confirm", "yes", "${resubscribed}")
    m.flow("Flow_NotSuppressed", "Gateway_WasSuppressed", "End_NothingToLift", "no")
    m.flow("Flow_Confirm", "Gateway_Confirm", "Task_Confirm", "yes", '${execution.getVariable("sendConfirmation") == true}')
    m.flow("Flow_NoConfirm", "Gateway_Confirm", "Gateway_Confirmed", "no")
    m.flow("Flow_ConfirmSent", "Task_Confirm", "Gateway_Confirmed")
    m.flow("Flow_ToCrm", "Gateway_Confirmed", "Task_NotifyCrm")
    m.flow("Flow_ToEnd", "Task_NotifyCrm", "End_Resubscribed")
    m.flow("Flow_InvalidToEnd", "Boundary_Invalid", "End_Invalid")
    m.flow("Flow_StillSuppressedToEnd", "Boundary_StillSuppressed", "End_StillSuppressed")
    m.write(os.path.join(OUT, "sms-resubscribe.bpmn"))

    # ---------------------------------------------------------------- sms-unsolicited-reply
    m = Model("sms-unsolicited-reply", "Unsolicited SMS reply", "P180D",
              "A message no conversation waits for. The pipeline allows an automatic answer (the help text) at most once "
              "per number and day (variable autoReply); otherwise an operator reads it and may unsubscribe the number.")
    m.node("StartEvent_Message", "start", "Message without a conversation", 152, 162)
    m.node("Gateway_Auto", "xor", "Answer automatically?", 245, 155, 'default="Flow_Operator"')
    a, i = service("${smsSend}", [("to", "${phone}"), ("text", "${smsTexts.help}"), ("sender", OUR_NUMBER),
                                  ("category", "transactional"), ("deliveredMessage", "none")])
    m.node("Task_SendHelp", "service", "Send help text", 360, 40, a, i)
    m.node("End_Answered", "end", "Answered automatically", 532, 62)
    m.node("Boundary_Suppressed", "boundary", "Opted out", 392, 102, attached="Task_SendHelp",
           inner=err(m, "SMS_SUPPRESSED", "Boundary_Suppressed"))
    m.node("End_NotAnswered", "end", "Opted out: not answered", 532, 142)
    m.node("Task_Handle", "user", "Handle unsolicited reply", 360, 240,
           'camunda:candidateGroups="sms-operators,camunda-admin" camunda:formRef="sms-unsolicited-reply-task" '
           'camunda:formRefBinding="deployment"',
           doc="The form shows who wrote what; the operator answers outside the system or unsubscribes the number.")
    m.node("Gateway_Action", "xor", "Operator action?", 525, 255, 'default="Flow_NoAction"')
    m.node("Call_Unsubscribe", "call", "Unsubscribe the number", 630, 240,
           'calledElement="sms-unsubscribe" camunda:calledElementBinding="latest" camunda:asyncBefore="true"',
           '<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R3/PT10S</camunda:failedJobRetryTimeCycle>'
           '<camunda:in sourceExpression="${phone}" target="phone" />'
           '<camunda:in sourceExpression="OPERATOR" target="source" />'
           '<camunda:in sourceExpression="${execution.getVariable(&quot;operatorNote&quot;)}" target="reason" />'
           '<camunda:in sourceExpression="${smsReplyText}" target="proof" />'
           '<camunda:in sourceExpression="${execution.getVariable(&quot;ourNumber&quot;)}" target="ourNumber" />'
           '<camunda:in sourceExpression="${smsTexts.confirmCrmOptOuts}" target="sendConfirmation" />'
           '</bpmn:extensionElements>',
           doc="The whole unsubscribe journey: suppression with the message as proof, CRM told, running journeys ended.")
    m.node("End_Unsubscribed", "end", "Unsubscribed by operator", 792, 262)
    m.node("End_Handled", "end", "Handled", 632, 372)
    m.flow("Flow_ToAuto", "StartEvent_Message", "Gateway_Auto")
    m.flow("Flow_Auto", "Gateway_Auto", "Task_SendHelp", "yes", "${autoReply}")
    m.flow("Flow_Operator", "Gateway_Auto", "Task_Handle", "no")
    m.flow("Flow_HelpSent", "Task_SendHelp", "End_Answered")
    m.flow("Flow_SuppressedToEnd", "Boundary_Suppressed", "End_NotAnswered")
    m.flow("Flow_ToAction", "Task_Handle", "Gateway_Action")
    m.flow("Flow_Unsubscribe", "Gateway_Action", "Call_Unsubscribe", "unsubscribe", '${operatorAction == "unsubscribe"}')
    m.flow("Flow_NoAction", "Gateway_Action", "End_Handled", "none")
    m.flow("Flow_SuppressedByOperator", "Call_Unsubscribe", "End_Unsubscribed")
    m.write(os.path.join(OUT, "sms-unsolicited-reply.bpmn"))
    print("written")


if __name__ == "__main__":
    main()
