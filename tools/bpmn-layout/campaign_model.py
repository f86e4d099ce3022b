# Lays out bpmn/src/main/resources/bpmn/campaign.bpmn (process and diagram): python3 tools/bpmn-layout/campaign_model.py
from xml.sax.saxutils import escape as e
shapes = {}   # id -> (x, y, w, h)
els = []      # xml of flow elements
flows = []    # (id, src, tgt, name, cond, waypoints)
sub_els = []
sub_flows = []

def ev(id, x, cy):  # event: 36x36 centered at (x+18, cy)
    shapes[id] = (x, cy - 18, 36, 36)
def task(id, x, cy):
    shapes[id] = (x, cy - 40, 100, 80)
def gw(id, x, cy):
    shapes[id] = (x, cy - 25, 50, 50)

RETRY = '<camunda:failedJobRetryTimeCycle>R3/PT1M</camunda:failedJobRetryTimeCycle>'
def doc(t): return f'<bpmn:documentation>{e(t)}</bpmn:documentation>'
def listener(expr, event='start'): return f'<camunda:executionListener expression="{e(expr)}" event="{event}" />'

Y = 220   # main row
YL = 460  # A/B row
# ---- main row
ev('StartEvent_Requested', 152, Y)
task('Task_BuildAudience', 230, Y)
gw('Gateway_Anyone', 385, Y)
task('Task_NotifyCrmNoAudience', 360, Y + 130)
ev('End_NoAudience', 392, Y + 250)
gw('Gateway_JoinPreview', 470, Y)
task('Task_Preview', 560, Y)
ev('Boundary_ContentInvalid', 627, Y + 40)
task('Task_Approve', 710, Y)
gw('Gateway_Approved', 865, Y)
gw('Gateway_JoinEdit', 865, Y + 110)
task('Task_Edit', 840, Y + 230)
gw('Gateway_When', 965, Y)
ev('Timer_SendAt', 1047, Y + 130)
gw('Gateway_JoinWhen', 1150, Y)
gw('Gateway_AB', 1250, Y)
task('Call_SendAll', 1370, Y)
task('Call_SendTest', 1370, YL)
ev('Timer_TestWait', 1532, YL)
task('Task_PickWinner', 1620, YL)
gw('Gateway_WinnerKnown', 1780, YL)
task('Task_PickWinnerManually', 1755, YL + 130)
gw('Gateway_JoinWinner', 1910, YL)
task('Call_SendRest', 2020, YL)
gw('Gateway_JoinSent', 2195, Y)
task('Task_Report', 2300, Y)
task('Task_NotifyCrm', 2450, Y)
gw('Gateway_Again', 2605, Y)
ev('End_Sent', 2712, Y)
ev('Timer_NextRun', 2612, 100)
# ---- cancel event subprocess
SUBY = 700
shapes['SubProcess_Cancel'] = (230, SUBY - 80, 700, 160)
ev('Start_Cancel', 272, SUBY)
task('Task_Stop', 350, SUBY)
task('Task_ReportCancelled', 500, SUBY)
task('Task_NotifyCrmCancelled', 650, SUBY)
ev('End_Cancelled', 812, SUBY)

def cx(id): x, y, w, h = shapes[id]; return x + w / 2
def cy(id): x, y, w, h = shapes[id]; return y + h / 2
def right(id): x, y, w, h = shapes[id]; return (x + w, y + h / 2)
def left(id): x, y, w, h = shapes[id]; return (x, y + h / 2)
def top(id): x, y, w, h = shapes[id]; return (x + w / 2, y)
def bottom(id): x, y, w, h = shapes[id]; return (x + w / 2, y + h)

def flow(id, s, t, name=None, cond=None, wps=None, sub=False):
    if wps is None:
        wps = [right(s), left(t)]
    (sub_flows if sub else flows).append((id, s, t, name, cond, wps))

