import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';

const require = createRequire(import.meta.url);

/** The shipped font's files: resvg draws with these only, never with whatever the machine has. */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => join(FONT_DIR, f));

/** Pixels per chart unit in the PNG: sharp on a high-density screen, a few hundred KB at most. */
const PNG_SCALE = 2;
/** A chart that takes longer has gone wrong: the process is killed and the caller told. */
const RENDER_TIMEOUT_MS = 30_000;
/** Heap of the drawing process; ten bars or twelve weeks need a fraction of it. */
const RENDER_HEAP_MB = 256;

/**
 * What the drawing process runs: Vega-Lite compiles each spec, Vega draws it as SVG with no
 * browser, resvg rasterises it when a PNG is asked for. Requests come as JSON on stdin, answers go
 * as JSON on stdout (PNGs in base64).
 */
const RENDER_SCRIPT = `
import { createRequire } from 'node:module';
const input = JSON.parse(await new Promise((resolve) => { let s = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', (c) => (s += c)); process.stdin.on('end', () => resolve(s)); }));
const vega = await import(input.modules.vega);
const vegaLite = await import(input.modules.vegaLite);
const quiet = vega.logger(vega.None);
const results = [];
for (const request of input.requests) {
  const view = new vega.View(vega.parse(vegaLite.compile(request.spec, { logger: quiet }).spec), { renderer: 'none', logger: quiet });
  const svg = await view.toSVG();
  view.finalize();
  if (request.format === 'svg') { results.push(svg); continue; }
  const { Resvg } = createRequire(import.meta.url)(input.modules.resvg);
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: input.scale }, font: { fontFiles: input.fonts, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  results.push(Buffer.from(png).toString('base64'));
}
process.stdout.write(JSON.stringify(results));
`;

interface Request {
  spec: TopLevelSpec;
  format: 'svg' | 'png';
}

/**
 * Draws charts in a process of their own: Vega, Vega-Lite and resvg take some 100 MB that a bot
 * drawing one chart a week would otherwise hold for good (they are never unloaded). The process
 * gets the specs, no environment (no secret), a bounded heap and a time-out.
 */
function render(requests: Request[]): Promise<string[]> {
  const modules = { vega: pathToFileURL(require.resolve('vega')).href, vegaLite: pathToFileURL(require.resolve('vega-lite')).href, resvg: require.resolve('@resvg/resvg-js') };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${RENDER_HEAP_MB}`, '--input-type=module', '-e', RENDER_SCRIPT], { env: {}, stdio: ['pipe', 'pipe', 'pipe'], timeout: RENDER_TIMEOUT_MS });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-2_000)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as string[]);
      const why = signal === 'SIGTERM' ? `took over ${RENDER_TIMEOUT_MS / 1000} s` : `exited with ${code ?? signal}`;
      reject(new Error(`drawing the chart failed: the process ${why}${err ? `: ${err.trim().split('\n').slice(-3).join(' ')}` : ''}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify({ modules, fonts: FONT_FILES, scale: PNG_SCALE, requests }));
  });
}

/** Charts drawn as SVG, in one drawing process. */
export function chartSvgs(specs: TopLevelSpec[]): Promise<string[]> {
  return render(specs.map((spec) => ({ spec, format: 'svg' })));
}

/** A Vega-Lite spec drawn as SVG, with Vega's own renderer and no browser. */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  return (await chartSvgs([spec]))[0]!;
}

/** The same chart as a PNG (for Slack, which shows no SVG), its text in the shipped font. */
export async function chartPng(spec: TopLevelSpec): Promise<Buffer> {
  const [png] = await render([{ spec, format: 'png' }]);
  return Buffer.from(png!, 'base64');
}
