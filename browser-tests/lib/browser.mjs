// Debian's Chromium through playwright-core: nothing is downloaded.
import { chromium } from 'playwright-core';

export async function launch() {
  return chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']});
}

/** A page logged in to a Camunda webapp (cockpit, tasklist) as user/user (the demo users). */
export async function login(browser, base, app, user) {
  const page = await browser.newPage({viewport: {width: 1400, height: 900}});
  page.on('pageerror', e => console.log(`[${app}] page error: ${e.message}`));
  await page.goto(`${base}/camunda/app/${app}/default/#/login`);
  await page.fill('input[ng-model="username"]', user);
  await page.fill('input[ng-model="password"]', user);
  await page.click('button[type="submit"]');
  await page.waitForSelector('.navbar, [cam-widget-header]', {timeout: 30_000});
  await page.waitForFunction(() => !location.hash.includes('login'), null, {timeout: 30_000});
  return page;
}
