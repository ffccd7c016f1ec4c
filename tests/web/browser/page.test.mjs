// page.test.mjs — the playground in Debian's chromium (playwright-core, no browser download).
// Each test loads the built site (build-web/site) from a local static server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SCENARIOS, launchBrowser, openSite, openPage, waitApp, appState, waitState, rect, saveArtifact, decodePng,
         colourCount, runCli, fullRedrawDiff, dragKnob } from '../lib.mjs';

let site, hostServer, base, hostBase, browser;
const consoleErrors = [];

before(async () => ({ base, browser } = site = await openSite()));
after(async () => {
  await site?.close();
  hostServer?.close();
});

const open = (url, opts = {}) => openPage(browser, url, opts, consoleErrors);

const small = fs.readFileSync(path.join(SCENARIOS, 'article003_scene1.go'), 'utf8');

// clipboardGets waits (a few frames at most) until the page's clipboard hook received text
// containing `part`: ImGui handles a key press in the frame after the event.
async function clipboardGets(page, part) {
  try {
    await page.waitForFunction((p) => (window.__gms_clipboard || '').includes(p), part, { timeout: 3000 });
    return true;
  } catch {
    return false;
  }
}

// openEditorAtEnd opens the page with the small preset run to its end and the text cursor
// at the end of the program, put there by a real click and Ctrl+End. It returns once ImGui has
// handled the click (the editor wants text, so the hidden textarea of platform Q10 holds the
// focus): text an IME inserts before then has no editable element to land in, in a browser
// as in this test.
async function openEditorAtEnd() {
  const page = await open(base);
  await page.evaluate((t) => window.app.loadProgram(t, 'article003_scene1'), small);
  await waitState(page, (st) => st.state === 'Finished');
  const ed = await rect(page, 'editor');
  await page.mouse.click(ed.x + ed.w * 0.5, ed.y + ed.h * 0.5);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'gms-text-input', null, { timeout: 5000 });
  await page.keyboard.press('Control+End');
  return page;
}

test('the page renders: ImGui drew a non-blank frame', async () => {
  const page = await open(base);
  await page.waitForTimeout(300);
  const shot = await page.screenshot();
  saveArtifact('01-page.png', shot);
  const png = decodePng(shot);
  assert.ok(colourCount(png) > 20, 'screenshot has few colours: blank?');
  const run = await rect(page, 'run');
  assert.ok(run.w > 10 && run.h > 5);
  const s = await appState(page);
  assert.equal(s.preset, 'article000_inline');
  assert.equal(s.goVersion, '1.19', 'the article preset opens on the release its figures are from');
  assert.equal(s.notice, '');
  await page.close();
});

test('a preset runs to the end and prints what the CLI prints', async () => {
  const page = await open(base);
  await page.evaluate((t) => window.app.loadProgram(t, 'article003_scene1'), small);
  const s = await waitState(page, (st) => st.state === 'Finished' || st.state === 'Panicked' || st.state === 'LimitExceeded');
  assert.equal(s.state, 'Finished');
  assert.ok(s.stdout.length + s.stderr.length > 0, 'printed nothing');
  assert.equal(s.goVersion, '1.19');   // an article preset
  const cli = runCli(['run', '--go', s.goVersion, path.join(SCENARIOS, 'article003_scene1.go')]);
  if (cli) {
    assert.equal(s.stdout, cli.stdout);
    assert.equal(s.stderr, cli.stderr);
  }
  // Screen readers: the output and key figures are also DOM text (hidden region).
  await page.waitForTimeout(200);
  const sr = await page.evaluate(() => ({ out: document.getElementById('sr-output').textContent,
                                          status: document.getElementById('sr-status').textContent }));
  const firstLine = (s.stdout + s.stderr).split('\n').find((l) => l.trim() !== '');
  assert.ok(sr.out.includes(firstLine.trim()), 'output not mirrored for screen readers');
  assert.match(sr.status, /HeapAlloc/);
  saveArtifact('02-preset-finished.png', await page.screenshot());
  await page.close();
});

