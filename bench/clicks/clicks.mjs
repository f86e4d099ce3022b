// Load on the short-link redirect: creates a batch with N links, then clicks them from C concurrent clients for D
// seconds and prints clicks/s and latency percentiles. Usage (app running, demo users):
//   node bench/clicks/clicks.mjs [baseUrl=http://localhost:8080] [links=500] [concurrency=32] [seconds=20]
import http from 'node:http';

const [base = 'http://localhost:8080', linksArg = '500', concArg = '32', secondsArg = '20'] = process.argv.slice(2);
const links = Number(linksArg), concurrency = Number(concArg), seconds = Number(secondsArg);
const auth = 'Basic ' + Buffer.from('demo:demo').toString('base64');
const agent = new http.Agent({keepAlive: true, maxSockets: concurrency});

async function api(method, path, body) {
  const r = await fetch(base + path, {method, headers: {Authorization: auth, 'Content-Type': 'application/json'},
    body: body && JSON.stringify(body)});
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

const recipients = Array.from({length: links}, (_, i) => ({to: '+336129' + String(10000 + i)}));
const batch = await api('POST', '/api/sms/batches', {category: 'transactional', idempotencyKey: 'clicks-' + Date.now(),
  text: 'Offre : {{link:https://shop.example/bf}}', recipients});
for (;;) {
  const s = await api('GET', `/api/sms/batches/${batch.id}`);
  if (s.state === 'DONE') break;
  await new Promise(r => setTimeout(r, 500));
}
const submits = await api('GET', `/api/simulator/submits?limit=${links + 50}`);
const codes = [...new Set(submits.submits.map(s => (s.text || '').match(/\/s\/([A-Za-z0-9]{7})/)?.[1]).filter(Boolean))];
if (codes.length < links) throw new Error(`found ${codes.length} codes of ${links}`);

const url = new URL(base);
const click = code => new Promise((resolve, reject) => {
  const started = process.hrtime.bigint();
  const req = http.request({host: url.hostname, port: url.port, path: '/s/' + code, agent,
    headers: {'User-Agent': 'Mozilla/5.0 (iPhone) bench'}}, res => {
    res.resume();
    res.on('end', () => resolve({status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6}));
  });
  req.on('error', reject);
  req.end();
});

const latencies = [];
let errors = 0;
const until = Date.now() + seconds * 1000;
await Promise.all(Array.from({length: concurrency}, async (_, w) => {
  let i = w;
  while (Date.now() < until) {
    const r = await click(codes[i++ % codes.length]);
    if (r.status !== 302) errors++;
    latencies.push(r.ms);
  }
}));
latencies.sort((a, b) => a - b);
const p = q => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
console.log(`clicks: ${latencies.length} in ${seconds}s = ${(latencies.length / seconds).toFixed(0)} clicks/s, ` +
  `${concurrency} clients, ${codes.length} links, non-302: ${errors}; latency ms p50 ${p(0.5)} p95 ${p(0.95)} ` +
  `p99 ${p(0.99)} max ${latencies[latencies.length - 1].toFixed(1)}`);
const stats = await api('GET', `/api/sms/batches/${batch.id}/clicks`);
console.log('recorded by the app:', JSON.stringify(stats));