flow('Flow_ToAudience', 'StartEvent_Requested', 'Task_BuildAudience')
flow('Flow_ToAnyone', 'Task_BuildAudience', 'Gateway_Anyone')
flow('Flow_NoAudience', 'Gateway_Anyone', 'Task_NotifyCrmNoAudience', 'no', '${audienceSize == 0}', [bottom('Gateway_Anyone'), top('Task_NotifyCrmNoAudience')])
flow('Flow_NoAudienceToEnd', 'Task_NotifyCrmNoAudience', 'End_NoAudience', None, None, [bottom('Task_NotifyCrmNoAudience'), top('End_NoAudience')])
flow('Flow_ContentInvalid', 'Boundary_ContentInvalid', 'Gateway_JoinEdit', None, None, [bottom('Boundary_ContentInvalid'), (cx('Boundary_ContentInvalid'), cy('Gateway_JoinEdit')), left('Gateway_JoinEdit')])
flow('Flow_ToPreview', 'Gateway_Anyone', 'Gateway_JoinPreview', 'yes', '${audienceSize > 0}')
flow('Flow_JoinToPreview', 'Gateway_JoinPreview', 'Task_Preview')
flow('Flow_ToApprove', 'Task_Preview', 'Task_Approve')
flow('Flow_ToApproved', 'Task_Approve', 'Gateway_Approved')
flow('Flow_Rejected', 'Gateway_Approved', 'Gateway_JoinEdit', 'no', '${approved != true}', [bottom('Gateway_Approved'), top('Gateway_JoinEdit')])
flow('Flow_JoinToEdit', 'Gateway_JoinEdit', 'Task_Edit', None, None, [bottom('Gateway_JoinEdit'), top('Task_Edit')])
flow('Flow_EditedToPreview', 'Task_Edit', 'Gateway_JoinPreview', None, None, [left('Task_Edit'), (cx('Gateway_JoinPreview'), cy('Task_Edit')), bottom('Gateway_JoinPreview')])
flow('Flow_ApprovedToWhen', 'Gateway_Approved', 'Gateway_When', 'yes', '${approved == true}')
flow('Flow_Now', 'Gateway_When', 'Gateway_JoinWhen', 'now', '${execution.getVariable("sendAt") == null}')
flow('Flow_Later', 'Gateway_When', 'Timer_SendAt', 'at a time', '${execution.getVariable("sendAt") != null}', [bottom('Gateway_When'), (cx('Gateway_When'), cy('Timer_SendAt')), left('Timer_SendAt')])
flow('Flow_SendAtToJoin', 'Timer_SendAt', 'Gateway_JoinWhen', None, None, [right('Timer_SendAt'), (cx('Gateway_JoinWhen'), cy('Timer_SendAt')), bottom('Gateway_JoinWhen')])
flow('Flow_ToAB', 'Gateway_JoinWhen', 'Gateway_AB')
flow('Flow_NoTest', 'Gateway_AB', 'Call_SendAll', 'no', '${execution.getVariable("testShare") == null}')
flow('Flow_Test', 'Gateway_AB', 'Call_SendTest', 'yes', '${execution.getVariable("testShare") != null}', [bottom('Gateway_AB'), (cx('Gateway_AB'), YL), left('Call_SendTest')])
flow('Flow_ToTestWait', 'Call_SendTest', 'Timer_TestWait')
flow('Flow_ToPickWinner', 'Timer_TestWait', 'Task_PickWinner')
flow('Flow_ToWinnerKnown', 'Task_PickWinner', 'Gateway_WinnerKnown')
flow('Flow_WinnerFound', 'Gateway_WinnerKnown', 'Gateway_JoinWinner', 'yes', '${execution.getVariable("winner") != null}')
flow('Flow_NoWinner', 'Gateway_WinnerKnown', 'Task_PickWinnerManually', 'no', '${execution.getVariable("winner") == null}', [bottom('Gateway_WinnerKnown'), top('Task_PickWinnerManually')])
flow('Flow_PickedToJoin', 'Task_PickWinnerManually', 'Gateway_JoinWinner', None, None, [right('Task_PickWinnerManually'), (cx('Gateway_JoinWinner'), cy('Task_PickWinnerManually')), bottom('Gateway_JoinWinner')])
flow('Flow_ToSendRest', 'Gateway_JoinWinner', 'Call_SendRest')
flow('Flow_RestToJoin', 'Call_SendRest', 'Gateway_JoinSent', None, None, [right('Call_SendRest'), (cx('Gateway_JoinSent'), YL), bottom('Gateway_JoinSent')])
flow('Flow_AllToJoin', 'Call_SendAll', 'Gateway_JoinSent')
flow('Flow_ToReport', 'Gateway_JoinSent', 'Task_Report')
flow('Flow_ToNotify', 'Task_Report', 'Task_NotifyCrm')
flow('Flow_ToAgain', 'Task_NotifyCrm', 'Gateway_Again')
flow('Flow_Done', 'Gateway_Again', 'End_Sent', 'no', '${!smsCampaignPlan.hasMoreRuns(execution)}')
flow('Flow_NextRun', 'Gateway_Again', 'Timer_NextRun', 'yes', '${smsCampaignPlan.hasMoreRuns(execution)}', [top('Gateway_Again'), bottom('Timer_NextRun')])
flow('Flow_RunAgain', 'Timer_NextRun', 'Gateway_JoinWhen', None, None, [left('Timer_NextRun'), (cx('Gateway_JoinWhen'), cy('Timer_NextRun')), top('Gateway_JoinWhen')])
flow('Flow_ToStop', 'Start_Cancel', 'Task_Stop', sub=True)
flow('Flow_ToReportCancelled', 'Task_Stop', 'Task_ReportCancelled', sub=True)
flow('Flow_ToNotifyCancelled', 'Task_ReportCancelled', 'Task_NotifyCrmCancelled', sub=True)
flow('Flow_ToCancelled', 'Task_NotifyCrmCancelled', 'End_Cancelled', sub=True)

