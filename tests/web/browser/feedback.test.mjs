// feedback.test.mjs — what the page tells a reader (issue 13, "Broken or unreachable" and
// "Feedback"), walked in Debian's chromium: first load, Compare at 1400×860, a link pasted
// into an open tab, the phone (390×844), a compile error, a panic, a runaway loop with Stop,
// the simulator's memory cap, damaged / cut-off / unrelated fragments, Escape, GOGC, the embed
// snippet. Each path saves a screenshot (tests/web/artifacts/3x-*.png) and checks what the page
// says: appState, the screen-reader regions, the DOM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SCENARIOS, openSite, openPage, appState, waitState, rect, saveArtifact, click, dragKnob } from '../lib.mjs';

let site, base, browser;
const pageErrors = [];
before(async () => ({ base, browser } = site = await openSite()));
after(async () => site?.close());

const open = (url, opts = {}) => openPage(browser, url, opts, pageErrors);
const small = fs.readFileSync(path.join(SCENARIOS, 'article003_scene1.go'), 'utf8');
const sr = (page) => page.evaluate(() => ({
  status: document.getElementById('sr-status').textContent,
  output: document.getElementById('sr-output').textContent,
  notice: document.getElementById('notice').textContent,
}));
const count = (text, part) => text.split(part).length - 1;

// linkOf returns the share link of a program run to its end (written after a pause).
async function linkOf(program, preset) {
  const p = await open(base);
  await p.evaluate(([t, n]) => window.app.loadProgram(t, n), [program, preset]);
  await waitState(p, (s) => s.state === 'Finished');
  const link = await p.evaluate(() => window.app.shareLink());
  await p.close();
  return link;
}

// The status line never reads "line 0" or "Running … running", whatever the run's state.
function checkStatus(s) {
  assert.doesNotMatch(s.status, /line 0\b/, s.status);
  assert.doesNotMatch(s.status, /running.*running/i, s.status);
}

test('first load: the default preset runs; status, notice region and favicon say what they should', async () => {
  const page = await open(base);
  let s = await appState(page);
  checkStatus(s);
  assert.equal(s.notice, '');
  s = await waitState(page, (x) => x.state === 'Finished', 120000);
  checkStatus(s);
  assert.match(s.status, /^Finished {2}· {2}\S+ ops {2}· {2}simulator memory [\d.]+ (KiB|MiB)$/);
  assert.equal(s.runButton, 'Run again');
  await page.waitForTimeout(300);
  const dom = await sr(page);
  assert.match(dom.status, /^Finished/);
  assert.equal(dom.notice, '');
  // The notice region is for screen readers only: the canvas shows the one visible notice.
  const box = await page.evaluate(() => document.getElementById('notice').getBoundingClientRect().width);
  assert.ok(box <= 1, 'the DOM notice is drawn over the canvas');
  const icon = await page.evaluate(() => document.querySelector('link[rel="icon"]')?.href || '');
  assert.match(icon, /^data:image\/svg\+xml,/);
  // GOGC: its value is written beside the slider, not under the grab; "GC off" is its own box.
  const gogc = await rect(page, 'gogc'), value = await rect(page, 'gogc-value'), off = await rect(page, 'gc-off');
  assert.ok(value.x >= gogc.x + gogc.w, 'GOGC value overlaps its slider');
  assert.ok(off.x >= value.x + value.w, '"GC off" overlaps the value');
  saveArtifact('30-first-load.png', await page.screenshot());
  await page.close();
});

