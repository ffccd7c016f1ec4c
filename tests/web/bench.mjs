// bench.mjs — the web benchmark (not a timed test): prints the figures of the budgets.
//
//   download   gzip -9 size of app.wasm + app.js              budget ≤ 1.5 MB
//   first      time to first frame (navigation → end of frame 1)  budget ≤ 1.5 s locally
//   frames     frame time p50 / p95 while the 1M-element preset runs   budget p95 ≤ 20 ms
//   heap       WASM heap size at the end of the 1M preset          budget ≤ 64 MB
//
// Usage: node tests/web/bench.mjs        (after a web build; writes artifacts/bench.json)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from '../../web/tools/serve.mjs';
import { SITE, SCENARIOS, launchBrowser, waitApp, appState, saveArtifact } from './lib.mjs';

const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(SITE, f)), { level: 9 }).length;
const download = gz('app.wasm') + gz('app.js');
const raw = fs.statSync(path.join(SITE, 'app.wasm')).size + fs.statSync(path.join(SITE, 'app.js')).size;

const server = await serve(SITE, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await launchBrowser();
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

// Time to first frame: 5 cold loads, median.
const firsts = [];
for (let i = 0; i < 5; i++) {
  const page = await browser.context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => window.__gms_first_frame_ms > 0, null, { timeout: 30000 });
  firsts.push(await page.evaluate(() => window.__gms_first_frame_ms));
  await page.close();
}

// Frames while the 1M preset runs: rAF intervals and the per-frame work the app measured.
const page = await browser.context.newPage();
await page.goto(base);
await waitApp(page);
const src = fs.readFileSync(path.join(SCENARIOS, 'article000_inline.go'), 'utf8');
await page.evaluate(() => { window.__gms_frame_work = []; });
await page.evaluate((t) => {
  window.__raf = [];
  let last = performance.now();
  const tick = (t) => { window.__raf.push(t - last); last = t; if (window.__raf_on) requestAnimationFrame(tick); };
  window.__raf_on = true;
  requestAnimationFrame(tick);
  window.app.loadProgram(t, 'article000_inline');
}, src);
const t0 = Date.now();
let s;
for (;;) {
  s = await appState(page);
  if (s.state !== 'Ready' && s.state !== 'Running') break;
  if (Date.now() - t0 > 600000) break;
  await page.waitForTimeout(250);
}
const runMs = Date.now() - t0;
await page.evaluate(() => { window.__raf_on = false; });
const raf = (await page.evaluate(() => window.__raf)).slice(2);
const work = await page.evaluate(() => window.__gms_frame_work);
const heap = await page.evaluate(() => window.app.heapBytes());
saveArtifact('bench-1m-end.png', await page.screenshot());
await page.close();

// Reference: the same browser drawing one blended full-screen quad per frame and nothing else.
// Headless Chromium rasterizes WebGL in software (SwiftShader); this is the floor any page of
// this size pays here, whatever it draws.
const ref = await browser.context.newPage();
await ref.goto('data:text/html,' + encodeURIComponent(`<canvas id=c style="position:fixed;inset:0;width:100vw;height:100vh"></canvas><script>
const c=document.getElementById('c'); c.width=innerWidth; c.height=innerHeight; const gl=c.getContext('webgl2');
const sh=(t,s)=>{const x=gl.createShader(t);gl.shaderSource(x,s);gl.compileShader(x);return x;};
const pr=gl.createProgram(); gl.attachShader(pr,sh(gl.VERTEX_SHADER,'#version 300 es\\nin vec2 p;void main(){gl_Position=vec4(p,0,1);}'));
gl.attachShader(pr,sh(gl.FRAGMENT_SHADER,'#version 300 es\\nprecision mediump float;out vec4 o;void main(){o=vec4(.1,.2,.3,.5);}'));
gl.linkProgram(pr); gl.useProgram(pr); gl.bindBuffer(gl.ARRAY_BUFFER,gl.createBuffer());
gl.bufferData(gl.ARRAY_BUFFER,new Float32Array([-1,-1,1,-1,-1,1,-1,1,1,-1,1,1]),gl.STATIC_DRAW);
gl.enableVertexAttribArray(0); gl.vertexAttribPointer(0,2,gl.FLOAT,false,0,0); gl.enable(gl.BLEND);
gl.blendFunc(gl.SRC_ALPHA,gl.ONE_MINUS_SRC_ALPHA); window.__raf=[]; let last=performance.now();
function f(t){gl.clear(gl.COLOR_BUFFER_BIT);gl.drawArrays(gl.TRIANGLES,0,6);__raf.push(t-last);last=t;if(__raf.length<90)requestAnimationFrame(f);}
requestAnimationFrame(f);</script>`));
await ref.waitForTimeout(2500);
const refRaf = (await ref.evaluate(() => window.__raf)).slice(5);
await ref.close();
await browser.close();
server.close();

const r = {
  download_gzip_bytes: download, download_raw_bytes: raw,
  first_frame_ms_median: pct(firsts, 0.5), first_frame_ms_all: firsts.map((x) => Math.round(x)),
  run_state: s.state, run_ms_1m: runMs, frames: raf.length,
  frame_interval_ms_p50: pct(raf, 0.5), frame_interval_ms_p95: pct(raf, 0.95),
  frame_work_ms_p50: pct(work, 0.5), frame_work_ms_p95: pct(work, 0.95),
  wasm_heap_bytes_end: heap,
  reference_blended_quad_interval_ms_p50: pct(refRaf, 0.5), reference_blended_quad_interval_ms_p95: pct(refRaf, 0.95),
};
saveArtifact('bench.json', JSON.stringify(r, null, 2));
const MB = (b) => (b / 1048576).toFixed(2) + ' MB';
const ok = (c) => (c ? 'ok' : 'OVER BUDGET');
console.log(`download (gzip -9, app.wasm + app.js): ${MB(download)} (raw ${MB(raw)})   budget 1.5 MB: ${ok(download <= 1.5 * 1048576)}`);
console.log(`time to first frame (median of 5): ${r.first_frame_ms_median.toFixed(0)} ms   budget 1500 ms: ${ok(r.first_frame_ms_median <= 1500)}`);
console.log(`1M preset: ${s.state} after ${(runMs / 1000).toFixed(1)} s, ${raf.length} frames`);
console.log(`frame interval p50 ${r.frame_interval_ms_p50.toFixed(1)} ms, p95 ${r.frame_interval_ms_p95.toFixed(1)} ms   budget p95 20 ms: ${ok(r.frame_interval_ms_p95 <= 20)}`);
console.log(`  (reference: one blended full-screen WebGL quad in this browser: p50 ${r.reference_blended_quad_interval_ms_p50.toFixed(1)} ms, p95 ${r.reference_blended_quad_interval_ms_p95.toFixed(1)} ms — software GL)`);
console.log(`frame work (engine + UI) p50 ${r.frame_work_ms_p50.toFixed(1)} ms, p95 ${r.frame_work_ms_p95.toFixed(1)} ms`);
console.log(`WASM heap at the end: ${MB(heap)}   budget 64 MB: ${ok(heap <= 64 * 1048576)}`);
