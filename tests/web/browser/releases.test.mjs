// releases.test.mjs — every Go release in the page: the version switch, the release a program
// opens on, links naming a release that is not offered, the release matrix window (opened by a
// click, run to the end, checked against the CLI, clicked to switch the main run), two
// releases in Compare, and the matrix at embed size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCENARIOS, openSite, openPage, appState, waitState, rect, click, saveArtifact, runCli,
         fullRedrawDiff } from '../lib.mjs';

let site, base, browser;
const errors = [];
const RELEASES = ['1.19', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27'];
const NEWEST = RELEASES[RELEASES.length - 1];

before(async () => ({ base, browser } = site = await openSite()));
after(async () => site?.close());

const open = (url, opts = {}) => openPage(browser, url, opts, errors);
const small = fs.readFileSync(path.join(SCENARIOS, 'article003_scene1.go'), 'utf8');

// nextFrames waits until the page drew n more frames (a click lands in the next frame).
async function nextFrames(page, n = 2) {
  const f0 = await page.evaluate(() => window.app.frameCount());
  await page.evaluate(() => window.app.wake());
  await page.waitForFunction((f) => window.app.frameCount() >= f, f0 + n, { timeout: 5000 });
}

// linkFor is a share link to the page for a state (Module.encodeShare in the page).
async function linkFor(page, st) {
  return base + '#' + (await page.evaluate((s) => window.app.encodeShare(s), st));
}

test('the Go switch lists every release, newest first; New program runs on today\'s Go, an article preset on 1.19', async () => {
  const page = await open(base);
  assert.equal(await page.evaluate(() => window.app.defaultVersion()), NEWEST);
  await click(page, 'preset');
  await nextFrames(page);
  await click(page, 'preset:new');
  let s = await waitState(page, (st) => st.preset === '' && st.state === 'Finished', 20000);
  assert.equal(s.goVersion, NEWEST, 'a new program runs on today\'s Go');
  assert.match(s.stdout, /^entries = 100000 HeapAlloc = \d+ KB\n$/);

  await click(page, 'go-version');
  await nextFrames(page);
  const ys = [];
  for (const v of RELEASES) ys.push((await rect(page, 'go-version:' + v)).y);
  for (let i = 1; i < ys.length; i++) assert.ok(ys[i] < ys[i - 1], 'not newest first: ' + ys.join(', '));
  saveArtifact('20-go-versions.png', await page.screenshot());
  await click(page, 'go-version:1.22');
  s = await waitState(page, (st) => st.goVersion === '1.22' && st.state === 'Finished', 20000);

  await click(page, 'preset');
  await nextFrames(page);
  await click(page, 'preset:article003_scene1');
  s = await waitState(page, (st) => st.preset === 'article003_scene1' && st.state === 'Finished', 20000);
  assert.equal(s.goVersion, '1.19', 'an article preset opens on the release its figures are from');
  await page.close();
});

test('a link naming a release that is not offered (Go 1.20) opens on the next one with a notice; 1.24 stays 1.24', async () => {
  const p0 = await open(base);
  const st = { program: small, preset: 'article003_scene1', gogc: 100, seed: 1, views: 0 };
  const old = await linkFor(p0, { ...st, goVersion: '1.20' });
  const kept = await linkFor(p0, { ...st, goVersion: '1.24' });
  await p0.close();

  let page = await open(old);
  let s = await waitState(page, (x) => x.state === 'Finished', 20000);
  assert.equal(s.goVersion, '1.21');
  assert.match(s.notice, /Go 1\.20.*not offer.*Go 1\.21/);
  const dom = await page.evaluate(() => ({ text: document.getElementById('notice').textContent }));
  assert.match(dom.text, /Go 1\.21/);
  assert.ok(await page.evaluate(() => window.app.widgetRect('notice')), 'no notice strip drawn');
  saveArtifact('21-link-go1.20.png', await page.screenshot());
  await page.close();

  page = await open(kept);
  s = await waitState(page, (x) => x.state === 'Finished', 20000);
  assert.equal(s.goVersion, '1.24');
  assert.equal(s.notice, '');
  await page.close();
});

test('the release matrix, opened by a click, runs article 000 on every release and shows the turn at 1.24', async () => {
  const page = await open(base);
  let s = await waitState(page, (x) => x.state === 'Finished', 60000);
  assert.equal(s.preset, 'article000_inline');
  await click(page, 'all-releases');
  s = await waitState(page, (x) => x.releases.open && x.releases.running, 10000);
  await page.waitForTimeout(1500);
  saveArtifact('22-releases-running.png', await page.screenshot());
  s = await waitState(page, (x) => x.releases.done, 180000);
  const r = s.releases;
  assert.deepEqual(r.columns.map((c) => c.version), RELEASES);
  assert.ok(r.columns.every((c) => c.loaded && c.state === 'Finished' && c.progress === 1), JSON.stringify(r.columns));
  assert.ok(r.turns.includes('1.24'), JSON.stringify(r.turns));   // (the start-of-main heap turns elsewhere too)
  assert.equal(r.rows.length, 3);
  assert.deepEqual(r.rows[1].numbers[0].turns, ['1.24'], 'line 2 (after 1M inserts) turns at 1.24');
  console.log(`# release matrix, article 000 on ${RELEASES.length} releases: ${r.elapsedMs} ms in the test browser`);

  // The same figures as the CLI's matrix.
  const cli = runCli(['run', '--go', 'all', '--json', path.join(SCENARIOS, 'article000_inline.go')]);
  if (cli) {
    const rows = cli.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((x) => x.kind === 'row');
    assert.deepEqual(r.rows.map((row) => row.numbers.map((n) => ({ values: Object.fromEntries(Object.entries(n.values).map(([k, v]) => [k, Number(v)])), turns: n.turns }))),
                     rows.map((row) => row.numbers.map((n) => ({ values: n.values, turns: n.turns }))));
  }
  // Screen readers get the table as text.
  await page.waitForTimeout(200);
  const sr = await page.evaluate(() => document.getElementById('sr-releases').textContent);
  assert.match(sr, /Go 1\.24: \d+ figures? turned \(line 2 /);
  await page.mouse.move(5, 400);   // no tooltip in the picture
  await page.waitForTimeout(300);
  saveArtifact('23-releases.png', await page.screenshot());
  // The window floats over the tiles: partial redraws still give a full redraw's pixels.
  assert.equal(await fullRedrawDiff(page, '23-releases-damage'), 0, 'partial redraws differ from a full redraw');

  // Clicking a release's column runs the main program there.
  await click(page, 'release:1.24');
  s = await waitState(page, (x) => x.goVersion === '1.24' && x.state === 'Finished', 60000);
  const cli124 = runCli(['run', '--go', '1.24', path.join(SCENARIOS, 'article000_inline.go')]);
  if (cli124) assert.equal(s.stdout, cli124.stdout);
  assert.equal(s.releases.stale, false, 'switching the release does not make the matrix stale');
  await page.close();
});

test('the matrix at 720×420: the embed view (?embed&view=releases) and the tabbed layout', async () => {
  const p0 = await open(base);
  const link = await linkFor(p0, { program: small, preset: 'article003_scene1', goVersion: '1.19', gogc: 100, seed: 1, views: 0 });
  await p0.close();
  const viewport = { width: 720, height: 420 };
  let page = await open(link.replace('#', '?embed&view=releases#'), { viewport });
  let s = await waitState(page, (x) => x.releases.done, 60000);
  assert.equal(s.embed, true);
  assert.ok(s.releases.rows.length >= 6);
  assert.ok(s.releases.turns.includes('1.24'), JSON.stringify(s.releases.turns));
  for (const v of ['1.19', NEWEST]) {
    const h = await rect(page, 'release:' + v);
    assert.ok(h.x >= 0 && h.x + h.w <= viewport.width && h.y + h.h <= viewport.height, `${v} column off screen: ${JSON.stringify(h)}`);
  }
  saveArtifact('24-releases-embed-720x420.png', await page.screenshot());
  // The curves are a tab away at this height (the figures take the frame).
  await click(page, 'releases-tab:curves');
  await nextFrames(page);
  const chart = await rect(page, 'releases-chart');
  assert.ok(chart.h >= 200 && chart.y + chart.h <= viewport.height + 1, 'curves too small or cut: ' + JSON.stringify(chart));
  await page.close();

  page = await open(link, { viewport });
  s = await appState(page);
  assert.equal(s.narrow, true);
  await click(page, 'tab:Run');
  await nextFrames(page);
  await click(page, 'all-releases');
  s = await waitState(page, (x) => x.releases.done, 60000);
  await nextFrames(page);
  await rect(page, 'releases-table');   // the Releases tab is the one shown, its figures first
  await click(page, 'releases-tab:curves');
  await nextFrames(page);
  await rect(page, 'releases-chart');
  saveArtifact('25-releases-narrow-720x420.png', await page.screenshot());
  await page.close();
});

test('Compare runs any two releases, and a link keeps them', async () => {
  const page = await open(base);
  const src = fs.readFileSync(path.join(SCENARIOS, 'article000_inline.go'), 'utf8').replace('n := 1_000_000', 'n := 100_000');
  await page.evaluate((t) => window.app.loadProgram(t, 'article000_inline'), src);
  await waitState(page, (x) => x.state === 'Finished');
  await page.evaluate(() => window.app.compareReleases('1.22', '1.25'));
  let s = await waitState(page, (x) => x.compare.done, 30000);
  assert.deepEqual([s.compare.mode, s.compare.versionA, s.compare.versionB], [1, '1.22', '1.25']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gms-compare-')), 'main.go');
  fs.writeFileSync(file, src);
  for (const [v, out] of [['1.22', s.compare.a], ['1.25', s.compare.b]]) {
    const cli = runCli(['run', '--go', v, file]);
    if (cli) assert.equal(out, cli.stdout, v);
  }
  saveArtifact('26-compare-releases.png', await page.screenshot());
  await page.waitForTimeout(600);   // the fragment follows after a pause
  const link = await page.evaluate(() => window.app.shareLink());
  await page.close();
  const p2 = await open(link);
  s = await waitState(p2, (x) => x.compare.done, 30000);
  assert.deepEqual([s.compare.mode, s.compare.versionA, s.compare.versionB], [1, '1.22', '1.25']);
  await p2.close();
});

test('no page errors', () => {
  assert.deepEqual(errors.filter((e) => !/unwind/.test(e)), []);
});
