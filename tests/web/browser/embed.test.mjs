// embed.test.mjs — the embeds as a blog shows them: a host page on another origin with the three
// usual views (heap chart, bucket grid, editable) in 720×420 iframes, the same at 360 px wide (a
// phone), the release matrix at 720×420, and a Go 1.24+ run's words. Every embed must show its
// caption, Run, a scrubbable timeline and "Open in playground" inside the frame, nothing cut;
// the assertions read what the page says (appState, widget rectangles, the screen-reader
// mirror). Screenshots: tests/web/artifacts/40-… to 47-….
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SCENARIOS, openSite, openHost, openPage, saveArtifact } from '../lib.mjs';

let site, base, browser, host, hostBase, pages;   // pages: host page path → html
const errors = [];

before(async () => {
  ({ base, browser } = site = await openSite());
  ({ base: hostBase, pages } = host = await openHost());
});
after(async () => {
  await site?.close();
  host?.close();
});

const small = fs.readFileSync(path.join(SCENARIOS, 'article003_scene1.go'), 'utf8');
const VIEWS = ['heap', 'grid', 'heap&edit=1'];

// fragmentFor is the share fragment ("#v1=…") of a state, made by the page itself.
async function fragmentFor(st) {
  const p = await openPage(browser, base, {}, errors);
  const f = await p.evaluate((s) => window.app.encodeShare(s), st);
  await p.close();
  return '#' + f;
}

// hostPage serves a blog-like page with one iframe per view, `width` × 420 each, stacked (all
// in the viewport: Chromium throttles the frames of iframes out of sight), and opens it.
async function hostPage(name, fragment, views, width, viewport) {
  pages.set('/' + name, `<!doctype html><meta charset="utf-8"><title>blog</title>
    <body style="margin:8px;background:#fff;color:#222;font:15px Georgia,serif">
    <input id="host-input" aria-label="host input">
    ${views.map((v) => `<p>A paragraph of the post before the ${v} embed.</p>
      <iframe src="${base}?embed&view=${v}${fragment}" title="Go map memory playground" width="${width}" height="420"
              style="border:1px solid #ccc;display:block"></iframe>`).join('\n')}
    <div style="height:1200px">The rest of the post.</div></body>`);
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewportSize(viewport);
  await page.goto(`${hostBase}/${name}`);
  const frames = [];
  for (const v of views) {
    const f = page.frames().find((x) => x.url().includes(`view=${v}#`));
    assert.ok(f, 'no frame for ' + v);
    await f.waitForFunction(() => window.app && window.app.frameCount() > 3, null, { timeout: 30000 });
    frames.push(f);
  }
  return { page, frames };
}

const stateOf = async (f) => JSON.parse(await f.evaluate(() => window.app.appState()));
const rectOf = (f, name) => f.evaluate((n) => window.app.widgetRect(n), name);
async function waitFrame(f, pred, timeout = 60000) {
  const t0 = Date.now();
  for (;;) {
    const s = await stateOf(f);
    if (pred(s)) return s;
    if (Date.now() - t0 > timeout) throw new Error('timed out: ' + JSON.stringify({ state: s.state, releases: s.releases.running }));
    await new Promise((r) => setTimeout(r, 100));
  }
}
async function frameDrawn(f, n = 3) {
  const f0 = await f.evaluate(() => window.app.frameCount());
  await f.evaluate(() => window.app.wake());
  await f.waitForFunction((x) => window.app.frameCount() >= x, f0 + n, { timeout: 5000 });
}

// inside asserts that a widget is drawn wholly inside a w × h frame.
async function inside(f, name, w, h) {
  const r = await rectOf(f, name);
  assert.ok(r, `${name}: not drawn`);
  assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.w <= w + 0.5 && r.y + r.h <= h + 0.5, `${name} cut: ${JSON.stringify(r)} in ${w}×${h}`);
  return r;
}