test('compare at 1400×860: Run both, the table and the chart lie inside the window; sizes in adaptive units', async () => {
  const page = await open(base);
  const src = fs.readFileSync(path.join(SCENARIOS, 'article000_inline.go'), 'utf8').replace('n := 1_000_000', 'n := 100_000');
  await page.evaluate((t) => window.app.loadProgram(t, 'article000_inline'), src);
  await waitState(page, (s) => s.state === 'Finished');
  await page.evaluate(() => window.app.startCompare(0));
  const s = await waitState(page, (x) => x.compare.done && x.compare.rows.length === 3, 60000);
  const a = s.compare.a.trim().split('\n'), b = s.compare.b.trim().split('\n');
  assert.equal(a.length, 3);
  assert.equal(b.length, 3);
  assert.ok(parseInt(b[2], 10) < parseInt(a[2], 10), `pointer values should keep less after GC: ${a} vs ${b}`);
  const vw = 1400, vh = 860;
  for (const name of ['compare-run', 'compare-table', 'compare-chart']) {
    const r = await rect(page, name);
    assert.ok(r.x >= 0 && r.x + r.w <= vw + 0.5 && r.y + r.h <= vh + 0.5, `${name} outside the window: ${JSON.stringify(r)}`);
  }
  // Every value reads in the unit that suits it: "41.4 KiB" beside "182 MiB", never "0 MB".
  for (const [line, va, vb] of s.compare.rows) {
    for (const v of [va, vb]) assert.match(v, /^\d+(\.\d+)? (B|KiB|MiB|GiB)$/, `${line}: ${v}`);
    assert.doesNotMatch(va + vb, /^0 (KiB|MiB)/);
  }
  assert.match(s.compare.rows[0][1], /KiB$/, 'the empty map prints some KiB, not "0 MiB"');
  saveArtifact('31-compare.png', await page.screenshot());
  // Two releases: their pickers appear, and Run both stays inside the window.
  await page.evaluate(() => window.app.compareReleases('1.19', '1.27'));
  await waitState(page, (x) => x.compare.done && x.compare.mode === 1 && x.compare.rows.length === 3, 60000);
  const run = await rect(page, 'compare-run'), pickB = await rect(page, 'compare-b');
  assert.ok(run.x + run.w <= vw && pickB.x + pickB.w <= vw);
  saveArtifact('31-compare-releases.png', await page.screenshot());
  await page.close();
});

test('a share link pasted into a tab that has the playground open loads it (hashchange, no reload)', async () => {
  const link = await linkOf(small, 'article003_scene1');
  const page = await open(base);
  await page.evaluate(() => { window.__same_document = true; });
  await page.goto(link);   // only the fragment differs: the browser fires hashchange, no reload
  const s = await waitState(page, (x) => x.program === small && x.state === 'Finished', 30000);
  assert.equal(s.preset, 'article003_scene1');
  assert.equal(s.notice, '');
  assert.equal(await page.evaluate(() => window.__same_document), true, 'the page reloaded');
  // A damaged link pasted the same way: the reader is told, and the address bar is cleaned.
  await page.evaluate(() => { location.hash = 'v1=AAAA' + '%%%'; });
  const bad = await waitState(page, (x) => x.notice !== '', 20000);
  assert.match(bad.notice, /could not be opened.*keeps what it showed/);
  assert.equal(bad.program, small, 'a bad link replaced the program on screen');
  await page.waitForFunction(() => location.hash === '', null, { timeout: 15000 });
  saveArtifact('32-pasted-link.png', await page.screenshot());
  await page.close();
});

test('a restored link puts each knob at the same place on the same slider; older links still open', async () => {
  const page = await open(base);
  await page.evaluate((t) => window.app.loadProgram(t, 'article003_scene1'), small);
  const before = await waitState(page, (s) => s.state === 'Finished');
  const knob = before.knobs.find((k) => k.name === 'cnt');
  await dragKnob(page, 'cnt', 8);
  const moved = await waitState(page, (s) => s.state === 'Finished' && s.knobs.find((k) => k.name === 'cnt').value !== knob.value);
  const k1 = moved.knobs.find((k) => k.name === 'cnt');
  assert.deepEqual([k1.lo, k1.hi], [knob.lo, knob.hi], 'dragging moved the slider ends');
  await page.waitForTimeout(700);
  const link = await page.evaluate(() => window.app.shareLink());
  const page2 = await open(link);
  const restored = await waitState(page2, (s) => s.state === 'Finished');
  const k2 = restored.knobs.find((k) => k.name === 'cnt');
  assert.deepEqual([k2.value, k2.lo, k2.hi], [k1.value, k1.lo, k1.hi]);
  const r1 = await rect(page, 'knob:cnt'), r2 = await rect(page2, 'knob:cnt');
  assert.deepEqual(r2, r1);
  // A link made before ranges were saved (no field 9) opens: the knob gets the range its value gives.
  const old = base + '#' + (await page.evaluate((t) => window.app.encodeShare({ program: t, preset: 'article003_scene1', gogc: 100, seed: 1, views: 0 }), restored.program));
  const page3 = await open(old);
  const fresh = await waitState(page3, (s) => s.state === 'Finished');
  const k3 = fresh.knobs.find((k) => k.name === 'cnt');
  assert.equal(k3.value, k1.value);
  assert.notDeepEqual([k3.lo, k3.hi], [k1.lo, k1.hi]);
  assert.equal(fresh.notice, '');
  await page.close();
  await page2.close();
  await page3.close();
});