allflows = flows + sub_flows
def inout(id):
    s = ''.join(f'\n      <bpmn:incoming>{f[0]}</bpmn:incoming>' for f in allflows if f[2] == id)
    s += ''.join(f'\n      <bpmn:outgoing>{f[0]}</bpmn:outgoing>' for f in allflows if f[1] == id)
    return s

def ext(*parts):
    p = ''.join(x for x in parts if x)
    return f'\n      <bpmn:extensionElements>{p}</bpmn:extensionElements>' if p else ''

def io(**params):
    return '<camunda:inputOutput>' + ''.join(f'<camunda:inputParameter name="{k}">{e(v)}</camunda:inputParameter>' for k, v in params.items()) + '</camunda:inputOutput>'

def service(id, name, delegate, documentation, template=None, extra='', async_=True):
    tpl = f' camunda:modelerTemplate="{template}" camunda:modelerTemplateVersion="1"' if template else ''
    a = ' camunda:asyncBefore="true"' if async_ else ''
    return f'''    <bpmn:serviceTask id="{id}" name="{e(name)}"{a} camunda:delegateExpression="{e(delegate)}"{tpl}>
      {doc(documentation)}{ext(RETRY if async_ else '', extra)}{inout(id)}
    </bpmn:serviceTask>'''

CRM_FIELDS = 'campaignId,campaignName,campaignOutcome,run,kpiMessages,kpiSent,kpiDelivered,kpiFailed,kpiPending,kpiNotSent,kpiParts,kpiCost,kpiUniqueClicks,kpiClickThroughRate,kpiReplies,kpiOptOuts,kpiConversions,kpiRevenue'

