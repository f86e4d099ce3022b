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


# ---------------------------------------------------------------- appointment-reminder
def crm(event, fields, prefix=None):
    inputs = [("crmEvent", event), ("crmFields", fields)]
    if prefix:
        inputs.append(("crmResultPrefix", prefix))
    return service("${crmNotify}", inputs)


def ask_call(template, count_sent=False, to="${phone}",
             timeout='${execution.getVariable(&quot;reminderWindow&quot;) != null ? reminderWindow : &quot;PT24H&quot;}'):
    counter = ('<camunda:executionListener expression="${execution.setVariable(&quot;remindersSent&quot;, '
               'execution.getVariable(&quot;remindersSent&quot;) == null ? 1 : remindersSent + 1)}" event="start" />'
               if count_sent else "")
    ins = counter + "<camunda:failedJobRetryTimeCycle>R3/PT10S</camunda:failedJobRetryTimeCycle>" + ('<camunda:in businessKey="#{execution.processBusinessKey}" />'
           f'<camunda:in sourceExpression="{to}" target="to" />'
           f'<camunda:in sourceExpression="${{smsTemplates.render(\'{template}\', execution)}}" target="text" />'
           '<camunda:in sourceExpression="${locale}" target="locale" />'
           '<camunda:in sourceExpression="${execution.getVariable(&quot;sender&quot;)}" target="sender" />'
           f'<camunda:in sourceExpression="{timeout}" target="replyTimeout" />'
           '<camunda:out source="askOutcome" target="askOutcome" />'
           '<camunda:out source="smsReplyIntent" target="smsReplyIntent" />'
           '<camunda:out source="smsReplyChoice" target="smsReplyChoice" />'
           '<camunda:out source="smsReplyText" target="smsReplyText" />'
           '<camunda:out source="smsReplyReceivedAt" target="smsReplyReceivedAt" />')
    return ('calledElement="sms-ask" camunda:calledElementBinding="latest" camunda:asyncBefore="true" '
            'camunda:modelerTemplate="io.smsflows.AskBySms" camunda:modelerTemplateVersion="1"',
            f"<bpmn:extensionElements>{ins}</bpmn:extensionElements>")


def sms(template):
    return service("${smsSend}", [("to", "${phone}"), ("template", template), ("locale", "${locale}"),
                                  ("sender", SENDER), ("category", "transactional"), ("deliveredMessage", "none")])


def set_var(var, value):
    return (f'<bpmn:extensionElements><camunda:executionListener expression="${{execution.setVariable(\'{var}\', '
            f'\'{value}\')}}" event="start" /></bpmn:extensionElements>')