test('a knob changed with the mouse rewrites the program and changes the figures', async () => {
  const page = await open(base);
  await page.evaluate((t) => window.app.loadProgram(t, 'article003_scene1'), small);
  const before = await waitState(page, (st) => st.state === 'Finished');
  const knob = before.knobs.find((k) => k.name === 'cnt');
  assert.ok(knob, 'no cnt knob: ' + JSON.stringify(before.knobs));
  await dragKnob(page, 'cnt');   // from the middle of the track towards the left end
  const after = await waitState(page, (st) => st.state === 'Finished' && st.knobs.find((k) => k.name === 'cnt')?.value !== knob.value);
  const v = after.knobs.find((k) => k.name === 'cnt').value;
  assert.ok(v < knob.value, `knob moved the wrong way: ${knob.value} -> ${v}`);
  assert.match(after.program, new RegExp(`cnt = ${v}\\b|cnt = ${String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '_')}\\b`));
  assert.notEqual(after.stderr + after.stdout, before.stderr + before.stdout, 'figures did not change');
  saveArtifact('03-knob.png', await page.screenshot());
  await page.close();
});

test('a share link restores program, options and views', async () => {
  const page = await open(base);
  await page.evaluate((t) => window.app.loadProgram(t, 'article003_scene1'), small);
  await page.evaluate(() => window.app.setViews(1 | 2 | 4 | 16 | 32));
  await waitState(page, (st) => st.state === 'Finished');
  await page.waitForTimeout(600);   // the fragment is written after a pause (replaceState)
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#v1=/);
  const link = await page.evaluate(() => window.app.shareLink());
  assert.ok(link.endsWith(hash), 'Copy link and location.hash disagree');
  const page2 = await open(link);
  const s = await waitState(page2, (st) => st.state === 'Finished');
  assert.equal(s.program, small);
  assert.equal(s.views, 1 | 2 | 4 | 16 | 32);
  assert.equal(s.preset, 'article003_scene1');
  assert.equal(s.notice, '');
  saveArtifact('04-share-restored.png', await page2.screenshot());
  await page.close();
  await page2.close();
});

test('a corrupt link loads the default preset with a message (the notice strip, and the alert region)', async () => {
  for (const frag of ['#v1=AAAAbroken', '#v1=' + 'A'.repeat(200000), '#v9=abc', '#v1=<img src=x onerror=alert(1)>']) {
    const page = await open(base + frag);
    const s = await waitState(page, (st) => st.notice !== '', 10000);
    assert.match(s.notice, /This link could not be opened/);
    assert.equal(s.preset, 'article000_inline');
    const dom = await page.evaluate(() => ({ text: document.getElementById('notice').textContent,
                                             imgs: document.querySelectorAll('img').length }));
    assert.match(dom.text, /could not be opened/);
    assert.ok(await page.evaluate(() => window.app.widgetRect('notice')), 'no notice strip drawn');
    assert.equal(dom.imgs, 0, 'link text became markup');
    if (frag.length < 100) saveArtifact('05-corrupt-link.png', await page.screenshot());
    if (frag === '#v1=AAAAbroken') {   // the message stays, and the page still goes idle
      await waitState(page, (st) => st.state === 'Finished', 60000);
      await page.waitForTimeout(800);
      const f0 = await page.evaluate(() => window.app.frameCount());
      await page.waitForTimeout(1000);
      assert.ok((await page.evaluate(() => window.app.frameCount())) - f0 <= 2, 'redraws while idle with a notice');
    }
    await page.close();
  }
});

test('typing in the editor changes the program', async () => {
  const page = await openEditorAtEnd();
  await page.keyboard.type('\n// typed by the test 123!');
  const s = await waitState(page, (st) => st.program.includes('// typed by the test 123!'), 10000);
  assert.ok(s.program.startsWith(small.slice(0, 40)));
  // Copy and paste inside the editor: select all, copy, and the page saw the text.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  assert.ok(await clipboardGets(page, 'typed by the test'), 'copy did not reach the clipboard hook');
  saveArtifact('06-typed.png', await page.screenshot());
  await page.close();
});