def call(id, name, group, variant_expr, mi, documentation):
    loop = '\n      <bpmn:multiInstanceLoopCharacteristics camunda:collection="${smsCampaignPlan.variants(execution)}" camunda:elementVariable="campaignVariant" />' if mi else ''
    ins = ('<camunda:in businessKey="#{execution.processBusinessKey}" />'
           '<camunda:in sourceExpression="${campaignId}" target="campaignId" />'
           f'<camunda:in sourceExpression="{e(variant_expr)}" target="campaignVariant" />'
           f'<camunda:in sourceExpression="${{\'{group}\'}}" target="campaignGroup" />'
           '<camunda:in source="category" target="category" />'
           '<camunda:in source="batchTimeout" target="batchTimeout" />')
    return f'''    <bpmn:callActivity id="{id}" name="{e(name)}" calledElement="sms-batch">
      {doc(documentation)}{ext(ins)}{inout(id)}{loop}
    </bpmn:callActivity>'''

els.append(f'''    <bpmn:startEvent id="StartEvent_Requested" name="Campaign requested">
      {doc('Started by POST /api/campaigns (business key: the campaign id). Variables: campaignName, category, sender, the audience (recipientsUrl, recipientsFile or recipients), variantCount with textA, textB, textC, textD (or templateA..D) and senderA, senderB, senderC, senderD, campaignFields (a JSON object of values for every text), optional testShare, testWait, winnerBy, sendAt, repeat and runs. The approval form shows audienceSummary, previewSummary, estimatedCost and currency and sets approved and approvalComment; the winner form shows testResults and sets winner.')}{inout('StartEvent_Requested')}
    </bpmn:startEvent>''')
els.append(service('Task_BuildAudience', 'Build audience', '${smsCampaignAudience}',
    'Reads the segment, file or list; numbers normalised and checked, repeats removed, opted-out and non-consenting numbers left out with their reason; the rest split at random between the variants and into the A/B test share. Stored as rows of the campaign, in this job: a CRM that fails is retried, then an incident.',
    'io.smsflows.BuildCampaignAudience'))
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_Anyone" name="Anyone to send to?">{inout('Gateway_Anyone')}
    </bpmn:exclusiveGateway>''')
els.append(service('Task_NotifyCrmNoAudience', 'Tell the CRM', '${crmNotify}',
    'POSTs the campaign-not-sent event: every number was left out (see the excluded counts).',
    'io.smsflows.NotifyCrm', io(crmEvent='campaign-not-sent', crmFields='campaignId,campaignName,campaignOutcome,audienceRows,excludedOptedOut,excludedNoConsent,excludedInvalid,excludedDuplicate')))
els.append(f'''    <bpmn:endEvent id="End_NoAudience" name="Nobody to send to">{inout('End_NoAudience')}
    </bpmn:endEvent>''')
els.append(f'''    <bpmn:boundaryEvent id="Boundary_ContentInvalid" name="Content invalid" attachedToRef="Task_Preview">
      {doc('A variant has neither a text nor a template (e.g. its text was emptied in the edit form): back to the edit.')}{inout('Boundary_ContentInvalid')}
      <bpmn:errorEventDefinition id="Boundary_ContentInvalid_Def" errorRef="Error_CAMPAIGN_CONTENT_INVALID" camunda:errorMessageVariable="approvalComment" />
    </bpmn:boundaryEvent>''')
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_JoinPreview">{inout('Gateway_JoinPreview')}
    </bpmn:exclusiveGateway>''')
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_JoinEdit">{inout('Gateway_JoinEdit')}
    </bpmn:exclusiveGateway>''')
els.append(service('Task_Preview', 'Preview content and cost', '${smsCampaignPreview}',
    'Keeps the content as it is now for the sends, then previews every variant over the real audience: encoding, parts, the longest text, rows that would be refused, cost per country and the most the campaign can cost.',
    'io.smsflows.PreviewCampaign'))
els.append(f'''    <bpmn:userTask id="Task_Approve" name="Approve campaign" camunda:candidateGroups="sms-marketer,sms-admin,camunda-admin" camunda:formRef="campaign-approve" camunda:formRefBinding="deployment">
      {doc('Check who gets it, what was left out and why, the texts as they will go out and what it will cost. Approve to send, or reject with a comment: the campaign goes back to be edited.')}{ext('<camunda:taskListener expression="${task.setName(smsTasks.name(task, &quot;Approve {campaignName}&quot;))}" event="create" />')}{inout('Task_Approve')}
    </bpmn:userTask>''')
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_Approved" name="Approved?">{inout('Gateway_Approved')}
    </bpmn:exclusiveGateway>''')
