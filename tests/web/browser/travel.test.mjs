// travel.test.mjs — time travel in the page (issue 14): the timeline cursor dragged back and
// forth over the 1M preset (the main run restores a keyframe and replays), stepping back with
// the button and the key, jumping to the next / previous print and GC cycle, and live again.
// Times are printed (diagnostics), not asserted. TRAVEL_GO=1.19 runs it on that release
// (default: the page's, today's Go).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { openSite, openPage, appState, waitState, rect, click, saveArtifact } from '../lib.mjs';

let site, base, browser;
const consoleErrors = [];
before(async () => ({ base, browser } = site = await openSite()));
after(async () => site?.close());

// settled: the run stands at the cursor (no replay in progress).
const settled = (st) => st.cursor !== null && !st.probing && st.ops === st.cursor;
const lines = (st) => st.stdout.split('\n').filter((l) => l.length > 0).length;

// dragTo drags the timeline cursor to fraction f of the axis and returns the settled state
// and the time from the mouse release to the frame that shows the run standing there.
async function dragTo(page, f) {
  const tl = await rect(page, 'timeline');
  const pad = 8;   // the axis starts half a font size in; a fraction near the ends is enough
  const x = tl.x + pad + (tl.w - 2 * pad) * f, y = tl.y + tl.h * 0.3;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 1, y);
  await page.mouse.move(x, y);
  const t0 = Date.now();
  await page.mouse.up();
  const end = (await appState(page)).horizon;
  const st = await waitState(page, (s) => settled(s) && Math.abs(s.cursor - f * end) < 0.05 * end, 20000);
  return { st, ms: Date.now() - t0 };
}

