"""The journeys of SMS Flows (first layout). Run: python3 tools/bpmn-layout/journey_models.py"""
import os
from layout import Model
from sms_models import service, msg, timer, err, OUT


def outcomes(var, value, extra=None):
    listeners = [f'<camunda:executionListener expression="${{execution.setVariable(\'{var}\', \'{value}\')}}" event="start" />']
    if extra:
        listeners.append(f'<camunda:executionListener expression="{extra}" event="start" />')
    return "<bpmn:extensionElements>" + "".join(listeners) + "</bpmn:extensionElements>"


REVENUE = "${execution.setVariable('recoveredRevenue', execution.getVariable('orderValue'))}"
SENDER = '${execution.getVariable("sender")}'


def send(template):
    return service("${smsSend}", [("to", "${phone}"), ("template", template), ("locale", "${locale}"),
                                  ("sender", SENDER), ("category", "marketing"), ("deliveredMessage", "none")])


m = Model("abandoned-cart", "Abandoned cart follow-up", "P90D",
          "Started by the shop when a cart is abandoned (business key = cart id; variables phone, firstName, locale, "
          "shopName, cartLink, cartValue, optional discountCode, delay (default PT45M), nudgeDelay (PT24H), "
          "recoveryWindow (P2D), marketingConsent asserted by the CRM). Marketing: sends nothing without consent or "
          "to an opted-out number. OrderPlaced at any point ends it. Outcome variable cartOutcome = recovered, "
          "notRecovered, suppressed, noConsent or invalidNumber; recoveredRevenue = the order value.")
m.node("StartEvent_CartAbandoned", "start", "Cart abandoned", 152, 242,
       'camunda:formRef="abandoned-cart-start" camunda:formRefBinding="deployment"')
a, i = service("${smsMarketingConsent}", [("phone", "${phone}"), ("sender", SENDER)])
m.node("Task_CheckConsent", "service", "Check marketing consent", 230, 220, a, i,
       doc="Fails closed: consent must be asserted by the CRM (marketingConsent) and the number not opted out.")
m.node("Gateway_Consent", "xor", "Marketing consent?", 385, 235, 'default="Flow_NoConsent"')
m.node("End_NoConsent", "end", "No consent", 392, 372, inner=outcomes("cartOutcome", "noConsent"))
m.node("Gateway_WaitBeforeSms", "ebg", "Ordered in the meantime?", 485, 235)
m.node("Event_WaitOver", "timer", "Delay over", 592, 242,
       inner=timer("Event_WaitOver", '${execution.getVariable("delay") != null ? delay : "PT45M"}'))
m.node("Event_OrderedBeforeSms", "catch", "Order placed", 592, 372, inner=msg(m, "OrderPlaced", "Event_OrderedBeforeSms"))
m.node("End_RecoveredBeforeSms", "end", "Recovered before the SMS", 712, 372,
       inner=outcomes("cartOutcome", "recovered", REVENUE))
a, i = send("abandoned-cart")
m.node("Task_SendReminder", "service", "Send cart reminder", 680, 220, a, i,
       doc="Template abandoned-cart (sms-templates decision): cart link and the STOP instruction.")
m.node("Boundary_Suppressed", "boundary", "Opted out", 692, 282, attached="Task_SendReminder",
       inner=err(m, "SMS_SUPPRESSED", "Boundary_Suppressed"))
m.node("Boundary_Invalid", "boundary", "Invalid number", 742, 282, attached="Task_SendReminder",
       inner=err(m, "SMS_INVALID_RECIPIENT", "Boundary_Invalid"))
m.node("End_Suppressed", "end", "Opted out", 832, 472, inner=outcomes("cartOutcome", "suppressed"))
m.node("End_InvalidNumber", "end", "Invalid number", 832, 552, inner=outcomes("cartOutcome", "invalidNumber"))
m.node("Gateway_Discount", "xor", "Discount code to offer?", 835, 235, 'default="Flow_NoDiscount"')
m.node("Gateway_AfterReminder", "ebg", "Ordered after the reminder?", 935, 125)
m.node("Event_OrderedAfterReminder", "catch", "Order placed", 1042, 42,
       inner=msg(m, "OrderPlaced", "Event_OrderedAfterReminder"))
m.node("End_RecoveredAfterReminder", "end", "Recovered", 1162, 42, inner=outcomes("cartOutcome", "recovered", REVENUE))
m.node("Event_UnsubscribedAfterReminder", "catch", "Customer opted out", 1042, 132,
       inner=msg(m, "SmsUnsubscribed", "Event_UnsubscribedAfterReminder"))
m.node("End_OptedOutAfterReminder", "end", "Opted out", 1162, 132, inner=outcomes("cartOutcome", "suppressed"))
m.node("Event_NudgeDue", "timer", "Nudge due", 1042, 212,
       inner=timer("Event_NudgeDue", '${execution.getVariable("nudgeDelay") != null ? nudgeDelay : "PT24H"}'))