els.append(f'''    <bpmn:userTask id="Task_Edit" name="Edit campaign" camunda:candidateGroups="sms-marketer,sms-admin,camunda-admin" camunda:formRef="campaign-edit" camunda:formRefBinding="deployment">
      {doc('The approver said why not: change the texts or senders. The preview and the cost are worked out again before it goes back for approval.')}{ext('<camunda:taskListener expression="${task.setName(smsTasks.name(task, &quot;Edit {campaignName}&quot;))}" event="create" />')}{inout('Task_Edit')}
    </bpmn:userTask>''')
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_When" name="When?">{ext(listener('${smsCampaignPlan.firstRun(execution)}'))}{inout('Gateway_When')}
    </bpmn:exclusiveGateway>''')
els.append(f'''    <bpmn:intermediateCatchEvent id="Timer_SendAt" name="Send time">{inout('Timer_SendAt')}
      <bpmn:timerEventDefinition id="Timer_SendAt_Def"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${{sendAt}}</bpmn:timeDate></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>''')
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_JoinWhen">{inout('Gateway_JoinWhen')}
    </bpmn:exclusiveGateway>''')
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_AB" name="A/B test?">{inout('Gateway_AB')}
    </bpmn:exclusiveGateway>''')
els.append(call('Call_SendAll', 'Send the variants', 'all', '${campaignVariant}', True,
    'One batch per variant, to the numbers given that variant (everyone when there is one). Each waits for its batch to end; quiet hours, opt-outs and consent are checked per recipient as it goes out.'))
els.append(call('Call_SendTest', 'Send test batches', 'test', '${campaignVariant}', True,
    'One batch per variant, to that variant\'s part of the test share.'))
els.append(f'''    <bpmn:intermediateCatchEvent id="Timer_TestWait" name="Results come in">{inout('Timer_TestWait')}
      <bpmn:timerEventDefinition id="Timer_TestWait_Def"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${{testWait}}</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>''')
els.append(service('Task_PickWinner', 'Compare results', '${smsCampaignWinner}',
    'The variant with the best click rate (or reply rate, winnerBy) is the winner; none when winnerBy is manual, when nobody clicked or replied, or on a tie.',
    'io.smsflows.PickCampaignWinner'))
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_WinnerKnown" name="Winner found?">{inout('Gateway_WinnerKnown')}
    </bpmn:exclusiveGateway>''')
els.append(f'''    <bpmn:userTask id="Task_PickWinnerManually" name="Pick the winner" camunda:candidateGroups="sms-marketer,sms-admin,camunda-admin" camunda:formRef="campaign-pick-winner" camunda:formRefBinding="deployment">
      {doc('The test has not found a clear winner (or you asked to pick): compare the variants and pick the one the rest of the audience gets.')}{ext('<camunda:taskListener expression="${task.setName(smsTasks.name(task, &quot;Pick the winner of {campaignName}&quot;))}" event="create" />' + '<camunda:taskListener expression="${smsCampaignPlan.checkWinner(task)}" event="complete" />')}{inout('Task_PickWinnerManually')}
    </bpmn:userTask>''')
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_JoinWinner">{inout('Gateway_JoinWinner')}
    </bpmn:exclusiveGateway>''')
els.append(call('Call_SendRest', 'Send the winner to the rest', 'rest', '${winner}', False,
    'One batch: the winning variant to everyone outside the test. Numbers that opted out during the test are not sent.'))
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_JoinSent">{inout('Gateway_JoinSent')}
    </bpmn:exclusiveGateway>''')