test('Copy link: the confirmation shows beside the button, in the menu bar; nothing below moves', async () => {
  const page = await open(base);
  const run0 = await rect(page, 'run');
  await click(page, 'copy-link');
  const s = await waitState(page, (x) => x.noticeKind === 'info', 15000);
  assert.equal(s.notice, 'Link copied to the clipboard.');
  const note = await rect(page, 'notice'), button = await rect(page, 'copy-link');
  assert.ok(note.y < button.y + button.h && note.x + note.w <= button.x, 'the confirmation is not beside Copy link');
  assert.deepEqual(await rect(page, 'run'), run0, 'the windows moved');
  assert.match(await page.evaluate(() => window.__gms_clipboard || ''), /#v1=/);
  saveArtifact('30-copy-link.png', await page.screenshot());
  await waitState(page, (x) => x.notice === '', 15000);   // it goes by itself
  await page.close();
});

test('the phone (390×844): every tab is in sight, Output is one tap away, the code tab has Run', async () => {
  const page = await open(base, { viewport: { width: 390, height: 844 } });
  await waitState(page, (s) => s.narrow);
  const tabs = await page.evaluate(() => window.app.widgetNames().filter((n) => n.startsWith('tab:')));
  assert.deepEqual(tabs.sort(), ['tab:Code', 'tab:Heap', 'tab:Map', 'tab:Output', 'tab:Run']);
  for (const t of tabs) {
    const r = await rect(page, t);
    assert.ok(r.x >= 0 && r.x + r.w <= 390, `${t} off-screen: ${JSON.stringify(r)}`);
  }
  const run = await rect(page, 'run');   // drawn on the first tab (Code), above the editor
  const editor = await rect(page, 'editor');
  assert.ok(run.y < editor.y && run.x + run.w <= 390);
  saveArtifact('33-phone-code.png', await page.screenshot());
  await waitState(page, (s) => s.state === 'Finished', 120000);
  await click(page, 'tab:Output');
  await page.waitForFunction(() => window.app.widgetRect('output'), null, { timeout: 15000 });
  const s = await appState(page);
  assert.match(s.output, /KB/);
  await page.waitForTimeout(200);
  saveArtifact('33-phone-output.png', await page.screenshot());
  await page.close();
  // A notice on the phone wraps, and its OK stays in sight (it was cut off over the toolbar).
  const bad = await open(base + '#v1=AAAA%%%', { viewport: { width: 390, height: 844 } });
  await waitState(bad, (x) => x.notice !== '', 20000);
  const ok = await rect(bad, 'notice-ok'), note = await rect(bad, 'notice');
  assert.ok(ok.x + ok.w <= 390 && note.x + note.w <= ok.x, JSON.stringify({ ok, note }));
  assert.ok((await rect(bad, 'tab:Code')).y >= note.y + note.h, 'the notice covers the tabs');
  saveArtifact('33-phone-notice.png', await bad.screenshot());
  await bad.close();
});

test('a compile error: in Output with line:column, the line marked, Run disabled and the status says why', async () => {
  const page = await open(base);
  const src = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tx := 1\n\tfmt.Println(y)\n}\n';
  await page.evaluate((t) => window.app.loadProgram(t, 'broken'), src);
  const s = await waitState(page, (x) => x.errorLine > 0, 20000);
  // both of gc's errors, in its order (go run, 1.27): the unused x first, at its line
  assert.equal(s.errorLine, 6);
  assert.equal(s.errorCol, 2);
  assert.match(s.output, /main\.go:6:2: declared and not used: x\n(.*\n)?main\.go:7:14: undefined: y/);
  assert.equal(count(s.output, 'undefined: y'), 1);
  assert.equal(s.runButton, 'Run');
  assert.equal(s.runEnabled, false);
  assert.equal(s.status, 'Does not compile: line 6:2 (see Output)');
  assert.equal(s.notice, '', 'a compile error is not a notice');
  await page.waitForTimeout(300);
  const dom = await sr(page);
  assert.match(dom.output, /main\.go:7:14: undefined: y/);
  assert.match(dom.status, /^Does not compile/);
  saveArtifact('34-compile-error.png', await page.screenshot());
  await page.close();
});

