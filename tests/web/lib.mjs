// lib.mjs — shared helpers of the web tests and the benchmark: paths, the API module, the CLI,
// the static server, Debian's chromium through playwright-core, and a small PNG reader.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const BUILD = process.env.GOMAPSIM_BUILD_WEB || path.join(ROOT, 'build-web');
export const SITE = path.join(BUILD, 'site');
export const ARTIFACTS = path.join(HERE, 'artifacts');
export const SCENARIOS = path.join(ROOT, 'assets', 'scenarios');
const require = createRequire(import.meta.url);

// loadApi instantiates the node API module (P5: pass wasmBinary, Node's fetch can't read a path).
export async function loadApi() {
  const js = path.join(BUILD, 'node', 'gomapsim_api.js');
  const createApi = require(js);
  return createApi({ wasmBinary: fs.readFileSync(js.replace(/\.js$/, '.wasm')) });
}

// The native CLI (built by run.sh into build-webnative), or null when absent.
export function cliPath() {
  const candidates = [process.env.GOMAPSIM_CLI, path.join(ROOT, 'build-webnative', 'gomapsim'), path.join(ROOT, 'build', 'gomapsim')];
  return candidates.find((p) => p && fs.existsSync(p)) || null;
}

// runCli runs the CLI on a program file (opts.cwd: in that folder); returns {stdout, stderr, status}.
export function runCli(args, opts = {}) {
  const cli = cliPath();
  if (!cli) return null;
  const r = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28, cwd: opts.cwd });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

export function presetFiles() {
  return fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.go')).sort();
}

// GL backends of headless Chromium on a machine without a GPU (opts.gl):
//   swiftshader  Chromium's own CPU rasterizer (the default; the tests use it)
//   llvmpipe     Mesa's multi-threaded, JIT-compiling rasterizer through ANGLE on EGL, what a
//                Linux desktop without GPU drivers draws with (Debian's libegl-mesa0 and
//                libgl1-mesa-dri): frames cost a third to a half of SwiftShader's
export const GL_ARGS = {
  // --disable-gpu: WebGL still runs (SwiftShader, on the CPU) and the compositor is software;
  // with GPU compositing on SwiftShader every frame costs one more full-screen textured quad.
  swiftshader: ['--disable-gpu'],
  llvmpipe: ['--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist'],
};

export async function launchBrowser(opts = {}) {
  const { chromium } = require('playwright-core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gomapsim-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, ...(opts.env || {}) },
    args: ['--no-sandbox', ...GL_ARGS[opts.gl || 'swiftshader'], '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic', ...(opts.extraArgs || [])],
    viewport: opts.viewport || { width: 1400, height: 860 },
    deviceScaleFactor: opts.deviceScaleFactor || 1,
    hasTouch: !!opts.hasTouch,
    isMobile: !!opts.isMobile,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  return { context, dir, close: async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

// webglRenderer names what draws WebGL in this browser ("… llvmpipe …", "… SwiftShader …").
export async function webglRenderer(browser) {
  const page = await browser.context.newPage();
  const r = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const ext = gl && gl.getExtension('WEBGL_debug_renderer_info');
    return gl ? gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) : 'no WebGL2';
  });
  await page.close();
  return r;
}

// openSite serves the built site on a free port and launches the test browser (opts as
// launchBrowser's): {base, browser, close()}. Browser tests call it in before() and close in after().
export async function openSite(opts = {}) {
  const { serve } = await import('../../web/tools/serve.mjs');
  const server = await serve(SITE, 0);
  const browser = await launchBrowser(opts);
  return { base: `http://127.0.0.1:${server.address().port}/`, browser,
           close: async () => { await browser.close(); server.close(); } };
}