els.append(service('Task_Report', 'Report results', '${smsCampaignReport}',
    'Writes the figures as variables (kpiSent, kpiDelivered, kpiUniqueClicks, kpiClickThroughRate, kpiReplies, kpiOptOuts, kpiCost...) and per variant as JSON in campaignReport.',
    'io.smsflows.ReportCampaign'))
els.append(service('Task_NotifyCrm', 'Tell the CRM', '${crmNotify}',
    'POSTs the campaign-reported event with the figures to the CRM (after each run of a recurring campaign).',
    'io.smsflows.NotifyCrm', io(crmEvent='campaign-reported', crmFields=CRM_FIELDS)))
els.append(f'''    <bpmn:exclusiveGateway id="Gateway_Again" name="Another run?">{inout('Gateway_Again')}
    </bpmn:exclusiveGateway>''')
els.append(f'''    <bpmn:intermediateCatchEvent id="Timer_NextRun" name="Next run">{inout('Timer_NextRun')}
      <bpmn:timerEventDefinition id="Timer_NextRun_Def"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${{smsCampaignPlan.nextRun(execution)}}</bpmn:timeDate></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>''')
els.append(f'''    <bpmn:endEvent id="End_Sent" name="Campaign sent">{inout('End_Sent')}
    </bpmn:endEvent>''')
# event subprocess
sub = []
sub.append(f'''      <bpmn:startEvent id="Start_Cancel" name="Cancel campaign">{inout('Start_Cancel')}
        <bpmn:messageEventDefinition id="Start_Cancel_Def" messageRef="Message_CancelCampaign" />
      </bpmn:startEvent>''')
sub.append(service('Task_Stop', 'Stop unsent messages', '${smsCampaignStop}',
    'Cancels the campaign\'s batches: what is queued never goes out; what is on the wire finishes and its receipts still count.',
    'io.smsflows.StopCampaign').replace('\n    ', '\n      ').replace('    <bpmn:serviceTask', '      <bpmn:serviceTask'))
sub.append(service('Task_ReportCancelled', 'Report results', '${smsCampaignReport}',
    'The figures of what went out before the cancel.', 'io.smsflows.ReportCampaign',
    listener("${execution.setVariable('campaignOutcome', 'cancelled')}", 'end')).replace('\n    ', '\n      ').replace('    <bpmn:serviceTask', '      <bpmn:serviceTask'))
sub.append(service('Task_NotifyCrmCancelled', 'Tell the CRM', '${crmNotify}',
    'POSTs the campaign-cancelled event with the figures to the CRM.', 'io.smsflows.NotifyCrm',
    io(crmEvent='campaign-cancelled', crmFields=CRM_FIELDS)).replace('\n    ', '\n      ').replace('    <bpmn:serviceTask', '      <bpmn:serviceTask'))
sub.append(f'''      <bpmn:endEvent id="End_Cancelled" name="Campaign cancelled">{inout('End_Cancelled')}
      </bpmn:endEvent>''')

FLOW_LISTENERS = {
    'Flow_NoAudience': "${execution.setVariable('campaignOutcome', 'noAudience')}",
    'Flow_RunAgain': '${smsCampaignPlan.countRun(execution)}',
}
def flow_xml(f, indent='    '):
    id, s, t, name, cond, wps = f
    n = f' name="{e(name)}"' if name else ''
    lst = f'\n{indent}  <bpmn:extensionElements><camunda:executionListener expression="{e(FLOW_LISTENERS[id])}" event="take" /></bpmn:extensionElements>' if id in FLOW_LISTENERS else ''
    if cond or lst:
        c = f'\n{indent}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{e(cond)}</bpmn:conditionExpression>' if cond else ''
        return f'{indent}<bpmn:sequenceFlow id="{id}"{n} sourceRef="{s}" targetRef="{t}">{lst}{c}\n{indent}</bpmn:sequenceFlow>'
    return f'{indent}<bpmn:sequenceFlow id="{id}"{n} sourceRef="{s}" targetRef="{t}" />'