test('typing reruns the program after a pause in typing, as a knob does', async () => {
  const page = await open(base);
  await page.evaluate((t) => window.app.loadProgram(t, 'article003_scene1'), small);
  const first = await waitState(page, (s) => s.state === 'Finished');
  const ed = await rect(page, 'editor');
  await page.mouse.click(ed.x + ed.w * 0.5, ed.y + ed.h * 0.5);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'gms-text-input', null, { timeout: 15000 });
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nfunc unused() {}\n');
  const typing = await appState(page);
  assert.match(typing.status, /^Editing/);
  // No Run pressed: after the pause the new text runs to its end.
  const s = await waitState(page, (x) => x.program.includes('func unused') && x.state === 'Finished' && x.ops > 0, 20000);
  assert.equal(s.stdout, first.stdout);
  await page.close();
});

test('a panic prints once, as Go prints it, and its line is marked; go run\'s "exit status N" ends it, as os.Exit\'s', async () => {
  const page = await open(base);
  const src = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("before")\n\tvar m map[string]int\n\tm["a"] = 1\n}\n';
  await page.evaluate((t) => window.app.loadProgram(t, 'panics'), src);
  const s = await waitState(page, (x) => x.state === 'Panicked', 20000);
  assert.equal(count(s.output, 'assignment to entry in nil map'), 1, s.output);
  assert.match(s.output, /^before\npanic: assignment to entry in nil map\n/);
  assert.equal(s.errorLine, 8);
  assert.match(s.status, /^Panicked at line 8 after \S+ ops \(see Output\)$/);
  assert.equal(s.notice, '');
  await page.waitForTimeout(300);
  assert.equal(count((await sr(page)).output, 'assignment to entry in nil map'), 1);
  saveArtifact('35-panic.png', await page.screenshot());
  // Run again: it panics again and the line is marked again (on a loaded machine the rerun
  // may take a few frames to get there: wait for the state, not for a frame count).
  const f0 = await page.evaluate(() => window.app.frameCount());
  await click(page, 'run');
  await page.waitForFunction((f) => window.app.frameCount() > f + 2, f0, { timeout: 20000 });
  const again = await waitState(page, (x) => x.state === 'Panicked' && x.errorLine === 8, 20000);
  assert.equal(again.errorLine, 8);
  assert.equal(count(again.output, 'assignment to entry in nil map'), 1);
  assert.match(again.output, /\nexit status 2\n$/, 'go run ends a panic with "exit status 2"');
  // os.Exit(3): go run's last line, and the status says how it ended.
  await page.evaluate((t) => window.app.loadProgram(t, 'exits'),
    'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tdefer fmt.Println("deferred")\n\tfmt.Println("hi")\n\tos.Exit(3)\n}\n');
  const exited = await waitState(page, (x) => x.state === 'Finished' && x.output.includes('exit status'), 20000);
  assert.equal(exited.output, 'hi\nexit status 3\n');
  assert.match(exited.status, /^Exited with status 3 /);
  await page.close();
});

test('a runaway loop: after a few quiet seconds a plain-words notice with Stop; Stop stops it', async () => {
  const page = await open(base);
  await page.evaluate(() => window.app.loadProgram('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n', 'loop'));
  const t0 = Date.now();
  const s = await waitState(page, (x) => x.noticeKind === 'runaway', 15000);
  assert.ok(Date.now() - t0 < 12000, 'the runaway notice took too long');
  assert.match(s.notice, /printed nothing for \d+ seconds\. It may never end.*for \{\}/);
  checkStatus(s);
  assert.match(s.status, /^Running at line \d+/);
  assert.match((await sr(page)).notice, /^This program has printed nothing for \d+ seconds/);
  // The strip takes its own room: the Run window's buttons are below it, not under it.
  const strip = await rect(page, 'notice'), run = await rect(page, 'run');
  assert.ok(run.y >= strip.y + strip.h, 'the notice covers the Run button');
  saveArtifact('36-runaway.png', await page.screenshot());
  await click(page, 'notice-stop');
  const stopped = await waitState(page, (x) => !x.playing, 15000);
  assert.equal(stopped.notice, '');
  assert.match(stopped.status, /^Paused at line \d+/);
  assert.equal(stopped.runButton, 'Continue');
  await page.close();
});

test('a value too big to simulate stops the run with a message in plain words, in Output only', async () => {
  const page = await open(base);
  const src = 'package main\n\nimport "fmt"\n\nfunc main() {\n\ts := "xxxxxxxx"\n\tfor i := 0; i < 40; i++ {\n\t\ts += s\n\t}\n\tfmt.Println(len(s))\n}\n';
  await page.evaluate((t) => window.app.loadProgram(t, 'too-big'), src);
  const s = await waitState(page, (x) => x.state === 'LimitExceeded', 30000);
  assert.match(s.output, /^Stopped: a string of \d+ bytes is more than the simulator can hold .*384 MiB of memory the playground allows itself/);
  assert.doesNotMatch(s.output, /max_sim_memory|gomapsim:/);
  assert.equal(count(s.output, 'Stopped'), 1);
  assert.match(s.status, /^Stopped by the simulator after/);
  assert.equal(s.notice, '');
  saveArtifact('37-limit.png', await page.screenshot());
  await page.close();
});