test('the embed view works in an iframe on another origin and leaves the host focus alone', async () => {
  const link = await (async () => {
    const p = await open(base);
    await p.evaluate((t) => window.app.loadProgram(t, 'article003_scene1'), small);
    // The link of what is on screen now (location.hash follows only after a pause).
    const link = await p.evaluate(() => window.app.shareLink());
    await p.close();
    return `${base}?embed&view=heap${link.slice(link.indexOf('#'))}`;
  })();
  hostServer = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>host</title><input id="host-input" autofocus>
      <iframe id="f" src="${link.replace(/"/g, '&quot;')}" title="embed" width="640" height="400" loading="lazy"></iframe>`);
  });
  await new Promise((r) => hostServer.listen(0, '127.0.0.1', r));
  hostBase = `http://127.0.0.1:${hostServer.address().port}/`;
  const page = await browser.context.newPage();
  await page.goto(hostBase);
  await page.focus('#host-input');
  const frame = page.frames().find((f) => f.url().includes('embed'));
  assert.ok(frame, 'no embed frame');
  await frame.waitForFunction(() => window.app && window.app.frameCount() > 3, null, { timeout: 20000 });
  const s = JSON.parse(await frame.evaluate(() => window.app.appState()));
  assert.equal(s.embed, true);
  assert.equal(s.program, small);
  const focus = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assert.equal(focus, 'host-input', 'the embed took the keyboard focus');
  await page.keyboard.type('abc');
  assert.equal(await page.evaluate(() => document.getElementById('host-input').value), 'abc');
  const open_ = await frame.evaluate(() => window.app.widgetRect('open-in-playground'));
  assert.ok(open_, 'no "Open in playground" link');
  saveArtifact('07-embed.png', await page.screenshot());
  await page.close();
});

test('a narrow (phone) viewport gets the tabbed layout', async () => {
  const page = await open(base, { viewport: { width: 390, height: 780 } });
  const s = await appState(page);
  assert.equal(s.narrow, true);
  saveArtifact('08-narrow.png', await page.screenshot());
  await page.close();
});

test('idle: no redraw without input once the run has ended', async () => {
  const page = await open(base);
  await page.evaluate((t) => window.app.loadProgram(t, 'article003_scene1'), small);
  await waitState(page, (st) => st.state === 'Finished');
  await page.waitForTimeout(1000);
  const a = await page.evaluate(() => window.app.frameCount());
  await page.waitForTimeout(1500);
  const b = await page.evaluate(() => window.app.frameCount());
  assert.ok(b - a <= 2, `drew ${b - a} frames in 1.5 s while idle`);
  await page.mouse.move(200, 200);
  await page.mouse.move(220, 210);
  await page.waitForTimeout(300);
  const c = await page.evaluate(() => window.app.frameCount());
  assert.ok(c > b, 'input did not wake the loop');
  await page.close();
});

test('HiDPI: the canvas backing store is CSS size × devicePixelRatio', async () => {
  const hi = await launchBrowser({ deviceScaleFactor: 2, viewport: { width: 1000, height: 700 } });
  const page = await hi.context.newPage();
  await page.goto(base);
  await waitApp(page);
  const dims = await page.evaluate(() => {
    const c = document.getElementById('canvas'), r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cw: r.width, ch: r.height, dpr: devicePixelRatio };
  });
  assert.equal(dims.dpr, 2);
  assert.ok(Math.abs(dims.w - dims.cw * 2) <= 1 && Math.abs(dims.h - dims.ch * 2) <= 1, JSON.stringify(dims));
  const run = await rect(page, 'run');   // widget rects stay in CSS px
  assert.ok(run.x < dims.cw && run.y < dims.ch);
  saveArtifact('09-hidpi.png', await page.screenshot());
  await hi.close();
});

test('touch: taps press buttons on a phone-sized page', async () => {
  const phone = await launchBrowser({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 780 }, deviceScaleFactor: 2 });
  const page = await phone.context.newPage();
  await page.goto(base);
  await waitApp(page);
  await waitState(page, (st) => st.narrow);
  const tab = await rect(page, 'tab:Run');
  await page.touchscreen.tap(tab.x + tab.w / 2, tab.y + tab.h / 2);
  await page.waitForTimeout(300);
  const run = await rect(page, 'run');   // only drawn when the Run tab is open
  const before = await appState(page);
  await page.touchscreen.tap(run.x + run.w / 2, run.y + run.h / 2);
  await page.waitForTimeout(300);
  const after = await appState(page);
  assert.notEqual(after.playing, before.playing, 'the tap did not press Run/Pause');
  saveArtifact('10-touch.png', await page.screenshot());
  await phone.close();
});

test('a program with an error marks its line and does not run', async () => {
  const page = await open(base);
  await page.evaluate(() => window.app.loadProgram('package main\n\nfunc main() {\n\tx := \n}\n', 'broken'));
  const s = await waitState(page, (st) => st.errorLine > 0, 10000);
  assert.ok(s.errorLine >= 4, 'error line ' + s.errorLine);
  assert.match(s.error, /main\.go:\d+/);
  assert.equal(s.state, 'Empty');
  saveArtifact('11-error-line.png', await page.screenshot());
  await page.close();
});