def main_appointment():
    m = Model("appointment-reminder", "Appointment reminder", "P180D",
              "Started by the CRM (business key = appointment id, also in appointmentId) with phone, firstName, locale, appointmentStart "
              "(ISO-8601 with offset), place, service (named in the texts), optional practitioner, reminderPlan (default D-1 at 18:00 and "
              "T-3h) and sender. Sends each reminder at its time (past ones are skipped, none after the start), "
              "waits for YES / NO / R until the next reminder, tells the CRM, offers alternative slots for R. "
              "CRM events AppointmentChanged and AppointmentCancelled are handled while reminding. "
              "Outcome variable appointmentOutcome = confirmed, cancelled, rescheduled, unconfirmed, failed, "
              "optedOut or handled.")
    m.node("StartEvent_Booked", "start", "Appointment booked", 152, 302,
           'camunda:formRef="appointment-reminder-start" camunda:formRefBinding="deployment"')
    m.node("Task_Plan", "service", "Plan reminders", 220, 280,
           'camunda:asyncBefore="true" camunda:expression="${appointmentReminders.plan(execution)}"',
           doc="Reminder times still ahead (reminder1At..), and the start formatted for the texts.")
    m.node("Gateway_BeforeRemind", "xor", "", 355, 295)
    m.node("Sub_Remind", "sub", "Remind until answered", 440, 130, size=(1000, 420))
    P = "Sub_Remind"
    m.node("Sub_Start", "start", "Remind", 472, 302, parent=P)
    m.node("Gateway_Loop", "xor", "", 545, 295, parent=P)
    m.node("Task_Next", "service", "Next reminder", 630, 280, 'camunda:expression="${appointmentReminders.next(execution)}"',
           parent=P)
    m.node("Gateway_Left", "xor", "Reminder left?", 775, 295, 'default="Flow_NoneLeft"', parent=P)
    m.node("End_NoneLeft", "end", "No answer", 782, 452, inner=set_var("reminderOutcome", "unconfirmed"), parent=P)
    m.node("Event_ReminderTime", "timer", "Reminder time", 872, 302, parent=P,
           inner='<bpmn:timerEventDefinition id="Event_ReminderTime_Def"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">'
                 '${nextReminderAt}</bpmn:timeDate></bpmn:timerEventDefinition>')
    a, i = ask_call("appointment-reminder", count_sent=True)
    m.node("Call_Remind", "call", "Send reminder and wait for the answer", 950, 280, a, i, parent=P,
           doc="sms-ask: YES / NO / R, until the next reminder (reminderWindow).")
    m.node("Gateway_Answer", "xor", "Answered?", 1095, 295, 'default="Flow_Answered"', parent=P)
    m.node("End_NotDelivered", "end", "Not delivered", 1102, 172, inner=set_var("reminderOutcome", "failed"), parent=P)
    m.node("End_RefusedOptedOut", "end", "Opted out", 1182, 172, inner=set_var("reminderOutcome", "optedOut"), parent=P)
    m.node("Gateway_Intent", "xor", "What did they say?", 1195, 295, 'default="Flow_Unknown"', parent=P)
    m.node("End_Confirm", "end", "Yes", 1352, 162, inner=set_var("reminderOutcome", "confirmed"), parent=P)
    m.node("End_Cancel", "end", "No", 1352, 242, inner=set_var("reminderOutcome", "cancelled"), parent=P)
    m.node("End_Reschedule", "end", "Reschedule", 1352, 322, inner=set_var("reminderOutcome", "reschedule"), parent=P)
    m.node("End_Stop", "end", "Stop", 1352, 402, inner=set_var("reminderOutcome", "optedOut"), parent=P)
    m.node("End_Unknown", "end", "Not understood", 1352, 482, inner=set_var("reminderOutcome", "unknown"), parent=P)
    m.flow("Flow_SubStart", "Sub_Start", "Gateway_Loop")
    m.flow("Flow_ToNext", "Gateway_Loop", "Task_Next")
    m.flow("Flow_ToLeft", "Task_Next", "Gateway_Left")
    m.flow("Flow_Left", "Gateway_Left", "Event_ReminderTime", "yes", "${nextReminderAt != null}")
    m.flow("Flow_NoneLeft", "Gateway_Left", "End_NoneLeft", "no")
    m.flow("Flow_ToRemind", "Event_ReminderTime", "Call_Remind")
    m.flow("Flow_ToAnswer", "Call_Remind", "Gateway_Answer")
    m.flow("Flow_NoReply", "Gateway_Answer", "Gateway_Loop", "no reply", '${askOutcome == "noReply"}',
           waypoints=[(1120, 345), (1120, 520), (570, 520), (570, 345)])
    m.flow("Flow_Undelivered", "Gateway_Answer", "End_NotDelivered", "not delivered",
           '${askOutcome == "notDelivered" || askOutcome == "invalidNumber" || askOutcome == "tooLong"}')
    m.flow("Flow_OptedOut", "Gateway_Answer", "End_RefusedOptedOut", "opted out", '${askOutcome == "optedOut"}',
           waypoints=[(1120, 295), (1120, 250), (1200, 250), (1200, 208)])
    m.flow("Flow_Answered", "Gateway_Answer", "Gateway_Intent", "answered")
    m.flow("Flow_Confirm", "Gateway_Intent", "End_Confirm", "yes", '${smsReplyIntent == "CONFIRM"}')
    m.flow("Flow_Cancel", "Gateway_Intent", "End_Cancel", "no", '${smsReplyIntent == "CANCEL"}')
    m.flow("Flow_Reschedule", "Gateway_Intent", "End_Reschedule", "reschedule", '${smsReplyIntent == "RESCHEDULE"}')
    m.flow("Flow_Stop", "Gateway_Intent", "End_Stop", "stop", '${smsReplyIntent == "STOP"}')
    m.flow("Flow_Unknown", "Gateway_Intent", "End_Unknown", "other")

    # CRM events and opt-out while reminding
    m.node("Boundary_Changed", "boundary", "Appointment changed", 582, 532, attached="Sub_Remind",
           inner=msg(m, "AppointmentChanged", "Boundary_Changed"))
    m.node("Task_Replan", "service", "Re-plan reminders", 550, 640,
           'camunda:asyncBefore="true" camunda:expression="${appointmentReminders.replan(execution)}"',
           doc="New appointmentStart from the CRM event; customerReminded = a reminder had gone out.")
    m.node("Gateway_Reminded", "xor", "Customer already reminded?", 455, 655, 'default="Flow_NotReminded"')
    a, i = sms("appointment-changed")
    m.node("Task_TellChanged", "service", "Tell the customer the new time", 330, 560, a, i)
    m.node("Boundary_Cancelled", "boundary", "Appointment cancelled", 782, 532, attached="Sub_Remind",
           inner=msg(m, "AppointmentCancelled", "Boundary_Cancelled"))
    m.node("Gateway_CancelReminded", "xor", "Customer already reminded?", 775, 655, 'default="Flow_CancelNotReminded"')
    a, i = sms("appointment-cancelled")
    m.node("Task_TellCancelled", "service", "Tell the customer it is cancelled", 880, 640, a, i)
    m.node("End_CancelledByCrm", "end", "Cancelled by the CRM", 1032, 662, inner=set_var("appointmentOutcome", "cancelled"))
    m.node("End_CancelledSilently", "end", "Cancelled by the CRM", 782, 782, inner=set_var("appointmentOutcome", "cancelled"))
    m.node("Boundary_Unsubscribed", "boundary", "Customer opted out", 1082, 532, attached="Sub_Remind",
           inner=msg(m, "SmsUnsubscribed", "Boundary_Unsubscribed"))
    m.node("End_Unsubscribed", "end", "Opted out", 1182, 782, inner=set_var("appointmentOutcome", "optedOut"))
    m.flow("Flow_ToPlan", "StartEvent_Booked", "Task_Plan")
    m.flow("Flow_PlanToRemind", "Task_Plan", "Gateway_BeforeRemind")
    m.flow("Flow_ToRemindSub", "Gateway_BeforeRemind", "Sub_Remind")
    m.flow("Flow_ChangedToReplan", "Boundary_Changed", "Task_Replan", waypoints=[(600, 568), (600, 640)])
    m.flow("Flow_ToReminded", "Task_Replan", "Gateway_Reminded", waypoints=[(550, 680), (505, 680)])
    m.flow("Flow_Reminded", "Gateway_Reminded", "Task_TellChanged", "yes", "${customerReminded}",
           waypoints=[(480, 655), (480, 600), (430, 600)])
    m.flow("Flow_NotReminded", "Gateway_Reminded", "Gateway_BeforeRemind", "no",
           waypoints=[(455, 680), (380, 680), (380, 345)])
    m.flow("Flow_TellChangedToRemind", "Task_TellChanged", "Gateway_BeforeRemind",
           waypoints=[(380, 560), (380, 345)])
    m.flow("Flow_CancelledToGateway", "Boundary_Cancelled", "Gateway_CancelReminded", waypoints=[(800, 568), (800, 655)])
    m.flow("Flow_CancelReminded", "Gateway_CancelReminded", "Task_TellCancelled", "yes",
           '${execution.getVariable("remindersSent") != null && remindersSent > 0}',
           waypoints=[(825, 680), (880, 680)])
    m.flow("Flow_CancelNotReminded", "Gateway_CancelReminded", "End_CancelledSilently", "no")
    m.flow("Flow_TellCancelledToEnd", "Task_TellCancelled", "End_CancelledByCrm")
    m.flow("Flow_UnsubscribedToEnd", "Boundary_Unsubscribed", "End_Unsubscribed", waypoints=[(1100, 568), (1100, 800), (1182, 800)])

    # after the reminders
    m.node("Gateway_OutcomeJoin", "xor", "", 1495, 315)
    m.node("Gateway_Outcome", "xor", "Outcome?", 1585, 315, 'default="Flow_OutcomeUnknown"')
    a, i = crm("confirmed", "appointmentId,phone,smsReplyText,smsReplyReceivedAt")
    m.node("Task_CrmConfirmed", "service", "Tell the CRM: confirmed", 1700, 60, a, i)
    a, i = sms("appointment-confirmed")
    m.node("Task_ThankYou", "service", "Send thank-you", 1850, 60, a, i)
    m.node("End_Confirmed", "end", "Confirmed", 2002, 82, inner=set_var("appointmentOutcome", "confirmed"))
    a, i = crm("cancelled", "appointmentId,phone,smsReplyText", "crm")
    m.node("Task_CrmCancelled", "service", "Tell the CRM: cancelled, slot free", 1700, 170, a, i,
           doc="The CRM releases the slot and may answer with its waitlist {\"waitlist\": [phones]}.")
    m.node("Gateway_WaitlistJoin", "xor", "", 1845, 185)
    m.node("Task_NextWaitlisted", "service", "Next on the waitlist", 1940, 170,
           'camunda:expression="${appointmentReminders.nextWaitlisted(execution)}"')
    m.node("Gateway_AnyoneLeft", "xor", "Someone waiting?", 2085, 185, 'default="Flow_NobodyLeft"')
    m.node("End_Cancelled", "end", "Cancelled", 2092, 250, inner=set_var("appointmentOutcome", "cancelled"))
    a, i = ask_call("slot-offer", to="${waitlistPhone}",
                    timeout='${execution.getVariable(&quot;waitlistWindow&quot;) != null ? waitlistWindow : &quot;PT30M&quot;}')
    m.node("Call_OfferSlot", "call", "Offer the free slot", 2180, 170, a, i,
           doc="One waitlisted customer at a time; the first YES within waitlistWindow (default PT30M) gets it.")
    m.node("Gateway_Took", "xor", "Took it?", 2325, 185, 'default="Flow_NotTaken"')
    a, i = crm("slot-taken", "appointmentId,waitlistPhone")
    m.node("Task_CrmSlotTaken", "service", "Tell the CRM who took the slot", 2420, 170, a, i)
    m.node("End_SlotRefilled", "end", "Cancelled, slot taken", 2572, 192,
           inner=set_var("appointmentOutcome", "cancelled"))
    a, i = crm("alternative-slots", "appointmentId,appointmentStart,phone", "crm")
    m.node("Task_AskSlots", "service", "Ask the CRM for 3 other slots", 1700, 280, a, i,
           doc="The CRM answers {\"slots\": [...]}: crmSlots1..3 and crmSlotsCount.")
    m.node("Gateway_Slots", "xor", "Slots offered?", 1845, 295, 'default="Flow_NoSlots"')
    a, i = ask_call("reschedule-offer")
    m.node("Call_OfferSlots", "call", "Offer the slots: reply 1, 2 or 3", 1950, 280, a, i)
    m.node("Gateway_Choice", "xor", "Valid choice?", 2095, 295, 'default="Flow_NoValidChoice"')
    a, i = crm("book-slot", "appointmentId,phone,smsReplyChoice")
    m.node("Task_BookSlot", "service", "Book the chosen slot with the CRM", 2200, 280, a, i)
    m.node("End_Rescheduled", "end", "Rescheduled", 2352, 302, inner=set_var("appointmentOutcome", "rescheduled"))
    m.node("Gateway_ByPhone", "xor", "", 2095, 415)
    m.node("Task_RescheduleByPhone", "user", "Reschedule by phone", 2200, 400,
           'camunda:candidateGroups="sms-operators,camunda-admin" camunda:formRef="appointment-call-task" '
           'camunda:formRefBinding="deployment"',
           doc="The operator agrees a new slot by phone and books it in the CRM; callNote is kept in the history.")
    m.node("End_RescheduledByPhone", "end", "Rescheduled by phone", 2352, 422,
           inner=set_var("appointmentOutcome", "rescheduled"))
    m.node("Task_HandleReply", "user", "Handle reply", 1700, 520,
           'camunda:candidateGroups="sms-operators,camunda-admin" camunda:formRef="appointment-handle-reply-task" '
           'camunda:formRefBinding="deployment"',
           doc="The operator reads the reply and picks what it means (sets reminderOutcome).")
    m.node("Gateway_OperatorChoice", "xor", "Operator's reading?", 1845, 535, 'default="Flow_OperatorDecided"')
    m.node("End_Handled", "end", "Handled by the operator", 1952, 632, inner=set_var("appointmentOutcome", "handled"))
    a, i = crm("unconfirmed", "appointmentId,phone")
    m.node("Task_CrmUnconfirmed", "service", "Tell the CRM: unconfirmed", 1700, 700, a, i)
    m.node("End_Unconfirmed", "end", "Unconfirmed", 2002, 722, inner=set_var("appointmentOutcome", "unconfirmed"))
    a, i = crm("failed", "appointmentId,phone,askOutcome")
    m.node("Task_CrmFailed", "service", "Tell the CRM: not reachable", 1700, 810, a, i)
    m.node("Task_CallCustomer", "user", "Call the customer", 1850, 810,
           'camunda:candidateGroups="sms-operators,camunda-admin" camunda:formRef="appointment-call-task" '
           'camunda:formRefBinding="deployment"',
           doc="SMS did not reach the customer: the operator calls; callNote is kept in the history.")
    m.node("End_Failed", "end", "Failed", 2002, 832, inner=set_var("appointmentOutcome", "failed"))
    m.node("End_OptedOut", "end", "Opted out", 1702, 942, inner=set_var("appointmentOutcome", "optedOut"))
    m.flow("Flow_SubToOutcome", "Sub_Remind", "Gateway_OutcomeJoin", waypoints=[(1440, 340), (1495, 340)])
    m.flow("Flow_ToOutcome", "Gateway_OutcomeJoin", "Gateway_Outcome")
    m.flow("Flow_OutcomeConfirmed", "Gateway_Outcome", "Task_CrmConfirmed", "confirmed",
           '${reminderOutcome == "confirmed"}')
    m.flow("Flow_ThankYou", "Task_CrmConfirmed", "Task_ThankYou")
    m.flow("Flow_ThankYouToEnd", "Task_ThankYou", "End_Confirmed")
    m.flow("Flow_OutcomeCancelled", "Gateway_Outcome", "Task_CrmCancelled", "cancelled",
           '${reminderOutcome == "cancelled"}')
    m.flow("Flow_CancelledToWaitlist", "Task_CrmCancelled", "Gateway_WaitlistJoin")
    m.flow("Flow_ToNextWaitlisted", "Gateway_WaitlistJoin", "Task_NextWaitlisted")
    m.flow("Flow_ToAnyoneLeft", "Task_NextWaitlisted", "Gateway_AnyoneLeft")
    m.flow("Flow_SomeoneLeft", "Gateway_AnyoneLeft", "Call_OfferSlot", "yes", "${waitlistPhone != null}")
    m.flow("Flow_NobodyLeft", "Gateway_AnyoneLeft", "End_Cancelled", "no")
    m.flow("Flow_ToTook", "Call_OfferSlot", "Gateway_Took")
    m.flow("Flow_Took", "Gateway_Took", "Task_CrmSlotTaken", "yes",
           '${askOutcome == "answered" && smsReplyIntent == "CONFIRM"}')
    m.flow("Flow_NotTaken", "Gateway_Took", "Gateway_WaitlistJoin", "no",
           waypoints=[(2350, 185), (2350, 158), (1870, 158), (1870, 185)])
    m.flow("Flow_SlotTakenToEnd", "Task_CrmSlotTaken", "End_SlotRefilled")
    m.flow("Flow_OutcomeReschedule", "Gateway_Outcome", "Task_AskSlots", "reschedule",
           '${reminderOutcome == "reschedule"}')
    m.flow("Flow_ToSlots", "Task_AskSlots", "Gateway_Slots")
    m.flow("Flow_Slots", "Gateway_Slots", "Call_OfferSlots", "yes",
           '${execution.getVariable("crmSlotsCount") != null && crmSlotsCount > 0}')
    m.flow("Flow_NoSlots", "Gateway_Slots", "Gateway_ByPhone", "no", waypoints=[(1870, 345), (1870, 440), (2095, 440)])
    m.flow("Flow_ToChoice", "Call_OfferSlots", "Gateway_Choice")
    m.flow("Flow_ValidChoice", "Gateway_Choice", "Task_BookSlot", "yes",
           '${askOutcome == "answered" && smsReplyIntent == "CHOICE" && smsReplyChoice <= crmSlotsCount}')
    m.flow("Flow_NoValidChoice", "Gateway_Choice", "Gateway_ByPhone", "no")
    m.flow("Flow_BookedToEnd", "Task_BookSlot", "End_Rescheduled")
    m.flow("Flow_ToByPhone", "Gateway_ByPhone", "Task_RescheduleByPhone")
    m.flow("Flow_ByPhoneToEnd", "Task_RescheduleByPhone", "End_RescheduledByPhone")
    m.flow("Flow_OutcomeUnknown", "Gateway_Outcome", "Task_HandleReply", "not understood")
    m.flow("Flow_ToOperatorChoice", "Task_HandleReply", "Gateway_OperatorChoice")
    m.flow("Flow_OperatorHandled", "Gateway_OperatorChoice", "End_Handled", "nothing to do",
           '${reminderOutcome == "handled"}')
    m.flow("Flow_OperatorDecided", "Gateway_OperatorChoice", "Gateway_OutcomeJoin", "as chosen",
           waypoints=[(1870, 585), (1870, 610), (1520, 610), (1520, 365)])
    m.flow("Flow_OutcomeUnconfirmed", "Gateway_Outcome", "Task_CrmUnconfirmed", "unconfirmed",
           '${reminderOutcome == "unconfirmed"}')
    m.flow("Flow_UnconfirmedToEnd", "Task_CrmUnconfirmed", "End_Unconfirmed")
    m.flow("Flow_OutcomeFailed", "Gateway_Outcome", "Task_CrmFailed", "not reachable", '${reminderOutcome == "failed"}')
    m.flow("Flow_ToCallCustomer", "Task_CrmFailed", "Task_CallCustomer")
    m.flow("Flow_CallToEnd", "Task_CallCustomer", "End_Failed")
    m.flow("Flow_OutcomeOptedOut", "Gateway_Outcome", "End_OptedOut", "opted out", '${reminderOutcome == "optedOut"}')
    m.annotate("Annotation_Stop", "STOP: the unsubscribe journey ends this one (SmsUnsubscribed); no further message "
               "is sent.", 1150, 650, "Boundary_Unsubscribed")
    m.write(os.path.join(OUT, "appointment-reminder.bpmn"))


main_appointment()
print("written appointment-reminder")
