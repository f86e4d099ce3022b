// Renders every BPMN model to docs/images/models/<model>.png with bpmn-js (NavigatedViewer) in headless Chromium.
// Usage: cd tools/render-models && npm ci && node render.mjs [model.bpmn ...]
// Needs a system Chromium (/usr/bin/chromium, or CHROMIUM=/path/to/chrome); no browser is downloaded.
import { chromium } from 'playwright-core';
import { readFile, readdir, mkdir, writeFile, rm } from 'node:fs/promises';
import { dirname, join, basename, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const modelsDir = join(root, 'bpmn/src/main/resources/bpmn');
const outDir = join(root, 'docs/images/models');
const viewerJs = join(here, 'node_modules/bpmn-js/dist/bpmn-navigated-viewer.production.min.js');
const MARGIN = 30;       // px around the diagram
const FOOTER = 40;       // px more at the bottom, where bpmn-js shows its (required) bpmn.io watermark
const MAX_WIDTH = 3200;  // larger diagrams are scaled down to this width

const files = process.argv.length > 2
  ? process.argv.slice(2).map((f) => resolve(f))
  : (await readdir(modelsDir)).filter((f) => f.endsWith('.bpmn')).sort().map((f) => join(modelsDir, f));

// A local page: the viewer bundle from node_modules, a white canvas, nothing fetched from the network.
const page = join(here, '.render.html');
await writeFile(page, `<!doctype html><html><head><meta charset="utf-8">
<style>html,body{margin:0;padding:0;background:#fff}#canvas{position:absolute;inset:0}</style>
<script src="${pathToFileURL(viewerJs)}"></script></head><body><div id="canvas"></div></body></html>`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let failed = 0;
try {
  await mkdir(outDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
  const tab = await context.newPage();
  tab.on('pageerror', (e) => console.error('page error:', e.message));
  for (const file of files) {
    const xml = await readFile(file, 'utf8');
    await tab.goto(pathToFileURL(page).href);
    const result = await tab.evaluate(async (xml) => {
      window.viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await window.viewer.importXML(xml);
      const inner = window.viewer.get('canvas').viewbox().inner;
      return { warnings: warnings.map((w) => w.message), width: inner.width, height: inner.height };
    }, xml);
    // Size the page to the diagram, so the picture is at 100 % (scaled down only beyond MAX_WIDTH).
    const scale = Math.min(1, MAX_WIDTH / (result.width + 2 * MARGIN));
    const width = Math.ceil((result.width + 2 * MARGIN) * scale);
    const height = Math.ceil((result.height + 2 * MARGIN + FOOTER) * scale);
    await tab.setViewportSize({ width, height });
    await tab.evaluate(([margin, footer]) => {
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.zoom('fit-viewport', 'auto');
      // leave a margin, so that strokes at the diagram's edge are not cut
      const { x, y, width, height } = canvas.viewbox().inner;
      canvas.viewbox({ x: x - margin, y: y - margin, width: width + 2 * margin, height: height + 2 * margin + footer });
    }, [MARGIN, FOOTER]);
    const out = join(outDir, basename(file, '.bpmn') + '.png');
    await tab.screenshot({ path: out, fullPage: false });
    console.log(`${basename(out)}: ${width}x${height}${result.warnings.length ? ', warnings: ' + result.warnings.join('; ') : ''}`);
    if (result.warnings.length) failed++;
  }
} finally {
  await browser.close();
  await rm(page, { force: true });
}
process.exit(failed ? 1 : 0);