names = {}
import re
def label_bounds(id):
    x, y, w, h = shapes[id]
    if id.startswith('Gateway') and id != 'Gateway_Again':
        return (x + w / 2 - 50, y - 32, 100, 27)
    if id == 'Timer_NextRun':
        return (x + w / 2 - 50, y - 20, 100, 14)
    if id.startswith('Boundary'):
        return (x + w + 2, y + h - 4, 80, 27)
    if id.startswith('Gateway') or id.startswith('End') or id.startswith('Start') or id.startswith('Timer'):
        return (x + w / 2 - 50, y + h + 5, 100, 27)
    return None

out = []
out.append('''<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_campaign" targetNamespace="http://smsflows.io/bpmn" exporter="SMS Flows" exporterVersion="0.1.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
  <bpmn:process id="campaign" name="SMS campaign" isExecutable="true" camunda:isStartableInTasklist="false" camunda:historyTimeToLive="P400D">
    <bpmn:documentation>An SMS campaign as one process instance: its audience is rows of the pipeline, sent as one batch per variant (never an instance per recipient). Audience checked before approval; approval with the cost in Tasklist, reject and edit; now, at a time or recurring; an A/B test of 2-4 variants on a share of the audience, the winner (by clicks or replies, or picked by a person) to the rest; figures reported to Cockpit and the CRM. "Cancel campaign" stops what is not on the wire yet.</bpmn:documentation>''')
out += els
out.append(f'''    <bpmn:subProcess id="SubProcess_Cancel" name="Cancelled" triggeredByEvent="true">''')
out += sub
out += [flow_xml(f, '      ') for f in sub_flows]
out.append('    </bpmn:subProcess>')
out += [flow_xml(f) for f in flows]
out.append('  </bpmn:process>')
out.append('  <bpmn:message id="Message_CancelCampaign" name="CancelCampaign" />')
out.append('  <bpmn:error id="Error_CAMPAIGN_CONTENT_INVALID" name="CAMPAIGN_CONTENT_INVALID" errorCode="CAMPAIGN_CONTENT_INVALID" />')
out.append('  <bpmndi:BPMNDiagram id="BPMNDiagram_campaign">\n    <bpmndi:BPMNPlane id="BPMNPlane_campaign" bpmnElement="campaign">')
for id, (x, y, w, h) in shapes.items():
    extra = ' isExpanded="true"' if id == 'SubProcess_Cancel' else ''
    extra += ' isMarkerVisible="true"' if id.startswith('Gateway') else ''
    lb = label_bounds(id)
    lbl = f'\n        <bpmndi:BPMNLabel><dc:Bounds x="{lb[0]:.0f}" y="{lb[1]:.0f}" width="{lb[2]}" height="{lb[3]}" /></bpmndi:BPMNLabel>' if lb else ''
    out.append(f'      <bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"{extra}>\n        <dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w}" height="{h}" />{lbl}\n      </bpmndi:BPMNShape>')
for f in flows + sub_flows:
    id, s, t, name, cond, wps = f
    w = ''.join(f'\n        <di:waypoint x="{px:.0f}" y="{py:.0f}" />' for px, py in wps)
    lbl = ''
    if name:
        (x1, y1), (x2, y2) = wps[0], wps[1]
        lx, ly = ((x1 + 5, y1 + 5) if y2 > y1 else (x1 + 5, y1 - 20)) if x1 == x2 else (x1 + 8, y1 - 20)
        lbl = f'\n        <bpmndi:BPMNLabel><dc:Bounds x="{lx:.0f}" y="{ly:.0f}" width="{max(20, 7 * len(name))}" height="14" /></bpmndi:BPMNLabel>'
    out.append(f'      <bpmndi:BPMNEdge id="{id}_di" bpmnElement="{id}">{w}{lbl}\n      </bpmndi:BPMNEdge>')
out.append('    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n')
open(__import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), '../../bpmn/src/main/resources/bpmn/campaign.bpmn'), 'w').write('\n'.join(out))
print('ok', len(shapes), len(flows) + len(sub_flows))
