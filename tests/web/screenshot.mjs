// screenshot.mjs — regenerates the README's screenshot (assets/screenshot.png): article 000's
// inline program run to the end, the timeline cursor placed by a real click at 62 % of the
// run (mid-way through the deletes, after the last growth), 1440×900.
//
// Usage: node tests/web/screenshot.mjs        (after a web build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../web/tools/serve.mjs';
import { SITE, SCENARIOS, launchBrowser, waitApp, waitState } from './lib.mjs';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../assets/screenshot.png');
const server = await serve(SITE, 0);
const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
try {
  const page = await browser.context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await waitApp(page);
  const src = fs.readFileSync(path.join(SCENARIOS, 'article000_inline.go'), 'utf8');
  await page.evaluate((t) => window.app.loadProgram(t, 'article000_inline'), src);
  await waitState(page, (st) => st.state === 'Finished', 120000);
  const tl = JSON.parse(JSON.stringify(await page.evaluate(() => window.app.widgetRect('timeline'))));
  await page.mouse.click(tl.x + tl.w * 0.62, tl.y + tl.h * 0.5);
  await waitState(page, (st) => st.cursor !== null, 10000);
  await page.waitForTimeout(8000);   // the views replay the program to the cursor, time-sliced
  fs.writeFileSync(out, await page.screenshot());
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
