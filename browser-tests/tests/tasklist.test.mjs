// Tasklist in a real browser: a start form validates the number as the API does and the journey gets its business
// key; the operator's call task says who, about what and why, in words, and completes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startApp, api, until, historic, images } from '../lib/app.mjs';
import { launch, login } from '../lib/browser.mjs';

let app;
let browser;
let journey;

before(async () => {
  app = await startApp();
  const start = new Date(Date.now() + 59 * 60_000 + 8_000).toISOString();
  journey = (await api(app.base, 'POST', '/api/journeys/appointment-reminder', {appointmentId: 'bt-apt-7',
    phone: '+4915199990178', firstName: 'Ana', locale: 'en', appointmentStart: start, place: '12 Baker Street',
    service: 'check-up', reminderPlan: 'T-PT59M'})).id;
  await until('the reminder failed and a call was asked', async () =>
    (await api(app.base, 'GET', `/engine-rest/task?processInstanceId=${journey}`)).length === 1, 90_000);
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