test('the cursor travels back and forth over the 1M run; steps back; jumps by event; live again', async (t) => {
  const page = await openPage(browser, base, {}, consoleErrors);
  if (process.env.TRAVEL_GO) await page.evaluate((v) => window.app.setGoVersion(v), process.env.TRAVEL_GO);
  const end = await waitState(page, (st) => st.state === 'Finished', 90000);
  assert.equal(end.preset, 'article000_inline');
  assert.equal(lines(end), 3);
  assert.ok(end.keyframes > 0, 'the run kept keyframes');
  assert.ok(end.keyframeBytes <= 16 * 1024 * 1024, `keyframes within their budget (web/app.cpp kWebKeyframeBytes): ${end.keyframeBytes}`);

  // Back to 30 %: inside the inserts (the second line prints half way, after them; the third
  // at the end), the horizon unchanged.
  const back = await dragTo(page, 0.3);
  assert.ok(back.st.cursor > 0 && back.st.cursor < end.ops * 0.5, `cursor ${back.st.cursor}`);
  assert.equal(back.st.horizon, end.ops, 'the timeline still spans the whole run');
  assert.equal(lines(back.st), 1, 'during the inserts the program has printed one line');
  assert.equal(back.st.state, 'Running');
  saveArtifact('travel-01-back.png', await page.screenshot());
  // Forward to 90 %, back to 10 %, and on over the run in a shuffled order: each settles
  // where the cursor is.
  const times = [back.ms], inPage = [back.st.lastSeekMs], places = [0.3, 0.9, 0.1, 0.7, 0.45, 0.95, 0.2, 0.8, 0.6, 0.3, 0.7];
  for (const f of places.slice(1)) {
    const r = await dragTo(page, f);
    times.push(r.ms);
    inPage.push(r.st.lastSeekMs);
    assert.ok(Math.abs(r.st.cursor / end.ops - f) < 0.05, `cursor at ${r.st.cursor / end.ops} for ${f}`);
    assert.equal(lines(r.st), f < 0.5 ? 1 : 2);
  }
  const pct = (v, p) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(p * v.length))];
  t.diagnostic(`seek: mouse release → run standing at the cursor: ${times.join(', ')} ms (page polling every 100 ms)`);
  t.diagnostic(`seek inside the page (${inPage.length} seeks over the 1M run, Go ${process.env.TRAVEL_GO || 'default'}, ` +
               `load ${os.loadavg()[0].toFixed(1)}): p50 ${pct(inPage, 0.5).toFixed(1)} ms, p95 ${pct(inPage, 0.95).toFixed(1)} ms, ` +
               `max ${Math.max(...inPage).toFixed(1)} ms (goal ≤ 100): ${inPage.map((x, i) => `${places[i] * 100}% ${x.toFixed(0)}`).join(', ')}`);
  const st70 = await appState(page);
  t.diagnostic(`keyframes: ${st70.keyframes} kept, ${(st70.keyframeBytes / 1048576).toFixed(1)} MB; WASM heap ${((await page.evaluate(() => window.app.heapBytes())) / 1048576).toFixed(1)} MB`);

  // Step back by a statement: the Back button, then the Left arrow key (the canvas has the keys).
  const before = await appState(page);
  await click(page, 'step-back');
  const b1 = await waitState(page, (st) => st.ops < before.ops && settled(st), 10000);
  await page.keyboard.press('ArrowLeft');
  const b2 = await waitState(page, (st) => st.ops < b1.ops && settled(st), 10000);
  assert.ok(before.ops - b2.ops < 200, `two statements back: ${before.ops} → ${b2.ops}`);
  t.diagnostic(`step back by a statement: ${b2.lastSeekMs.toFixed(1)} ms inside the page`);
  // …and forward again with the Right arrow key
  await page.keyboard.press('ArrowRight');
  await waitState(page, (st) => st.ops > b2.ops && st.ops <= b1.ops, 10000);

  // Jump by print: near the start (after the first print), Next goes right after the second
  // print, ] after the third, the Prev button back after the second.
  const start = await dragTo(page, 0.0);
  assert.equal(lines(start.st), 1);
  const choose = async (item) => {
    await click(page, 'jump-kind');
    await page.waitForFunction((n) => window.app.widgetRect(n) !== null, item, { timeout: 5000 });
    await page.waitForTimeout(200);   // a popup's first frame is laid out hidden, then placed
    await click(page, item);
  };
  await choose('jump-kind:print');
  await click(page, 'jump-next');
  const p1 = await waitState(page, (st) => lines(st) === 2 && settled(st), 10000);
  await page.keyboard.press(']');
  const p2 = await waitState(page, (st) => lines(st) === 3 && settled(st), 10000);
  assert.ok(p2.cursor > p1.cursor);
  await click(page, 'jump-prev');
  const p1b = await waitState(page, (st) => settled(st) && st.cursor === p1.cursor, 10000);
  assert.equal(lines(p1b), 2);
  // …and by GC cycle: the next one lies after the first print
  await choose('jump-kind:GC cycle');
  await click(page, 'jump-next');
  const g = await waitState(page, (st) => settled(st) && st.cursor > p1.cursor, 10000);
  saveArtifact('travel-02-jumped-to-gc.png', await page.screenshot());
  assert.ok(g.cursor < end.ops);

  // Live again: the run goes back to its end (Finished, all three lines).
  await click(page, 'live');
  const live = await waitState(page, (st) => st.cursor === null && st.state === 'Finished', 30000);
  assert.equal(live.stdout, end.stdout);
  assert.equal(live.ops, end.ops);
  const heap = await page.evaluate(() => window.app.heapBytes());
  t.diagnostic(`WASM heap after travelling: ${(heap / 1048576).toFixed(1)} MB (budget 64 MB)`);
  assert.ok(heap <= 64 * 1024 * 1024, `WASM heap ${heap}`);
  saveArtifact('travel-03-live.png', await page.screenshot());
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('downloads: the timeline as CSV and JSON lines, the heap chart as PNG and SVG', async () => {
  const page = await openPage(browser, base, {}, consoleErrors);
  const end = await waitState(page, (st) => st.state === 'Finished', 90000);
  const downloads = () => page.evaluate(() => window.__gms_downloads || []);
  const pick = async (item) => {
    for (let i = 0; i < 3; ++i) {   // the menu opens a frame after the click
      await click(page, 'export');
      try {
        await page.waitForFunction((n) => window.app.widgetRect(n) !== null, item, { timeout: 2000 });
        await page.waitForTimeout(200);   // a popup's first frame is laid out hidden, then placed
        break;
      } catch {
        saveArtifact('travel-05-export-menu.png', await page.screenshot());
      }
    }
    await click(page, item);
  };
  await pick('export:csv');
  await page.waitForFunction(() => (window.__gms_downloads || []).length >= 1, null, { timeout: 5000 });
  let d = await downloads();
  assert.equal(d[0].name, 'article000_inline-timeline.csv');
  const rows = d[0].text.split('\n');
  assert.ok(rows[0].startsWith('kind,op,line,stream,text'), rows[0]);
  assert.ok(d[0].text.includes('\nend,' + end.ops + ','), 'the end record at the run\'s last op');
  await pick('export:jsonl');
  await page.waitForFunction(() => (window.__gms_downloads || []).length >= 2, null, { timeout: 5000 });
  d = await downloads();
  const first = JSON.parse(d[1].text.split('\n')[0]);
  assert.ok(['print', 'sample', 'map_event', 'gc'].includes(first.kind));
  await pick('export:heap-svg');
  await pick('export:heap-png');
  await page.waitForFunction(() => (window.__gms_downloads || []).length >= 4, null, { timeout: 5000 });
  d = await downloads();
  const svg = d.find((x) => x.name.endsWith('-heap.svg'));
  assert.ok(svg.text.startsWith('<svg') && svg.text.includes('HeapAlloc') && svg.text.includes('<polyline'));
  const png = d.find((x) => x.name.endsWith('-heap.png'));
  assert.ok(png.size > 2000 && png.width > 100 && png.height > 50, JSON.stringify(png));
  saveArtifact('travel-04-heap-export.svg', Buffer.from(svg.text));
  await page.close();
});
