// wasm_slices.mjs — the engine's own time per slice in WebAssembly, without the page (issue 15).
//
//   node tests/web/wasm_slices.mjs [--go 1.27] [--ops 10000] [--runs 3] [--preset article000_inline]
//
// In the page a slice's wall time mixes the engine's work with whatever else took its core
// (llvmpipe's raster threads, other jobs): a browser cannot read a thread's CPU clock. This
// runs the same wasm engine (build-web/node/gomapsim_api.wasm, V8 as in Chromium) under node,
// where nothing else of the page runs, in steps of a fixed number of ops (sim.step(N), about
// half a millisecond's worth at 10000 on Go 1.27), and prints per step:
//   - the wall time of the first run, whose steps also take the first touch of the wasm memory
//     the engine grows into (minor page faults of the thread, from /proc), and
//   - the least wall time of the step over --runs runs in the same process (memory already
//     touched, other processes' preemption filtered out): the engine's own cost,
// p50 / p95 / p99 / max of each and p95 / p50 (a fixed-ops step's spread: what a pacer that
// predicts a slice by a rate per op cannot see), then the slowest steps with the timeline's
// events inside them (map growth, GC cycles). No keyframes: the Embind API takes none.
import fs from 'node:fs';
import { loadApi, SCENARIOS } from './lib.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const M = await loadApi();
const go = arg('--go', M.defaultVersion()), K = Number(arg('--ops', 10000)), R = Math.max(1, Number(arg('--runs', 3)));
const preset = arg('--preset', 'article000_inline'), top = Number(arg('--top', 10));
const source = fs.readFileSync(`${SCENARIOS}/${preset}.go`, 'utf8');
const faults = () => Number(fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')[7]);

let first = null, least = null, events = null;
for (let run = 0; run < R; run++) {
  const s = new M.Sim();
  if (!s.load(source, { goVersion: go })) throw new Error(JSON.stringify(s.diagnostics()));
  const steps = [];
  for (;;) {
    const op0 = s.ops(), f0 = faults(), t0 = performance.now();
    const st = s.step(K);
    steps.push({ op0, op1: s.ops(), ms: performance.now() - t0, faults: faults() - f0 });
    if (st !== 'Ready' && st !== 'Running') break;
  }
  if (!events) {
    events = s.timelineJsonl().split('\n').filter(Boolean).map((l) => JSON.parse(l))
      .filter((r) => r.kind === 'map_event' || r.kind === 'gc');
  }
  s.delete();
  if (!first) {
    first = steps;
    least = steps.map((x) => ({ ...x }));
  } else {
    steps.forEach((x, i) => { if (least[i] && x.ms < least[i].ms) least[i].ms = x.ms; });
  }
}

const pct = (v, p) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
const line = (label, steps) => {
  const v = steps.map((x) => x.ms).sort((a, b) => a - b);
  const f = (x) => x.toFixed(3);
  return `${label}: p50 ${f(pct(v, 0.5))} p95 ${f(pct(v, 0.95))} p99 ${f(pct(v, 0.99))} max ${f(v.at(-1))} ms, ` +
    `p95 / p50 ${(pct(v, 0.95) / pct(v, 0.5)).toFixed(2)}, max / p50 ${(v.at(-1) / pct(v, 0.5)).toFixed(1)}; ` +
    `sum ${v.reduce((a, b) => a + b, 0).toFixed(0)} ms`;
};
const what = (x) => events.filter((e) => e.op > x.op0 && e.op <= x.op1)
  .map((e) => (e.kind === 'gc' ? 'GC' : `${e.event.kind} ${e.event.a}→${e.event.b}`)).join(', ').slice(0, 120);

console.log(`${preset}, Go ${go}: ${first.length} steps of ${K} ops; load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
console.log(line('first run (wall, first touch of memory)', first) +
  `; minor faults ${first.reduce((a, x) => a + x.faults, 0)}`);
if (R > 1) console.log(line(`least of ${R} runs (the engine's own)`, least));
console.log(`slowest steps, least of ${R} runs (first run's wall time, its minor faults):`);
for (const [i, x] of [...least.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
  console.log(`  ${x.ms.toFixed(3)} ms (${first[i].ms.toFixed(2)} ms, ${first[i].faults} faults) ops ${x.op0}..${x.op1}: ${what(x) || '(no event)'}`);
}
console.log('first run\'s steps with the most minor faults:');
for (const x of [...first].sort((a, b) => b.faults - a.faults).slice(0, Math.min(5, top))) {
  console.log(`  ${x.faults} faults, ${x.ms.toFixed(2)} ms, ops ${x.op0}..${x.op1}: ${what(x) || '(no event)'}`);
}
