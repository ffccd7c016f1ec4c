// limiter.test.mjs — the GC CPU limiter on the heap chart (issue 14, GOMEMLIMIT): the oracle
// program tests/oracle/programs/gc_cpu_limiter.go run in the page; with GOMAXPROCS=2 the
// limiter stays off, after runtime.GOMAXPROCS(1) it turns on (as on real Go, every release),
// and its periods are what the heap chart shades (appState().limiterPeriods), after the
// second print and inside the run. Screenshot: tests/web/artifacts/40-limiter.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, openSite, openPage, waitState, rect, saveArtifact } from '../lib.mjs';

let site, base, browser;
const pageErrors = [];
before(async () => ({ base, browser } = site = await openSite()));
after(async () => site?.close());

const program = fs.readFileSync(path.join(ROOT, 'tests', 'oracle', 'programs', 'gc_cpu_limiter.go'), 'utf8');

test('the limiter stays off with 2 Ps, turns on with 1, and its periods are on the heap chart', async () => {
  const page = await openPage(browser, base, { viewport: { width: 1400, height: 860 } }, pageErrors);
  // Only the part with GOMAXPROCS=2: no period.
  const twoPs = program.replace(/\tfmt\.Println\("GOMAXPROCS was"[\s\S]*?\n}\n$/, '}\n');
  assert.notEqual(twoPs, program);
  await page.evaluate((t) => window.app.loadProgram(t, ''), twoPs);
  let s = await waitState(page, (x) => x.state === 'Finished', 120000);
  assert.match(s.stdout, /2 Ps: peak HeapAlloc past 100 MiB: 0/);
  assert.deepEqual(s.limiterPeriods, []);
  // The whole program: periods once GOMAXPROCS is 1.
  await page.evaluate((t) => window.app.loadProgram(t, ''), program);
  s = await waitState(page, (x) => x.state === 'Finished', 180000);
  assert.match(s.stdout, /1 P: peak HeapAlloc past 100 MiB: 1/);
  assert.ok(s.limiterPeriods.length >= 1, JSON.stringify(s.limiterPeriods));
  for (const p of s.limiterPeriods) {
    assert.ok(p.cycle >= 1 && p.cycle <= s.numGC + 1, JSON.stringify(p));
    assert.ok(p.to === null || p.to >= p.from, JSON.stringify(p));
    assert.ok(p.from <= s.ops, JSON.stringify(p));
  }
  const chart = await rect(page, 'heap-chart');
  assert.ok(chart.w > 100 && chart.h > 50);
  saveArtifact('40-limiter.png', await page.screenshot());
  assert.deepEqual(pageErrors, []);
  await page.close();
});
