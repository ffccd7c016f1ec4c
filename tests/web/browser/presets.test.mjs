// presets.test.mjs — the preset picker: presets grouped by the question they answer, under
// human titles; each preset opened from the picker runs on the release its sidecar names and,
// when the run ends, states its answer with the figures the run printed; the release matrix is
// one click away. Screenshots of the picker at 1400×860 and 720×420.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SCENARIOS, presetFiles, openSite, openPage, waitState, rect, click, saveArtifact } from '../lib.mjs';

let site, base, browser;
const errors = [];

before(async () => ({ base, browser } = site = await openSite()));
after(async () => {
  await site?.close();
  assert.deepEqual(errors, [], 'no page errors');
});

const open = (url, opts = {}) => openPage(browser, url, opts, errors);
const sidecar = (name) => JSON.parse(fs.readFileSync(path.join(SCENARIOS, name + '.json'), 'utf8'));

async function nextFrames(page, n = 2) {
  const f0 = await page.evaluate(() => window.app.frameCount());
  await page.evaluate(() => window.app.wake());
  await page.waitForFunction((f) => window.app.frameCount() >= f, f0 + n, { timeout: 5000 });
}

async function openPicker(page) {
  await click(page, 'preset');
  await nextFrames(page, 3);
}

test('the picker lists every preset by its title, group by group, in the groups\' order', async () => {
  const page = await open(base, { viewport: { width: 1400, height: 860 } });
  await waitState(page, (s) => s.state === 'Finished', 60000);
  const presets = await page.evaluate(() => window.app.presets().map((p) => ({ name: p.name, group: p.group })));
  const groups = await page.evaluate(() => window.app.presetGroups());
  assert.ok(groups.length >= 3);
  await openPicker(page);
  let lastY = -1;
  for (const p of presets) {
    const r = await rect(page, 'preset:' + p.name);
    assert.ok(r.y > lastY, `${p.name} is listed below the preset before it`);
    assert.ok(r.y + r.h <= 860, `${p.name} is on screen (y ${r.y})`);
    lastY = r.y;
  }
  assert.deepEqual([...new Set(presets.map((p) => p.group))], groups, 'groups in groups.json order');
  saveArtifact('30-picker-1400x860.png', await page.screenshot());
  await page.close();
});

test('at 720×420 the picker opens and its presets can be reached', async () => {
  const page = await open(base, { viewport: { width: 720, height: 420 } });
  await waitState(page, (s) => s.state === 'Finished', 60000);
  await openPicker(page);
  const first = await page.evaluate(() => window.app.presets()[0].name);
  const r = await rect(page, 'preset:' + first);
  assert.ok(r.y >= 0 && r.y + r.h <= 420, 'the first preset is on screen');
  saveArtifact('31-picker-720x420.png', await page.screenshot());
  await page.close();
});

// One test per preset (each with its own time limit), on one page: a slow preset fails alone
// and names itself, and the others still run. A run's wall time is paced by the page's frames
// (Simulation::step per frame), not by the simulator's CPU: at load 10-15 on 2 cores
// article000_pointer (0.3 s of native CPU) and substring_keys took 114-122 s (2026-12-06).
describe('each preset opens on its release with its title and question, and ends with its caption from the run', () => {
  let page, newest, first;
  before(async () => {
    page = await open(base, { viewport: { width: 1400, height: 860 } });
    await waitState(page, (s) => s.state === 'Finished', 60000);
    newest = await page.evaluate(() => window.app.defaultVersion());
    const names = await page.evaluate(() => window.app.presets().map((p) => p.name));
    assert.deepEqual([...names].sort(), presetFiles().map((f) => f.slice(0, -3)), 'the picker offers every preset of assets/scenarios');
    first = names[0];
  });
  after(async () => page?.close());

  for (const name of presetFiles().map((f) => f.slice(0, -3))) {
    test(name, { timeout: 300000 }, async () => {
      const side = sidecar(name);
      await openPicker(page);
      await click(page, 'preset:' + name);
      await nextFrames(page, 3);   // the click reloads the preset (the first one is already open)
      const s = await waitState(page, (st) => st.preset === name && st.state === 'Finished' && st.presetCaption !== '', 240000);
      assert.equal(s.goVersion, side.opens_on || newest, name + ' opens on its release');
      assert.equal(s.presetTitle, side.title);
      assert.equal(s.presetQuestion, side.question);
      assert.equal(s.presetGroup, side.group);
      // The caption is the sidecar's template for this release, filled with what this run printed.
      const want = await page.evaluate(([n, v, out]) => window.app.presetCaption(n, v, out), [name, s.goVersion, s.stdout + s.stderr]);
      assert.equal(s.presetCaption, want, name);
      assert.doesNotMatch(s.presetCaption, /\{\d+:/, name + ': every placeholder filled');
      assert.match(s.presetCaption, /\d/, name + ': the caption states figures');
      const c = await rect(page, 'preset-caption');
      assert.ok(c.w > 100 && c.h > 0, name + ': the caption is on screen');
      if (name === first) saveArtifact('32-preset-caption.png', await page.screenshot());
    });
  }
});

test('the caption\'s "Every release..." opens the release matrix; an edit hides the caption', async () => {
  const page = await open(base, { viewport: { width: 1400, height: 860 } });
  let s = await waitState(page, (st) => st.state === 'Finished' && st.presetCaption !== '', 60000);
  await click(page, 'preset-caption:releases');
  s = await waitState(page, (st) => st.releases.open, 10000);
  assert.ok(s.releases.open);
  await page.evaluate((t) => window.app.loadProgram(t, 'article000_inline*'), s.program.replace('1_000_000', '100_000'));
  s = await waitState(page, (st) => st.state === 'Finished' && st.preset === 'article000_inline*', 60000);
  assert.equal(s.presetCaption, '', 'an edited program is the reader\'s: no preset caption');
  assert.equal(s.presetTitle, '');
  await page.close();
});