test('fragments: an anchor is ignored, a cut-off link is called cut off, damage is cleared from the address bar', async () => {
  const link = await linkOf(small, 'article003_scene1');
  const hash = link.slice(link.indexOf('#'));
  const cases = [
    { frag: '#hello', notice: /^$/, hashAfter: '#hello' },
    { frag: hash.slice(0, Math.floor(hash.length * 0.6)), notice: /could not be opened: it was cut off after \d+ characters \(copy the whole link again\)\. Showing the default program/, hashAfter: '' },
    { frag: '#v1=<img src=x onerror=alert(1)>', notice: /could not be opened: it holds characters a playground link never has/, hashAfter: '' },
    { frag: '#v9=abc', notice: /made by a newer version of the playground/, hashAfter: '' },
    { frag: '#v1=' + 'A'.repeat(200000), notice: /too large/, hashAfter: '' },
  ];
  for (const [i, c] of cases.entries()) {
    const page = await open(base + c.frag);
    // A notice (or none) is decided in the first frame; the address bar is cleaned then too.
    const s = await waitState(page, (x) => x.preset === 'article000_inline', 20000);
    assert.match(s.notice, c.notice, c.frag.slice(0, 40));
    assert.equal(s.preset, 'article000_inline', 'the default program opens');
    assert.equal(await page.evaluate(() => location.hash), c.hashAfter, c.frag.slice(0, 40));
    const dom = await page.evaluate(() => ({ text: document.getElementById('notice').textContent, imgs: document.querySelectorAll('img').length }));
    assert.equal(dom.text, s.notice);
    assert.equal(dom.imgs, 0, 'link text became markup');
    if (i < 3) saveArtifact(`38-fragment-${i}.png`, await page.screenshot());
    if (s.notice && i % 2 === 1) {   // OK takes the notice away
      await click(page, 'notice-ok');
      await waitState(page, (x) => x.notice === '', 20000);
    } else if (s.notice) {   // so does opening another program (it no longer applies)
      await page.evaluate((t) => window.app.loadProgram(t, 'article003_scene1'), small);
      await waitState(page, (x) => x.notice === '' && x.preset === 'article003_scene1', 20000);
    }
    await page.close();
  }
});

test('Escape closes an open dropdown; the embed snippet wraps inside its dialog', async () => {
  const page = await open(base);
  await click(page, 'preset');
  await waitState(page, (s) => s.popupOpen, 15000);
  await page.keyboard.press('Escape');
  await waitState(page, (s) => !s.popupOpen, 15000);
  await click(page, 'go-version');
  await waitState(page, (s) => s.popupOpen, 15000);
  await page.keyboard.press('Escape');
  await waitState(page, (s) => !s.popupOpen, 15000);
  await click(page, 'embed-button');
  await page.waitForFunction(() => window.app.widgetRect('embed-snippet'), null, { timeout: 15000 });
  await page.waitForTimeout(200);
  const snip = await rect(page, 'embed-snippet');
  assert.ok(snip.x >= 0 && snip.x + snip.w <= 1400);
  saveArtifact('39-embed-dialog.png', await page.screenshot());
  await page.keyboard.press('Escape');
  await waitState(page, (s) => !s.popupOpen, 15000);
  await page.close();
});

test('Help says where to look, which keys do what and how far to trust the figures', async () => {
  const page = await open(base);
  await click(page, 'help');
  await waitState(page, (s) => s.popupOpen, 15000);
  await page.waitForFunction(() => window.app.widgetRect('help-keys'), null, { timeout: 15000 });
  const keys = await rect(page, 'help-keys');
  assert.ok(keys.y > 150 && keys.y + keys.h <= 860, JSON.stringify(keys));   // below the window list, on screen
  saveArtifact('39-help.png', await page.screenshot());
  await page.keyboard.press('Escape');
  await waitState(page, (s) => !s.popupOpen, 15000);
  await page.close();
});

test('no page errors', () => {
  assert.deepEqual(pageErrors.filter((e) => !/unwind/.test(e)), []);
});