a, i = send("abandoned-cart-nudge")
m.node("Task_SendNudge", "service", "Send nudge with discount", 1130, 190, a, i)
m.node("Boundary_NudgeSuppressed", "boundary", "Opted out", 1162, 252, attached="Task_SendNudge",
       inner=err(m, "SMS_SUPPRESSED", "Boundary_NudgeSuppressed"))
m.node("End_NudgeSuppressed", "end", "Opted out", 1212, 300, inner=outcomes("cartOutcome", "suppressed"))
m.node("Gateway_Join", "xor", "", 1285, 345)
m.node("Gateway_Final", "ebg", "Ordered in the end?", 1385, 345)
m.node("Event_OrderedFinally", "catch", "Order placed", 1492, 262, inner=msg(m, "OrderPlaced", "Event_OrderedFinally"))
m.node("End_RecoveredFinally", "end", "Recovered", 1612, 262, inner=outcomes("cartOutcome", "recovered", REVENUE))
m.node("Event_UnsubscribedFinally", "catch", "Customer opted out", 1492, 352,
       inner=msg(m, "SmsUnsubscribed", "Event_UnsubscribedFinally"))
m.node("End_OptedOutFinally", "end", "Opted out", 1612, 352, inner=outcomes("cartOutcome", "suppressed"))
m.node("Event_WindowOver", "timer", "Recovery window over", 1492, 442,
       inner=timer("Event_WindowOver", '${execution.getVariable("recoveryWindow") != null ? recoveryWindow : "P2D"}'))
m.node("End_NotRecovered", "end", "Not recovered", 1612, 442, inner=outcomes("cartOutcome", "notRecovered"))
m.flow("Flow_ToConsent", "StartEvent_CartAbandoned", "Task_CheckConsent")
m.flow("Flow_ToConsentGateway", "Task_CheckConsent", "Gateway_Consent")
m.flow("Flow_Consent", "Gateway_Consent", "Gateway_WaitBeforeSms", "yes", "${consentOk}")
m.flow("Flow_NoConsent", "Gateway_Consent", "End_NoConsent", "no")
m.flow("Flow_ToWaitOver", "Gateway_WaitBeforeSms", "Event_WaitOver")
m.flow("Flow_ToOrderedBeforeSms", "Gateway_WaitBeforeSms", "Event_OrderedBeforeSms")
m.flow("Flow_OrderedBeforeSmsToEnd", "Event_OrderedBeforeSms", "End_RecoveredBeforeSms")
m.flow("Flow_ToSendReminder", "Event_WaitOver", "Task_SendReminder")
m.flow("Flow_SuppressedToEnd", "Boundary_Suppressed", "End_Suppressed")
m.flow("Flow_InvalidToEnd", "Boundary_Invalid", "End_InvalidNumber")
m.flow("Flow_ToDiscount", "Task_SendReminder", "Gateway_Discount")
m.flow("Flow_Discount", "Gateway_Discount", "Gateway_AfterReminder", "yes",
       '${execution.getVariable("discountCode") != null}')
m.flow("Flow_NoDiscount", "Gateway_Discount", "Gateway_Join", "no")
m.flow("Flow_ToOrderedAfterReminder", "Gateway_AfterReminder", "Event_OrderedAfterReminder")
m.flow("Flow_OrderedAfterReminderToEnd", "Event_OrderedAfterReminder", "End_RecoveredAfterReminder")
m.flow("Flow_ToUnsubscribedAfterReminder", "Gateway_AfterReminder", "Event_UnsubscribedAfterReminder")
m.flow("Flow_UnsubscribedAfterReminderToEnd", "Event_UnsubscribedAfterReminder", "End_OptedOutAfterReminder")
m.flow("Flow_ToNudgeDue", "Gateway_AfterReminder", "Event_NudgeDue")
m.flow("Flow_ToSendNudge", "Event_NudgeDue", "Task_SendNudge")
m.flow("Flow_NudgeSuppressedToEnd", "Boundary_NudgeSuppressed", "End_NudgeSuppressed")
m.flow("Flow_NudgeToJoin", "Task_SendNudge", "Gateway_Join")
m.flow("Flow_ToFinal", "Gateway_Join", "Gateway_Final")
m.flow("Flow_ToOrderedFinally", "Gateway_Final", "Event_OrderedFinally")
m.flow("Flow_OrderedFinallyToEnd", "Event_OrderedFinally", "End_RecoveredFinally")
m.flow("Flow_ToUnsubscribedFinally", "Gateway_Final", "Event_UnsubscribedFinally")
m.flow("Flow_UnsubscribedFinallyToEnd", "Event_UnsubscribedFinally", "End_OptedOutFinally")
m.flow("Flow_ToWindowOver", "Gateway_Final", "Event_WindowOver")
m.flow("Flow_WindowOverToEnd", "Event_WindowOver", "End_NotRecovered")
m.annotate("Annotation_Timing", "Seed 004: 30-60 minutes after abandonment works best; later, customers buy "
           "elsewhere.", 440, 100, "Gateway_WaitBeforeSms")
m.write(os.path.join(OUT, "abandoned-cart.bpmn"))
print("written")