test('a feature of a later Go offers that Go version, and a click runs it there', async () => {
  const page = await open(base);
  const src = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tm := map[int]int{1: 1}\n\tclear(m)\n\tfmt.Println(len(m))\n}\n';
  await page.evaluate((t) => window.app.loadProgram(t, 'clear-builtin'), src);
  let s = await waitState(page, (st) => st.state === 'Finished', 10000);   // a new program: today's Go has clear
  assert.equal(s.goVersion, await page.evaluate(() => window.app.defaultVersion()));
  await page.evaluate(() => window.app.setGoVersion('1.19'));
  s = await waitState(page, (st) => st.errorLine > 0, 10000);
  assert.equal(s.errorLine, 7);
  assert.match(s.error, /clear requires go1\.21 or later \(this run is Go 1\.19/);
  await page.waitForFunction(() => window.app.widgetRect('use-go-version'), null, { timeout: 5000 });   // drawn a frame later
  const button = await rect(page, 'use-go-version');
  saveArtifact('11-use-go-version.png', await page.screenshot());
  await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
  s = await waitState(page, (st) => st.state === 'Finished', 10000);
  assert.equal(s.goVersion, '1.21');
  assert.equal(s.stdout, '0\n');
  await page.close();
});

test('embed: the wheel scrolls the host page until the reader clicks in, and where the view cannot use it', async () => {
  const p = await open(base);
  await p.evaluate((t) => window.app.loadProgram(t, 'article003_scene1'), small);
  await waitState(p, (st) => st.state === 'Finished');
  await p.waitForTimeout(600);
  const link = `${base}?embed&view=grid${await p.evaluate(() => location.hash)}`;
  await p.close();
  const host = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>host</title><body style="margin:0">
      <iframe id="f" src="${link.replace(/"/g, '&quot;')}" title="embed" width="640" height="400" style="border:0;display:block"></iframe>
      <div style="height:3000px">host text</div></body>`);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const page = await browser.context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${host.address().port}/`);
    const frame = page.frames().find((f) => f.url().includes('embed'));
    await frame.waitForFunction(() => window.app && window.app.frameCount() > 3, null, { timeout: 20000 });
    const embedState = async () => JSON.parse(await frame.evaluate(() => window.app.appState()));
    await frame.waitForFunction(() => window.app.widgetRect('bucket-grid'), null, { timeout: 20000 });
    const grid = await frame.evaluate(() => window.app.widgetRect('bucket-grid'));   // the iframe sits at (0, 0)
    const gx = grid.x + grid.w / 2, gy = grid.y + grid.h / 2;
    const scrollY = () => page.evaluate(() => window.scrollY);
    const zoom0 = (await embedState()).mapZoom;

    // Not clicked yet: the host page scrolls, the grid does not zoom.
    await page.mouse.move(gx, gy);
    await page.mouse.wheel(0, 240);
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
    assert.equal((await embedState()).mapZoom, zoom0, 'the grid zoomed although the embed was not clicked');

    // Clicked into the embed: the wheel over the grid zooms it and the host stays put.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => window.scrollY === 0);
    await page.mouse.click(gx, gy);
    await page.waitForTimeout(200);
    await page.mouse.wheel(0, -120);
    await frame.waitForFunction((z) => JSON.parse(window.app.appState()).mapZoom > z, zoom0, { timeout: 5000 });
    await page.waitForTimeout(300);
    assert.equal(await scrollY(), 0, 'the host scrolled while the grid used the wheel');

    // Still engaged, but over the header, which cannot scroll: the host page scrolls.
    await page.mouse.move(grid.x + grid.w / 2, 8);
    await page.mouse.wheel(0, 240);
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
  } finally {
    await page.close();
    host.close();
  }
});

