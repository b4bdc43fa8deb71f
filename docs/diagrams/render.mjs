// Renders every BPMN model in bpmn/ to docs/images/<name>.svg and docs/images/<name>.png with the
// bpmn-js viewer in headless Chromium, so the pictures in docs/procedure.md always show the models as
// they are deployed.
//
//   cd docs/diagrams && npm install && node render.mjs
//
// Chromium is Debian's (apt-get install -y chromium); set CHROMIUM to use another binary, MODELS and IMAGES
// to render other models or into another folder (to look at a draft). Nothing is
// fetched from the network: the viewer comes from node_modules and the models from bpmn/.

import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const modelsDir = process.env.MODELS || join(root, 'bpmn');
const imagesDir = process.env.IMAGES || join(root, 'docs', 'images');
const require = createRequire(import.meta.url);
const bpmnJs = dirname(require.resolve('bpmn-js/package.json'));
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

// Margin around the diagram in the PNG, in pixels; the PNG is at zoom 1 (one BPMN unit, one pixel)
// unless the diagram is wider than MAX_WIDTH, so that labels stay readable when the picture is opened.
const MARGIN = 30;
const MAX_WIDTH = 8000;

if (!existsSync(executablePath)) {
  console.error(`No Chromium at ${executablePath}: apt-get update && apt-get install -y chromium (or set CHROMIUM)`);
  process.exit(1);
}

const models = (await readdir(modelsDir)).filter((file) => file.endsWith('.bpmn')).sort();
if (models.length === 0) {
  console.error(`No .bpmn files in ${modelsDir}`);
  process.exit(1);
}
await mkdir(imagesDir, { recursive: true });

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

let failed = false;
try {
  for (const file of models) {
    const name = basename(file, '.bpmn');
    const xml = await readFile(join(modelsDir, file), 'utf8');
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    try {
      // The page never goes to the network: everything it needs is injected below.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(
        '<!doctype html><html><head><meta charset="utf-8"><style>' +
          'html, body { margin: 0; padding: 0; background: #fff; } ' +
          '#canvas { position: absolute; inset: 0; }' +
          '</style></head><body><div id="canvas"></div></body></html>'
      );
      await page.addStyleTag({ path: join(bpmnJs, 'dist', 'assets', 'diagram-js.css') });
      await page.addStyleTag({ path: join(bpmnJs, 'dist', 'assets', 'bpmn-js.css') });
      await page.addScriptTag({ path: join(bpmnJs, 'dist', 'bpmn-viewer.production.min.js') });

      const imported = await page.evaluate(async (diagramXml) => {
        const viewer = new window.BpmnJS({ container: '#canvas' });
        window.viewer = viewer;
        const { warnings } = await viewer.importXML(diagramXml);
        const canvas = viewer.get('canvas');
        canvas.zoom(1);
        const { inner } = canvas.viewbox();
        const { svg } = await viewer.saveSVG();
        return {
          svg,
          warnings: warnings.map((warning) => warning.message),
          width: Math.ceil(inner.width),
          height: Math.ceil(inner.height),
        };
      }, xml);

      for (const warning of imported.warnings) {
        console.warn(`${file}: ${warning}`);
      }
      await writeFile(join(imagesDir, `${name}.svg`), imported.svg);

      // Size the page to the diagram, then fit the diagram to it.
      const scale = Math.min(1, (MAX_WIDTH - 2 * MARGIN) / imported.width);
      const width = Math.ceil(imported.width * scale) + 2 * MARGIN;
      const height = Math.ceil(imported.height * scale) + 2 * MARGIN;
      await page.setViewportSize({ width, height });
      await page.evaluate(() => {
        const canvas = window.viewer.get('canvas');
        canvas.resized();
        canvas.zoom('fit-viewport', 'auto');
      });
      await page.locator('#canvas').screenshot({ path: join(imagesDir, `${name}.png`) });
      console.log(`${file} -> docs/images/${name}.svg, docs/images/${name}.png (${width}x${height})`);
    } catch (error) {
      failed = true;
      console.error(`${file}: ${error.message}`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
