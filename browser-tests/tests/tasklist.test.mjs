// Tasklist in a real browser: every shipped form renders, validates and submits. Start forms refuse a national
// number and the journey gets its business key; the operator's tasks say who, about what and why, and complete.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startApp, api, until, historic, images, auth } from '../lib/app.mjs';
import { launch, login } from '../lib/browser.mjs';

let app;
let browser;
let journey;
let replied;
let campaign;

before(async () => {
  app = await startApp(['--smsflows.replies.unsolicited=OPERATOR']); // an operator task for every stranger
  const start = new Date(Date.now() + 59 * 60_000 + 8_000).toISOString();
  journey = (await api(app.base, 'POST', '/api/journeys/appointment-reminder', {appointmentId: 'bt-apt-7',
    phone: '+4915199990178', firstName: 'Ana', locale: 'en', appointmentStart: start, place: '12 Baker Street',
    service: 'check-up', reminderPlan: 'T-PT59M'})).id;
  await until('the reminder failed and a call was asked', async () =>
    (await api(app.base, 'GET', `/engine-rest/task?processInstanceId=${journey}`)).length === 1, 90_000);

  // a reminder answered with something the reply-intent decision does not know: a task to read it
  const soon = new Date(Date.now() + 59 * 60_000 + 8_000).toISOString(); // its reminder in 8 seconds
  replied = (await api(app.base, 'POST', '/api/journeys/appointment-reminder', {appointmentId: 'bt-apt-9',
    phone: '+33612349204', firstName: 'Ana', locale: 'fr', appointmentStart: soon, place: '12 rue Pasteur',
    service: 'consultation', reminderPlan: 'T-PT59M'})).id;
  await until('the reminder on the wire', async () => (await api(app.base, 'GET',
    '/api/simulator/submits?limit=50')).submits.some(x => x.destAddr === '33612349204'), 90_000);
  await api(app.base, 'POST', '/api/simulator/mo', {from: '+33612349204', to: 'SMSFlows', text: 'peut-être, je vous rappelle'});
  await api(app.base, 'POST', '/api/simulator/mo', {from: '+33612349203', to: 'SMSFlows', text: 'Bonjour, qui est-ce ?'});
  await until('the operator tasks', async () => (await api(app.base, 'GET', '/engine-rest/task')).length >= 3, 60_000);

  // a campaign waiting for approval: two consented numbers and one without consent, an A/B test picked by hand
  await fetch(`${app.base}/api/consents`, {method: 'POST', headers: {...auth('demo'), 'Content-Type':
    'application/x-ndjson'}, body: ['+33612349301', '+4915112349302'].map(phone => JSON.stringify({phone,
    granted: true, source: 'IMPORT', proof: {file: 'optins.csv'}})).join('\n')});
  campaign = await api(app.base, 'POST', '/api/campaigns', {requestId: 'bt-bf', name: 'Black Friday test',
    sender: 'SHOP', audience: {recipients: [{to: '+33612349301', variables: {firstName: 'Ana'}},
      {to: '+4915112349302', variables: {firstName: 'Ben'}}, {to: '+33612349303'}]},
    variants: [{text: 'Black Friday {{firstName}}: -30% {{link:https://shop.example/bf}}'},
      {text: '{{firstName}}, -30% today only'}],
    test: {share: 0.5, wait: 'PT1S', winnerBy: 'manual'}}, 'crm');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('the appointment start form refuses a national number and starts the journey under the appointment id',
  async () => {
    const page = await login(browser, app.base, 'tasklist', 'demo');
    await page.click('text=Start process');
    await page.click('text=Appointment reminder');
    const dialog = page.locator('.modal-dialog');
    await dialog.getByLabel('Appointment id').waitFor({timeout: 30_000});
    await dialog.getByLabel('Appointment id').fill('bt-apt-8');
    await dialog.getByLabel('Phone number').fill('0612345678');
    await dialog.getByLabel('First name').fill('Ana');
    await dialog.getByLabel('Appointment start').fill(new Date(Date.now() + 2 * 86_400_000).toISOString());
    await dialog.getByLabel('Place').fill('12 rue Pasteur');
    await dialog.getByLabel('Service').fill('consultation');
    await dialog.getByLabel('Place').focus(); // leaves the number field: form-js validates it
    const startButton = dialog.getByRole('button', {name: 'Start', exact: true});
    await dialog.locator('.fjs-form-field-error').first().waitFor({timeout: 10_000});
    assert.match(await dialog.locator('.fjs-form-field-error').first().innerText(), /pattern|match/i);
    assert.equal(await startButton.isDisabled(), true, 'Start stays disabled while the number is national');
    await page.screenshot({path: path.join(images, 'tasklist-start-form-validation.png'), fullPage: true});
    assert.equal((await api(app.base, 'GET', '/engine-rest/process-instance?businessKey=bt-apt-8')).length, 0);

    await dialog.getByLabel('Phone number').fill('+33612349108');
    await dialog.getByLabel('Place').focus();
    await startButton.click();
    const started = await until('the journey started', async () =>
      (await api(app.base, 'GET', '/engine-rest/process-instance?businessKey=bt-apt-8'))[0], 30_000);
    const phone = await api(app.base, 'GET', `/engine-rest/process-instance/${started.id}/variables/phone`);
    assert.equal(phone.value, '+33612349108');
    await page.close();
  });

test('the call task names the customer and the appointment, says why in words, and completes', async () => {
  const page = await login(browser, app.base, 'tasklist', 'demo');
  const task = page.locator('.task', {hasText: 'Call Ana about bt-apt-7'}).first();
  await task.waitFor({timeout: 30_000});
  await task.click();
  await page.getByText('Claim', {exact: true}).click(); // a task is claimed before its form can be completed
  const reason = page.getByLabel('Why a call');
  await reason.waitFor({timeout: 30_000});
  assert.match(await reason.inputValue(), /The SMS could not be delivered: the network could not deliver it/);
  await page.getByLabel('Outcome of the call').fill('Reached by phone, confirmed');
  await page.screenshot({path: path.join(images, 'tasklist-call-task.png'), fullPage: true});
  await page.getByRole('button', {name: 'Complete', exact: true}).click();
  await until('the journey ended', async () => (await historic(app.base, journey)).state === 'COMPLETED', 30_000);
  await page.close();
});

const instancesOf = async key => (await api(app.base, 'GET',
  `/engine-rest/history/process-instance?processDefinitionKey=${key}`));

/** Opens a process's start form in Tasklist; returns the dialog. */
async function startForm(page, processName) {
  await page.click('text=Start process');
  await page.locator('.modal-dialog').getByText(processName, {exact: true}).click();
  const dialog = page.locator('.modal-dialog');
  await dialog.getByLabel('Phone number').waitFor({timeout: 30_000});
  return dialog;
}

/** A national number is refused with a message and Start stays disabled; the E.164 one starts. */
async function checksTheNumber(dialog, fieldAfter, number) {
  const start = dialog.getByRole('button', {name: 'Start', exact: true});
  await dialog.getByLabel('Phone number').fill('0612345678');
  await dialog.getByLabel(fieldAfter).focus();
  await dialog.locator('.fjs-form-field-error').first().waitFor({timeout: 10_000});
  assert.equal(await start.isDisabled(), true);
  await dialog.getByLabel('Phone number').fill(number);
  await dialog.getByLabel(fieldAfter).focus();
  await start.click();
}

for (const form of [
  {name: 'Abandoned cart follow-up', key: 'abandoned-cart', fill: async d => {
    await d.getByLabel('Cart id').fill('bt-cart-1');
    await d.getByLabel('First name').fill('Ana');
    await d.getByLabel('Shop name').fill('Maison Lune');
    await d.getByLabel('Cart link').fill('https://shop.example/c/1');
  }, after: 'First name', number: '+33612349211', businessKey: 'bt-cart-1'},
  {name: 'Unsubscribe from SMS', key: 'sms-unsubscribe', fill: async d => {
    await d.getByLabel('Reason').fill('asked at the desk');
  }, after: 'Reason', number: '+33612349212'},
  {name: 'Re-subscribe to SMS', key: 'sms-resubscribe', fill: async d => {
    await d.getByLabel('How did the customer ask?').fill('asked at the desk');
  }, after: 'How did the customer ask?', number: '+33612349213'},
  {name: 'Double opt-in to marketing SMS', key: 'sms-double-opt-in', fill: async d => {
    await d.getByLabel('How did the customer ask?').fill('asked at the desk, ticket 12');
  }, after: 'How did the customer ask?', number: '+33612349214'},
]) {
  test(`the start form of "${form.name}" renders, refuses a national number and starts`, async () => {
    const before = (await instancesOf(form.key)).length;
    const page = await login(browser, app.base, 'tasklist', 'demo');
    const dialog = await startForm(page, form.name);
    await form.fill(dialog);
    await checksTheNumber(dialog, form.after, form.number);
    const started = await until(`${form.key} started`, async () => {
      const all = await instancesOf(form.key);
      return all.length > before ? all : null;
    }, 30_000);
    if (form.businessKey) {
      assert.ok(started.some(i => i.businessKey === form.businessKey), 'started under its business key');
    }
    await page.close();
  });
}

/** Picks an option of a form-js select by its label. */
async function choose(page, label, option) {
  const field = page.locator('.fjs-form-field-select', {hasText: label});
  await field.locator('.fjs-input-group').click();
  await field.locator('.fjs-dropdownlist-item', {hasText: option}).first().click();
}

test('the reply task shows the reply and completes with what it means', async () => {
  const page = await login(browser, app.base, 'tasklist', 'demo');
  const task = page.locator('.task', {hasText: 'Read the reply of Ana about bt-apt-9'}).first();
  await task.waitFor({timeout: 30_000});
  await task.click();
  await page.getByText('Claim', {exact: true}).click();
  const reply = page.getByLabel('Their reply');
  await reply.waitFor({timeout: 30_000});
  assert.match(await reply.inputValue(), /peut-être/);
  await choose(page, 'It means', 'Confirmed');
  await page.getByRole('button', {name: 'Complete', exact: true}).click();
  await until('the journey confirmed', async () => (await historic(app.base, replied)).state === 'COMPLETED', 30_000);
  await page.close();
});

test('the unsolicited reply task names the masked number and completes', async () => {
  const page = await login(browser, app.base, 'tasklist', 'demo');
  const task = page.locator('.task', {hasText: 'Answer the SMS from +33******203'}).first();
  await task.waitFor({timeout: 30_000});
  await task.click();
  await page.getByText('Claim', {exact: true}).click();
  await page.getByLabel('Message').waitFor({timeout: 30_000});
  assert.match(await page.getByLabel('Message').inputValue(), /qui est-ce/);
  await choose(page, 'Action', 'Nothing more (answered outside, or no action needed)');
  await page.getByRole('button', {name: 'Complete', exact: true}).click();
  await until('the task done', async () => (await api(app.base, 'GET', '/engine-rest/task')).every(t =>
    !t.name.includes('+33******203')), 30_000);
  await page.close();
});

/** Opens the task with this name (claiming it) and waits for its form. */
async function openTask(page, name, firstField) {
  // a task made by a job (after a preview, a timer) appears in the list when the page looks again
  await until(`the task "${name}"`, async () => (await api(app.base, 'GET',
    `/engine-rest/task?name=${encodeURIComponent(name)}`)).length > 0, 60_000);
  const task = page.locator('.task', {hasText: name}).first();
  for (let attempt = 1; ; attempt++) { // the list is read when the page loads: look again if it came too soon
    await page.reload();
    try {
      await task.waitFor({timeout: 20_000});
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  await task.click();
  await page.getByText('Claim', {exact: true}).click();
  await page.getByLabel(firstField).waitFor({timeout: 30_000});
}

test('a campaign is approved in Tasklist: rejected with a comment, edited, previewed again, approved', async () => {
  const page = await login(browser, app.base, 'tasklist', 'marketer');
  await openTask(page, 'Approve Black Friday test', 'Audience');
  assert.match(await page.getByLabel('Audience').inputValue(), /2 of 3 rows will get it.*NO_CONSENT=1/s);
  const preview = await page.getByLabel('Preview and cost').inputValue();
  assert.match(preview, /Variant A \(sender SHOP\)/);
  assert.match(preview, /Variant B \(sender SHOP\)/);
  assert.match(preview, /At most \d+ parts/); // who is in the test is drawn at random: counts vary
  assert.match(preview, /text: Black Friday \{\{firstName}}: -30% \{\{link:https:\/\/shop\.example\/bf}}/); // its target
  assert.doesNotMatch(preview, /\+33612349301|Ana/); // nobody's number or fields on show
  assert.ok(Number(await page.getByLabel('Most it can cost').inputValue()) > 0);
  await page.screenshot({path: path.join(images, 'tasklist-campaign-approval.png'), fullPage: true});
  await page.getByLabel('Reject: edit it first').check();
  await page.getByLabel('Comment (why rejected, what to change)').fill('Say "today only" in A too');
  await page.getByRole('button', {name: 'Complete', exact: true}).click();

  await openTask(page, 'Edit Black Friday test', 'Text of variant A');
  assert.match(await page.getByLabel('The approver said').inputValue(), /today only/);
  await page.getByLabel('Text of variant A').fill('Black Friday {{firstName}}: -30% today only {{link:https://shop.example/bf}}');
  await page.getByRole('button', {name: 'Complete', exact: true}).click();

  await openTask(page, 'Approve Black Friday test', 'Preview and cost');
  assert.match(await page.getByLabel('Preview and cost').inputValue(), /today only \{\{link:/);
  await page.getByLabel('Approve: send it').check();
  await page.getByRole('button', {name: 'Complete', exact: true}).click();
  await page.close();
});

test('the winner of a campaign\'s test is picked in Tasklist and goes to the rest', async () => {
  const page = await login(browser, app.base, 'tasklist', 'marketer');
  await openTask(page, 'Pick the winner of Black Friday test', 'Test results');
  assert.match(await page.getByLabel('Test results').inputValue(), /^A: .*\nB: /s); // both, even if drawn empty
  await choose(page, 'Winner', 'Variant B');
  await page.getByRole('button', {name: 'Complete', exact: true}).click();
  const ended = await until('the campaign reported', async () => {
    const status = await api(app.base, 'GET', `/api/campaigns/${campaign.id}`, undefined, 'crm');
    return status.state === 'COMPLETED' ? status : null;
  }, 60_000);
  assert.ok(['sent', 'partlySent'].includes(ended.outcome), ended.outcome);
  assert.equal(ended.kpis.audience, 2);
  assert.equal(ended.kpis.total.messages, 2); // both numbers sent: in the test or after it
  await page.close();
});
