// quiz.test.mjs — "Predict, then reveal" (issue 14) in the page: the 1M preset with ?quiz=1
// stops before each printed line, a guess typed (Enter), a choice picked, a guess with a unit;
// each reveal says what it printed, how far the guess was and what real Go 1.19 prints; the
// questions and answers reach the screen-reader region and the figures hide while a question
// is open. A share link with quiz questions round-trips (Copy link's fragment, opened in a new
// tab, asks the same lines; a program that is not a preset says real Go's figure is not
// known), a blog's 720×420 embed with &quiz=3 asks, reveals and fits its frame, and a phone's
// card wraps. Screenshots: tests/web/artifacts/50-… to 58-….
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, openHost, openPage, waitState, rect, click, saveArtifact } from '../lib.mjs';

let site, base, browser, host, hostBase, pages;
const errors = [];
before(async () => {
  ({ base, browser } = site = await openSite());
  ({ base: hostBase, pages } = host = await openHost());
});
after(async () => {
  await site?.close();
  host?.close();
});

const sr = (page, id) => page.evaluate((i) => document.getElementById(i).textContent, id);
const asking = (line) => (st) => st.quiz.phase === 'asking' && st.quiz.line === line && st.cursor === st.quiz.stopOp && st.ops === st.cursor;
const revealed = (n) => (st) => st.quiz.phase === 'revealing' && st.quiz.answers.length === n && !st.probing;