test('devicePixelRatio change after load: backing store, fonts and style follow', async () => {
  const page = await open(base, { viewport: { width: 1000, height: 700 } });
  const dims = () => page.evaluate(() => {
    const c = document.getElementById('canvas'), r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cw: r.width, ch: r.height, dpr: devicePixelRatio };
  });
  const d1 = await dims();
  assert.equal(d1.dpr, 1);
  assert.ok(Math.abs(d1.w - d1.cw) <= 1, JSON.stringify(d1));
  const s1 = await appState(page);
  const run1 = await rect(page, 'run');
  // What moving the window to a HiDPI screen (or zooming) does: the ratio changes, no reload.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 700, deviceScaleFactor: 2, mobile: false });
  await page.waitForFunction(() => {
    const c = document.getElementById('canvas');
    return devicePixelRatio === 2 && Math.abs(c.width - c.getBoundingClientRect().width * 2) <= 1;
  }, null, { timeout: 10000 });
  const s2 = await waitState(page, (st) => st.dpr === 2, 10000);
  assert.equal(s2.fontPx, s1.fontPx * 2, 'font atlas not rebuilt for the new ratio');
  const run2 = await rect(page, 'run');   // CSS px: the same button, as large as before
  assert.ok(Math.abs(run2.h - run1.h) <= run1.h * 0.15 && Math.abs(run2.w - run1.w) <= run1.w * 0.15,
            `button changed size in CSS px: ${JSON.stringify(run1)} -> ${JSON.stringify(run2)}`);
  const d2 = await dims();
  assert.ok(Math.abs(d2.h - d2.ch * 2) <= 1, JSON.stringify(d2));
  saveArtifact('13-dpr-change.png', await page.screenshot());
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await cdp.detach();
  await page.close();
});

test('composed and inserted text (IME, dead keys, insertText) reaches the editor; copy and paste still work', async () => {
  const page = await openEditorAtEnd();
  await page.keyboard.type('\n// ');
  await page.keyboard.insertText('é→世');   // no key events: what an IME or a phone keyboard sends
  await waitState(page, (st) => st.program === small + '\n// é→世', 10000);
  // An IME finishing a composition (the event Chromium fires on the focused editable element).
  await page.evaluate(() => document.activeElement.dispatchEvent(new CompositionEvent('compositionend', { data: '日本', bubbles: true })));
  await page.keyboard.type('!');
  await waitState(page, (st) => st.program === small + '\n// é→世日本!', 10000);
  // Copy reaches the clipboard hook; paste inserts the system clipboard's text.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  assert.ok(await clipboardGets(page, 'é→世日本!'), 'copy lost the composed text');
  await page.keyboard.press('Control+End');
  await page.evaluate(() => navigator.clipboard.writeText(' pasted→ok'));
  await page.keyboard.press('Control+V');
  await waitState(page, (st) => st.program === small + '\n// é→世日本! pasted→ok', 10000);
  await page.close();
});

test('redrawing only what changed leaves the pixels a full redraw draws', async () => {
  const page = await open(base);
  const big = fs.readFileSync(path.join(SCENARIOS, 'article000_inline.go'), 'utf8');
  await page.evaluate((t) => window.app.loadProgram(t, 'article000_inline'), big);
  // While the run animates, frames redraw part of the canvas.
  let partial = 0;
  for (let i = 0; i < 8; i++) {
    const st = await page.evaluate(() => window.app.drawStats());
    if (!st.fullRedraw && st.damagedPixels > 0 && st.damagedPixels < 0.9 * 1400 * 860) ++partial;
    await page.waitForTimeout(60);
  }
  assert.ok(partial > 0, 'no frame redrew only part of the canvas');
  // Pause mid-run, show and hide a tooltip and a popup: lists come, change and go.
  const run = await rect(page, 'run');
  await page.mouse.click(run.x + run.w / 2, run.y + run.h / 2);
  await waitState(page, (st) => !st.playing, 5000);
  const grid = await rect(page, 'bucket-grid');
  await page.mouse.move(grid.x + grid.w * 0.3, grid.y + grid.h * 0.3);
  await page.waitForTimeout(400);
  await page.mouse.move(grid.x + grid.w * 0.6, grid.y + grid.h * 0.5);
  await page.waitForTimeout(400);
  const preset = await rect(page, 'preset');
  await page.mouse.click(preset.x + preset.w / 2, preset.y + preset.h / 2);
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');
  const out = await rect(page, 'output');
  await page.mouse.move(out.x + out.w / 2, out.y + out.h / 2);
  await page.waitForTimeout(800);
  const differ = await fullRedrawDiff(page, '17-damage');
  assert.equal(differ, 0, `${differ} pixels differ between partial redraws and a full redraw`);
  await page.close();
});

test('no page errors', () => {
  assert.deepEqual(consoleErrors.filter((e) => !/unwind/.test(e)), []);
});
