// The Cockpit plugin in a real browser, against the demo app: the dashboard during a batch, the SMS tab of running
// instances (a two-part message with its receipts, a reminder that could not be delivered), the SMS view that finds
// finished journeys, and masked numbers for operators. Screenshots go to docs/images/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startApp, api, until, startProcess, historic, images } from '../lib/app.mjs';
import { launch, login } from '../lib/browser.mjs';

let app;
let browser;
const ids = {};
// GSM 03.38 (é and è are in it, ê is not), 190 characters: two parts
const TWO_PARTS = 'Bonjour Ana, votre commande 4711 vous attend au point relais 12 rue Pasteur jusqu\'au 14 décembre. '
  + 'Présentez ce SMS et une pièce d\'identité au guichet. Répondez OUI pour confirmer le retrait.';

/** The instance view's "SMS" tab (not the "SMS" entry of the top navigation). */
async function openSmsTab(page) {
  const tab = page.locator('.nav-tabs a', {hasText: /^\s*SMS\s*$/});
  await tab.waitFor({timeout: 30_000});
  await tab.click();
}

const messages = async query => (await api(app.base, 'GET', `/api/sms/messages?${query}`)).messages;

before(async () => {
  // 10 parts a second: the batch below takes minutes, long enough to watch it
  app = await startApp(['--smsflows.smpp.parts-per-second=10']);
  const base = app.base;
  ids.finished = (await startProcess(base, 'send-and-track', 'bt-finished', {to: '+33612349101', text: TWO_PARTS})).id;
  await until('the finished send-and-track', async () => (await historic(base, ids.finished)).state === 'COMPLETED');

  ids.ask = (await startProcess(base, 'sms-ask', 'bt-ask', {to: '+33612349102', text: TWO_PARTS, locale: 'fr'})).id;
  await until('the question delivered', async () => (await messages('businessKey=bt-ask'))[0]?.status === 'DELIVERED');

  const start = new Date(Date.now() + 59 * 60_000 + 8_000).toISOString();
  ids.journey = (await api(base, 'POST', '/api/journeys/appointment-reminder', {appointmentId: 'bt-apt-1',
    phone: '+4915199990177', firstName: 'Ana', locale: 'en', appointmentStart: start, place: '12 Baker Street',
    service: 'check-up', reminderPlan: 'T-PT59M'})).id;
  await until('the reminder failed and a call was asked', async () =>
    (await api(base, 'GET', `/engine-rest/task?processInstanceId=${ids.journey}`)).length === 1, 90_000);

  // 1,500 parts at 10 a second: the batch, and the send-and-track queued behind it, run for minutes
  const recipients = Array.from({length: 1500}, (_, i) => ({to: '+336123' + String(50000 + i)}));
  ids.batch = (await api(base, 'POST', '/api/sms/batches', {category: 'transactional', text: 'Votre colis arrive.',
    idempotencyKey: 'bt-batch', recipients})).id;
  ids.running = (await startProcess(base, 'send-and-track', 'bt-running', {to: '+33612349103',
    text: 'Queued behind the batch'})).id;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('a running send-and-track waiting behind the batch shows its message in the SMS tab', async () => {
  const page = await login(browser, app.base, 'cockpit', 'demo');
  await page.goto(`${app.base}/camunda/app/cockpit/default/#/process-instance/${ids.running}/runtime`);
  await openSmsTab(page);
  const row = page.locator('[data-sms-message]');
  await row.waitFor({timeout: 30_000});
  assert.match(await row.innerText(), /Queued behind the batch/);
  assert.match(await row.locator('[data-sms-status]').innerText(), /QUEUED|SENDING|SUBMITTED|DELIVERED/);
  await page.close();
});

test('the dashboard shows counts, binds and the running batch with its progress', async () => {
  const page = await login(browser, app.base, 'cockpit', 'demo');
  const batch = page.locator(`[data-sms-batch="${ids.batch}"]`);
  await batch.waitFor({timeout: 30_000});
  assert.match(await batch.innerText(), /SENDING|ACCEPTED|\/1500/);
  assert.match(await page.locator('[data-sms-binds]').innerText(), /default#1 bound/);
  assert.match(await page.locator('[data-sms-counts]').innerText(), /DELIVERED/);
  await page.locator('[data-sms-batches]').scrollIntoViewIfNeeded();
  await page.screenshot({path: path.join(images, 'cockpit-dashboard-batch.png'), fullPage: true});
  await page.close();
});

test('the SMS tab of a running question shows its two parts and their receipts', async () => {
  const page = await login(browser, app.base, 'cockpit', 'demo');
  await page.goto(`${app.base}/camunda/app/cockpit/default/#/process-instance/${ids.ask}/runtime`);
  await openSmsTab(page);
  const row = page.locator('[data-sms-message]');
  await row.waitFor({timeout: 30_000});
  assert.equal(await row.locator('[data-sms-parts]').innerText(), '2');
  assert.equal(await row.locator('[data-sms-status]').innerText(), 'DELIVERED');
  assert.match(await row.locator('[data-sms-recipient]').innerText(), /\+33612349102/); // demo is an admin
  assert.match(await row.locator('[data-sms-cost]').innerText(), /^\d+(\.\d+)? [A-Z]{3}$/); // two parts' price
  await row.click();
  const timeline = page.locator('[data-sms-timeline]');
  assert.match(await timeline.innerText(), /part 1\/2: DELIVERED/);
  assert.match(await timeline.innerText(), /part 2\/2: DELIVERED/);
  await page.screenshot({path: path.join(images, 'cockpit-sms-tab.png'), fullPage: true});
  await page.close();
});

test('a journey whose reminder could not be delivered says why in words', async () => {
  const page = await login(browser, app.base, 'cockpit', 'demo');
  await page.goto(`${app.base}/camunda/app/cockpit/default/#/process-instance/${ids.journey}/runtime`);
  await openSmsTab(page);
  const row = page.locator('[data-sms-message]');
  await row.waitFor({timeout: 30_000});
  assert.equal(await row.locator('[data-sms-status]').innerText(), 'FAILED');
  assert.match(await row.locator('[data-sms-error]').innerText(), /UNDELIV.*the network could not deliver it/);
  assert.match(await row.innerText(), /Ask by SMS/); // the reminder was sent by the called sms-ask
  await page.screenshot({path: path.join(images, 'cockpit-failed-reminder.png'), fullPage: true});
  await page.close();
});

test('the SMS view finds finished journeys, their parts and the reply with its intent', async () => {
  await api(app.base, 'POST', '/api/simulator/mo', {from: '+33612349102', to: 'SMSFlows', text: 'Oui'});
  await until('the question answered', async () => (await historic(app.base, ids.ask)).state === 'COMPLETED');
  const page = await login(browser, app.base, 'cockpit', 'demo');
  await page.goto(`${app.base}/camunda/app/cockpit/default/#/sms`);
  await page.fill('input[name="businessKey"]', 'bt-finished');
  await page.click('[data-sms-search] button[type="submit"]');
  let row = page.locator('[data-sms-message]');
  await page.waitForFunction(() => document.querySelectorAll('[data-sms-message]').length === 1);
  assert.match(await row.innerText(), /\(finished\)/);
  assert.equal(await row.locator('[data-sms-parts]').innerText(), '2');

  await page.fill('input[name="businessKey"]', 'bt-ask');
  await page.click('[data-sms-search] button[type="submit"]');
  await page.waitForFunction(() => /Ask by SMS/.test(document.querySelector('[data-sms-results]').innerText));
  row = page.locator('[data-sms-message]').first();
  await row.click();
  assert.match(await page.locator('[data-sms-timeline]').first().innerText(),
    /reply "Oui" read as CONFIRM by the reply-intent decision/);
  await page.screenshot({path: path.join(images, 'cockpit-sms-view.png'), fullPage: true});
  await page.close();
});

test('operators see the numbers masked', async () => {
  const page = await login(browser, app.base, 'cockpit', 'operator');
  await page.goto(`${app.base}/camunda/app/cockpit/default/#/sms`);
  await page.fill('input[name="businessKey"]', 'bt-finished');
  await page.click('[data-sms-search] button[type="submit"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-sms-message]').length === 1);
  const recipient = await page.locator('[data-sms-recipient]').innerText();
  assert.match(recipient, /\*/);
  assert.doesNotMatch(recipient, /612349101/);
  await page.close();
});