// typeGuess clicks the guess field (the canvas takes the keyboard) and types text, then Enter.
async function typeGuess(page, k, text) {
  await click(page, `quiz-input:${k}`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('the 1M preset as a quiz: stops before each line, a guess typed, a choice, a unit; reveals with the distance and real Go', async (t) => {
  const page = await openPage(browser, base + '?quiz=1', {}, errors);
  // Line 1 ("41 KB") is asked before anything is printed.
  const q1 = await waitState(page, asking(1), 30000);
  assert.equal(q1.preset, 'article000_inline');
  assert.equal(q1.goVersion, '1.19');
  assert.equal(q1.stdout, '', 'nothing printed before the first question');
  assert.equal(q1.quiz.question, '___ KB');
  assert.deepEqual(q1.quiz.figures, ['KB']);
  assert.match(await sr(page, 'sr-quiz'), /^Question: the program is about to print output line 1: "___ KB"/);
  assert.doesNotMatch(await sr(page, 'sr-status'), /HeapAlloc/, 'the status mirror hides the figures while asking');
  assert.equal(q1.presetCaption, '', 'the preset\'s answer (its caption) waits for the quiz');
  const card = await rect(page, 'quiz-card');
  assert.ok(card.w > 300 && card.h > 80, `card ${JSON.stringify(card)}`);
  saveArtifact('50-quiz-asking.png', await page.screenshot());

  // A guess typed, Enter: the line is printed and the card says how far it was.
  await typeGuess(page, 0, '30');
  const r1 = await waitState(page, revealed(1), 20000);
  const a1 = r1.quiz.answers[0];
  assert.equal(r1.stdout, `${a1.printed} KB\n`, 'the run stepped to the end of the line');
  assert.equal(a1.guessed, true);
  assert.equal(a1.guess, 30);
  assert.ok(Number(a1.printed) > 30 && Number(a1.printed) < 60, a1.printed);
  assert.equal(a1.headline, 'Right order of magnitude');   // 30 KB against ~41 KB
  assert.match(a1.detail, /^\d+ % under: \d+ KB less than it printed$/);
  assert.match(a1.realGo, /^Real Go 1\.19 prints 41 KB \(one run, linux\/amd64\)/);
  assert.match(await sr(page, 'sr-quiz'), /^Answer: output line 1 is "\d+ KB"\. It printed \d+ KB\. You guessed 30 KB: Right order of magnitude, \d+ % under/);
  saveArtifact('51-quiz-revealed.png', await page.screenshot());

  // Enter continues: the run stops before line 2 (after the million inserts).
  await page.keyboard.press('Enter');
  const q2 = await waitState(page, asking(2), 60000);
  assert.equal(q2.stdout.split('\n').filter(Boolean).length, 1);
  assert.ok(q2.ops > 1_000_000, `the inserts ran: ${q2.ops}`);
  // …a choice picked instead of typed
  // (line 2: the printed figure is the third choice; the first is about a quarter of it)
  await click(page, 'quiz-choice:0');
  const r2 = await waitState(page, revealed(2), 20000);
  const a2 = r2.quiz.answers[1];
  assert.equal(a2.line, 2);
  assert.ok(a2.guessed && a2.guess > 0);
  assert.equal(a2.headline, 'Off');
  assert.match(a2.detail, /^7\d % under: /, a2.detail);
  assert.match(a2.realGo, /^Real Go 1\.19 prints 472\u00a0299 KB \(461 MiB\)/);

  // Line 3 (after the deletes and the GC): a guess with a unit.
  await page.keyboard.press('Enter');
  const q3 = await waitState(page, asking(3), 60000);
  assert.equal(q3.presetCaption, '');
  saveArtifact('52-quiz-asking-line3.png', await page.screenshot());
  await typeGuess(page, 0, '250 MiB');
  const r3 = await waitState(page, revealed(3), 20000);
  const a3 = r3.quiz.answers[2];
  assert.equal(a3.guess, 256000);   // 250 MiB in the printed unit (KB = 1024 bytes)
  assert.match(a3.detail, /^1[0-9] % under: /, a3.detail);   // ~293 MiB printed
  assert.equal(a3.headline, 'Close');
  assert.match(a3.realGo, /^Real Go 1\.19 prints 300\u00a0370 KB \(293 MiB\) \(one run, linux\/amd64\): (the same|the simulator is \d+\.\d % (over|under))\.$/);
  saveArtifact('53-quiz-revealed-unit.png', await page.screenshot());

  // The last Continue shows the score.
  await click(page, 'quiz-continue');
  const done = await waitState(page, (st) => st.quiz.phase === 'summary', 20000);
  assert.equal(done.state, 'Finished');
  assert.equal(done.stdout.split('\n').filter(Boolean).length, 3);
  assert.match(done.presetCaption, /Alloc is 293 MiB/, 'the caption once the quiz is done');
  assert.match(await sr(page, 'sr-quiz'), /^Quiz done: 3 guesses, \d of them close\./);
  saveArtifact('54-quiz-score.png', await page.screenshot());
  assert.deepEqual(errors, []);
  await page.close();
  t.diagnostic(`answers: ${JSON.stringify(done.quiz.answers.map((a) => [a.printed, a.guess, a.headline]))}`);
});

const tiny = `package main

import (
	"fmt"
	"runtime"
)

func main() {
	var ms runtime.MemStats
	fmt.Println("start")
	m := map[int]int{}
	for i := 0; i < 1000; i++ {
		m[i] = i
	}
	runtime.ReadMemStats(&ms)
	fmt.Printf("len=%d NumGC=%d\\n", len(m), ms.NumGC)
}
`;

test('a share link with quiz questions round-trips; a program that is not a preset: real Go not known', async () => {
  const page = await openPage(browser, base + '?quiz=3', {}, errors);
  await waitState(page, asking(3), 60000);
  // Copy link's link keeps the questions (its fragment: no query needed)
  const link = await page.evaluate(() => window.app.shareLink());
  assert.ok(!link.includes('?'), link);
  const decoded = await page.evaluate((f) => window.app.decodeShare(f), link.slice(link.indexOf('#') + 1));
  assert.equal(decoded.ok, true);
  assert.equal(decoded.quiz, '3');
  await page.close();
  const again = await openPage(browser, link, {}, errors);
  const st = await waitState(again, asking(3), 60000);
  assert.equal(st.quiz.spec, '3');
  assert.equal(st.stdout.split('\n').filter(Boolean).length, 2, 'lines 1 and 2 are not questions');
  await again.close();

  // The reader's own program with two figures on its asked line: two fields, one left blank.
  const maker = await openPage(browser, base, {}, errors);
  const frag = await maker.evaluate((p) => window.app.encodeShare({ program: p, quiz: '2' }), tiny);
  await maker.close();
  const own = await openPage(browser, base + '#' + frag, {}, errors);
  const q = await waitState(own, asking(2), 30000);
  assert.equal(q.stdout, 'start\n');
  assert.deepEqual(q.quiz.figures, ['len', 'NumGC']);
  assert.equal(q.quiz.question, 'len=____ NumGC=___');
  await typeGuess(own, 0, '1000');
  const r = await waitState(own, revealed(2), 20000);
  assert.deepEqual(r.quiz.answers.map((a) => [a.label, a.printed, a.guessed, a.headline]),
                   [['len', '1000', true, 'Exactly right'], ['NumGC', r.quiz.answers[1].printed, false, '']]);
  assert.match(r.quiz.answers[0].realGo, /^Real Go's figure is not known for this program: only the presets, as shipped, were measured/);
  saveArtifact('55-quiz-own-program.png', await own.screenshot());
  // A quiz line that cannot be read is said, and the program runs without questions.
  const bad = await openPage(browser, base + '?quiz=2;3', {}, errors);
  const b = await waitState(bad, (s) => s.notice !== '', 20000);
  assert.match(b.notice, /quiz could not be read \(quiz=2;3: a comma was expected at character 2\)/);
  assert.equal(b.quiz.spec, '');
  await bad.close();
  await own.close();
  assert.deepEqual(errors, []);
});

test('a blog embed at 720×420 with &quiz=3 asks, takes a typed guess with Enter, reveals inside its frame', async () => {
  pages.set('/post', `<!doctype html><meta charset="utf-8"><title>blog</title>
    <body style="margin:8px;background:#fff;color:#222;font:15px Georgia,serif">
    <p>How much memory is left after deleting every key? Guess before it prints.</p>
    <iframe src="${base}?embed&view=heap&quiz=3" title="Go map memory playground" width="720" height="420"
            style="border:1px solid #ccc;display:block"></iframe><div style="height:800px"></div></body>`);
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(`${hostBase}/post`);
  const f = page.frames().find((x) => x.url().includes('quiz=3'));
  await f.waitForFunction(() => window.app && window.app.frameCount() > 3, null, { timeout: 30000 });
  const stateOf = async () => JSON.parse(await f.evaluate(() => window.app.appState()));
  const until = async (pred, ms = 60000) => {
    const t0 = Date.now();
    for (;;) {
      const s = await stateOf();
      if (pred(s)) return s;
      if (Date.now() - t0 > ms) throw new Error('timed out: ' + JSON.stringify(s.quiz));
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const st = await until(asking(3));
  assert.equal(st.embed, true);
  const iframe = await page.$('iframe');
  const box = await iframe.boundingBox();
  const inFrame = async (name) => {
    const r = await f.evaluate((n) => window.app.widgetRect(n), name);
    assert.ok(r, 'no ' + name);
    assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.w <= 720 + 0.5 && r.y + r.h <= 420 + 0.5, `${name} inside the frame: ${JSON.stringify(r)}`);
    return r;
  };
  await inFrame('quiz-card');
  const input = await inFrame('quiz-input:0');
  await inFrame('quiz-reveal');
  await inFrame('quiz-choice:3');
  await inFrame('timeline');
  await iframe.screenshot().then((b) => saveArtifact('56-quiz-embed-720x420-asking.png', b));
  // Type the guess: click the field in the frame, type, Enter.
  await page.mouse.click(box.x + 1 + input.x + input.w / 2, box.y + 1 + input.y + input.h / 2);
  await page.keyboard.type('300000');
  await page.keyboard.press('Enter');
  const r = await until(revealed(1));
  assert.equal(r.quiz.answers[0].line, 3);
  assert.match(r.quiz.answers[0].detail, /^(\d+ % (under|over)|within 5 %)/);
  assert.match(r.quiz.answers[0].realGo, /^Real Go 1\.19 prints 300\u00a0370 KB/);
  await inFrame('quiz-answer');
  await inFrame('quiz-continue');
  const text = await f.evaluate(() => document.getElementById('sr-quiz').textContent);
  assert.match(text, /You guessed 300\u00a0000 KB \(293 MiB\)/);
  await iframe.screenshot().then((b) => saveArtifact('57-quiz-embed-720x420-revealed.png', b));
  await page.close();
  assert.deepEqual(errors, []);
});

test('on a phone (390 px) the card wraps its buttons: nothing cut', async () => {
  const page = await openPage(browser, base + '?quiz=1', { viewport: { width: 390, height: 844 } }, errors);
  const st = await waitState(page, asking(1), 30000);
  assert.equal(st.narrow, true);
  for (const name of ['quiz-card', 'quiz-end', 'quiz-input:0', 'quiz-reveal', 'quiz-skip', 'quiz-choice:0', 'quiz-choice:3']) {
    const r = await rect(page, name);
    assert.ok(r.x >= 0 && r.x + r.w <= 390 + 0.5, `${name} inside 390 px: ${JSON.stringify(r)}`);
  }
  saveArtifact('58-quiz-phone.png', await page.screenshot());
  await page.close();
  assert.deepEqual(errors, []);
});