// the parts every embed has: caption, Run, Open in playground, timeline
async function commonParts(f, w, h) {
  const s = await stateOf(f);
  assert.equal(s.embed, true);
  assert.ok(s.caption.length > 10 && !/\.go\b/.test(s.caption), 'caption: ' + s.caption);
  const cap = await inside(f, 'caption', w, h);
  const run = await inside(f, 'run', w, h);
  const open = await inside(f, 'open-in-playground', w, h);
  assert.ok(run.y < 40 && cap.y < 40 && open.y < 40, 'the header row is not on top');
  assert.ok(open.x > cap.x, 'Open in playground left of the caption');
  const tl = await inside(f, 'timeline', w, h);
  assert.ok(tl.w > w * 0.8 && tl.h >= 24, 'timeline too small: ' + JSON.stringify(tl));
  return s;
}

async function checkViews(frames, w, h) {
  for (const f of frames) await waitFrame(f, (s) => s.state === 'Finished');
  for (const f of frames) await frameDrawn(f);
  const [heap, grid, edit] = frames;
  for (const f of frames) await commonParts(f, w, h);
  // heap: the chart big, the heap now and the MemStats table reachable, output kept small
  const chart = await inside(heap, 'heap-chart', w, h);
  assert.ok(chart.h >= h * 0.4, 'heap chart too small: ' + JSON.stringify(chart));
  await inside(heap, 'heap-now', w, h);
  const out = await inside(heap, 'output', w, h);
  assert.ok(out.h <= h * 0.3, `output takes ${out.h} of ${h}`);
  if (w >= 520) await inside(heap, 'memstats', w, h);
  // grid: the buckets in most of the frame
  const g = await inside(grid, 'bucket-grid', w, h);
  assert.ok(g.h >= h * 0.35 && g.w >= w * 0.9, 'grid too small: ' + JSON.stringify(g));
  // editable: enough code to read (at least 16 lines of 14 px type)
  const ed = await inside(edit, 'editor', w, h);
  assert.ok(ed.h >= (w >= 520 ? 16 : 9) * 15, 'editor too small: ' + JSON.stringify(ed));
  const sr = await heap.evaluate(() => document.getElementById('sr-status').textContent);
  assert.match(sr, /HeapAlloc \d+(\.\d+)? KiB/, 'a small heap in KiB: ' + sr);
}

test('three embeds at 720×420 in a blog page: caption, Run, timeline, Open; nothing cut', async () => {
  const fragment = await fragmentFor({ program: small, preset: 'article003_scene1', goVersion: '1.19', gogc: 100, seed: 1, views: 0 });
  const { page, frames } = await hostPage('wide', fragment, VIEWS, 720, { width: 760, height: 1500 });
  await checkViews(frames, 720, 420);
  const [heap, , edit] = frames;
  saveArtifact('40-embeds-720x420.png', await page.screenshot({ fullPage: true }));
  for (const [i, f] of frames.entries())
    saveArtifact(`4${i + 1}-embed-720x420-${VIEWS[i].replace(/[&=]/g, '-')}.png`, await (await f.frameElement()).screenshot());

  // Scrub: a drag along the timeline puts the views at that moment.
  const el = await (await heap.frameElement()).boundingBox();
  const tl = await rectOf(heap, 'timeline');
  await page.mouse.move(el.x + 1 + tl.x + tl.w * 0.3, el.y + 1 + tl.y + tl.h / 2);
  await page.mouse.down();
  await page.mouse.move(el.x + 1 + tl.x + tl.w * 0.5, el.y + 1 + tl.y + tl.h / 2, { steps: 4 });
  await page.mouse.up();
  let s = await waitFrame(heap, (x) => x.cursor !== null && !x.probing, 20000);
  // the run stands at the cursor (time travel moves it there); its horizon is the whole run
  assert.ok(s.cursor > s.horizon * 0.4 && s.cursor < s.horizon * 0.6, `cursor ${s.cursor} of ${s.horizon}`);
  // The heap at the cursor, by what holds it: its parts add up to HeapAlloc there.
  const names = s.heapNow.map((p) => p.name);
  assert.ok(names.includes('bucket arrays'), JSON.stringify(s.heapNow));
  assert.ok(!names.includes('other'), 'a part named "other"');

  // Editable: type into the program, then one Escape gives the keyboard back to the host.
  const er = await rectOf(edit, 'editor');
  const eb = await (await edit.frameElement()).boundingBox();
  await page.mouse.click(eb.x + 1 + er.x + er.w * 0.6, eb.y + 1 + er.y + er.h * 0.5);
  await frameDrawn(edit);
  await page.keyboard.type(' ');
  await frameDrawn(edit);
  s = await stateOf(edit);
  assert.notEqual(s.program, small, 'typing did not reach the editable embed');
  await page.keyboard.press('Escape');
  await frameDrawn(edit);
  const program = (await stateOf(edit)).program;
  assert.equal(await edit.evaluate(() => window.__gms_engaged), false, 'the embed still holds the wheel after one Escape');
  await page.keyboard.type('zz');
  await frameDrawn(edit);
  assert.equal((await stateOf(edit)).program, program, 'keys after one Escape still went into the program');
  // … and the reader's keys scroll the post again.
  const y0 = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('PageDown');
  await page.waitForTimeout(400);
  const y1 = await page.evaluate(() => window.scrollY);
  assert.ok(y1 > y0, `PageDown after Escape did not scroll the host page (${y0} → ${y1})`);
  await page.close();
});

