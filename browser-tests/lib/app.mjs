// Starts the demo app (the jar the Maven build made) on free ports with an in-memory H2, and talks to its REST API.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const jar = path.join(root, 'app/target/sms-flows-app.jar');
// screenshots: browser-tests/target/screenshots, or docs/images with UPDATE_DOC_IMAGES=1 (to refresh the docs)
export const images = process.env.UPDATE_DOC_IMAGES === '1' ? path.join(root, 'docs/images')
  : path.join(root, 'browser-tests/target/screenshots');
mkdirSync(images, {recursive: true});

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => { const {port} = server.address(); server.close(() => resolve(port)); });
  server.on('error', reject);
});

export async function startApp(extraArgs = []) {
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run "mvn -B -DskipTests package" (or mvn verify) first`);
  const port = await freePort();
  mkdirSync(path.join(root, 'browser-tests/target'), {recursive: true});
  const log = createWriteStream(path.join(root, 'browser-tests/target/app.log'));
  const child = spawn('java', ['-jar', jar, '--spring.profiles.active=demo', `--server.port=${port}`,
    '--spring.datasource.url=jdbc:h2:mem:browser-tests;DB_CLOSE_DELAY=-1', '--smsflows.simulator.port=0',
    '--smsflows.windows.enabled=false', ...extraArgs], {stdio: ['ignore', 'pipe', 'pipe']});
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}): see browser-tests/target/app.log`);
    try {
      const r = await fetch(`${base}/api/sms/overview`, {headers: auth('demo')});
      if (r.ok) break;
    } catch (e) { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill(); throw new Error('the app did not start in 3 minutes'); }
    await sleep(1000);
  }
  return {base, stop: () => new Promise(resolve => { child.on('exit', resolve); child.kill('SIGTERM'); })};
}

export const sleep = ms => new Promise(r => setTimeout(r, ms));
export const auth = user => ({Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64')});

export async function api(base, method, url, body, user = 'demo') {
  const r = await fetch(base + url, {method, headers: {...auth(user), 'Content-Type': 'application/json',
    Accept: 'application/json'}, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export async function until(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

export const startProcess = (base, key, businessKey, vars) => api(base, 'POST',
  `/engine-rest/process-definition/key/${key}/start`, {businessKey,
    variables: Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, {value: v}]))});

export const historic = async (base, id) =>
  (await api(base, 'GET', `/engine-rest/history/process-instance/${id}`));