// openHost serves blog-like host pages for embeds, on another origin than the site (another
// port): `pages` maps a path ("/post") to its HTML. {base, pages, close()}.
export async function openHost() {
  const http = await import('node:http');
  const pages = new Map();
  const server = http.createServer((req, res) => {
    const html = pages.get(req.url.split('?')[0]);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html' });
    res.end(html || 'not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${server.address().port}`, pages, close: () => server.close() };
}

// openPage opens url in a new page of the browser (opts.viewport: its size) and waits for the
// app; page errors are pushed onto `errors`.
export async function openPage(browser, url, opts = {}, errors = []) {
  const page = await browser.context.newPage();
  if (opts.viewport) await page.setViewportSize(opts.viewport);
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await waitApp(page);
  return page;
}

// click clicks the middle of a widget (by its name in window.app.widgetRect) with the mouse,
// as a hand does: move, press, release, a few frames apart (an ImGui tab bar selects a tab
// only under a mouse it saw hover first).
export async function click(page, name) {
  const r = await rect(page, name);
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForTimeout(50);
  await page.mouse.down();
  await page.waitForTimeout(50);
  await page.mouse.up();
}

// dragKnob drags a knob's slider grab (widget "knob:<name>") from the middle of its track
// `steps` mouse moves towards the left end, 4 % of the track each.
export async function dragKnob(page, name, steps = 10) {
  const r = await rect(page, 'knob:' + name);
  await page.mouse.move(r.x + r.w * 0.5, r.y + r.h / 2);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(r.x + r.w * (0.5 - 0.04 * i), r.y + r.h / 2);
  await page.mouse.up();
}

// waitApp waits until window.app exists and at least `frames` frames were drawn.
export async function waitApp(page, frames = 3, timeout = 20000) {
  await page.waitForFunction((n) => window.app && window.app.frameCount() >= n, frames, { timeout });
}

export async function appState(page) {
  return JSON.parse(await page.evaluate(() => window.app.appState()));
}

// waitState polls appState until pred(state) is true.
export async function waitState(page, pred, timeout = 60000) {
  const t0 = Date.now();
  for (;;) {
    const s = await appState(page);
    if (pred(s)) return s;
    if (Date.now() - t0 > timeout) throw new Error('timed out; last state: ' + JSON.stringify({ ...s, program: s.program.length > 160 ? s.program.slice(0, 80) + ' … ' + s.program.slice(-80) : s.program }));
    await page.waitForTimeout(100);
  }
}

export async function rect(page, name) {
  const r = await page.evaluate((n) => window.app.widgetRect(n), name);
  if (!r) throw new Error('no widget rect ' + name + '; have: ' + (await page.evaluate(() => window.app.widgetNames())).join(', '));
  return r;
}

export function saveArtifact(name, buf) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, name), buf);
}

// decodePng reads an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes) into pixels.
export function decodePng(buf) {
  let pos = 8, w = 0, h = 0, ct = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') { w = data.readUInt32BE(0); h = data.readUInt32BE(4); ct = data[9]; }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = ct === 6 ? 4 : 3, stride = w * bpp;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const out = Buffer.alloc(h * stride);
  for (let y = 0; y < h; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= bpp ? out[y * stride + x - bpp] : 0, b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      let p = v;
      if (f === 1) p = v + a; else if (f === 2) p = v + b; else if (f === 3) p = v + ((a + b) >> 1);
      else if (f === 4) { const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c); p = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c); }
      out[y * stride + x] = p & 255;
    }
  }
  return { width: w, height: h, bpp, pixels: out };
}

// colourCount counts distinct colours on a sparse grid of the image.
export function colourCount(png) {
  const seen = new Set();
  for (let y = 0; y < png.height; y += 3)
    for (let x = 0; x < png.width; x += 3) {
      const i = (y * png.width + x) * png.bpp;
      seen.add((png.pixels[i] << 16) | (png.pixels[i + 1] << 8) | png.pixels[i + 2]);
    }
  return seen.size;
}

// fullRedrawDiff counts the pixels where the canvas as partial redraws left it differs from a
// full redraw of the same frame (web/imgui_webgl.h); when some do, both screenshots are saved
// as <name>-partial.png and <name>-full.png.
export async function fullRedrawDiff(page, name) {
  const partlyPng = await page.screenshot();
  const f0 = await page.evaluate(() => window.app.frameCount());
  await page.evaluate(() => window.app.redrawAll());
  await page.waitForFunction((f) => window.app.frameCount() > f + 1, f0);
  await page.waitForTimeout(200);
  const fullyPng = await page.screenshot();
  const partly = decodePng(partlyPng), fully = decodePng(fullyPng);
  if (partly.width !== fully.width || partly.height !== fully.height) return partly.width * partly.height;
  let differ = 0;
  for (let i = 0; i < partly.pixels.length; i += partly.bpp)
    for (let k = 0; k < 3; k++)
      if (partly.pixels[i + k] !== fully.pixels[i + k]) {
        ++differ;
        break;
      }
  if (differ) {
    saveArtifact(`${name}-partial.png`, partlyPng);
    saveArtifact(`${name}-full.png`, fullyPng);
  }
  return differ;
}