test('the same embeds 360 px wide (a phone): stacked, nothing cut', async () => {
  const fragment = await fragmentFor({ program: small, preset: 'article003_scene1', goVersion: '1.19', gogc: 100, seed: 1, views: 0 });
  const { page, frames } = await hostPage('narrow', fragment, VIEWS, 360, { width: 390, height: 1500 });
  await checkViews(frames, 360, 420);
  saveArtifact('44-embeds-360.png', await page.screenshot({ fullPage: true }));
  await page.close();
});

test('the release matrix embed at 720×420: the figures fill the frame, curves and notes a tab away', async () => {
  const fragment = await fragmentFor({ program: small, preset: 'article003_scene1', goVersion: '1.19', gogc: 100, seed: 1, views: 0 });
  const { page, frames: [f] } = await hostPage('releases', fragment, ['releases'], 720, { width: 760, height: 500 });
  const s = await waitFrame(f, (x) => x.releases.done);
  await frameDrawn(f);
  assert.ok(s.releases.rows.length >= 6);
  await inside(f, 'caption', 720, 420);
  await inside(f, 'open-in-playground', 720, 420);
  const table = await inside(f, 'releases-table', 720, 420);
  assert.ok(table.h >= 250, 'the table shows a few lines only: ' + JSON.stringify(table));
  saveArtifact('45-embed-releases-720x420.png', await (await f.frameElement()).screenshot());
  const el = await (await f.frameElement()).boundingBox();
  const tab = await rectOf(f, 'releases-tab:curves');
  // as a hand clicks: an ImGui tab is selected under a mouse it saw hover first
  await page.mouse.move(el.x + 1 + tab.x + tab.w / 2, el.y + 1 + tab.y + tab.h / 2);
  await frameDrawn(f);
  await page.mouse.down();
  await frameDrawn(f);
  await page.mouse.up();
  await frameDrawn(f);
  const chart = await inside(f, 'releases-chart', 720, 420);
  assert.ok(chart.h >= 200, 'curves too small: ' + JSON.stringify(chart));
  saveArtifact('46-embed-releases-curves-720x420.png', await (await f.frameElement()).screenshot());
  await page.close();
});

test('a Go 1.24+ embed speaks of tables and groups, not buckets', async () => {
  const fragment = await fragmentFor({ program: small, preset: 'article003_scene1', goVersion: '1.27', gogc: 100, seed: 1, views: 0 });
  const { page, frames } = await hostPage('swiss', fragment, ['heap', 'grid'], 720, { width: 760, height: 1000 });
  for (const f of frames) await waitFrame(f, (s) => s.state === 'Finished');
  for (const f of frames) await frameDrawn(f);
  const sr = await frames[0].evaluate(() => document.getElementById('sr-status').textContent);
  assert.match(sr, /\d+ tables, \d+ groups, directory of \d+/);
  assert.doesNotMatch(sr, /bucket/);
  const s = await stateOf(frames[0]);
  assert.ok(s.heapNow.some((p) => p.name === 'groups and tables'), JSON.stringify(s.heapNow));
  assert.ok(!s.heapNow.some((p) => /bucket/.test(p.name)), JSON.stringify(s.heapNow));
  saveArtifact('47-embeds-go1.27.png', await page.screenshot({ fullPage: true }));
  await page.close();
});

test('no page errors', () => {
  assert.deepEqual(errors.filter((e) => !/unwind/.test(e)), []);
});
