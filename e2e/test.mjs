// The web app as a person uses it: stories, a story, a citation, the timeline, search, an ad
// hoc brief, and an article whose text carries markup that must never run.
//
//   node e2e/test.mjs BASE_URL SCREENSHOT_DIR CHROMIUM
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, shots, executablePath] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const dialogs = [];
const pageErrors = [];
page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
page.on('pageerror', (error) => pageErrors.push(String(error)));

let failures = 0;
async function step(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures += 1;
    console.log(`FAIL ${name}: ${error.message}`);
    await page.screenshot({ path: `${shots}/failed-${name.replace(/\W+/g, '-')}.png`, fullPage: true }).catch(() => {});
  }
}

await step('stories list', async () => {
  await page.goto(`${base}/`);
  const rows = page.locator('table.stories tbody tr');
  assert.ok(await rows.count() >= 2, 'fewer than two stories');
  await page.screenshot({ path: `${shots}/stories.png`, fullPage: true });
});

await step('open a story', async () => {
  // The story with the most articles: an example story, not the one-article XSS fixture.
  const counts = await page.locator('table.stories tbody tr td:nth-child(2)').allTextContents();
  const best = counts.map(Number).reduce((bestIdx, n, idx, all) => (n > all[bestIdx] ? idx : bestIdx), 0);
  await page.locator('table.stories tbody tr th a').nth(best).click();
  await page.waitForSelector('h1');
  assert.ok(await page.locator('#sources tbody tr').count() >= 2, 'fewer than two sources');
  assert.ok(await page.locator('#side-by-side .column').count() >= 2, 'no side-by-side columns');
  await page.screenshot({ path: `${shots}/story.png`, fullPage: true });
});

await step('click a citation', async () => {
  const citation = page.locator('#summary a.cite, #consensus a.cite').first();
  const href = await citation.getAttribute('href');
  await citation.click();
  assert.equal(new URL(page.url()).hash, href);
  const target = page.locator(`[id="${href.slice(1)}"]`);
  assert.equal(await target.count(), 1, `no element ${href}`);
  assert.ok(await target.evaluate((element) => element.matches(':target')), 'the cited sentence is not the target');
  assert.ok(await target.isVisible(), 'the cited sentence is not visible');
  await page.screenshot({ path: `${shots}/citation.png` });
});

await step('use the timeline', async () => {
  const events = page.locator('svg.timeline-chart a.event');
  assert.ok(await events.count() >= 1, 'no event in the timeline chart');
  // Keyboard first: the chart's events are links that take focus.
  await events.first().focus();
  await page.keyboard.press('Enter');
  const hash = new URL(page.url()).hash;
  assert.match(hash, /^#event-\d+$/);
  const entry = page.locator(hash);
  assert.ok(await entry.evaluate((element) => element.matches(':target')), 'the event entry is not the target');
  await events.last().click();
  assert.match(new URL(page.url()).hash, /^#event-\d+$/);
  await page.locator('#timeline').screenshot({ path: `${shots}/timeline.png` });
});

await step('print view', async () => {
  const print = page.locator('a', { hasText: 'printable view' });
  await print.click();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.site').isVisible(), false, 'navigation shows in print');
  await page.screenshot({ path: `${shots}/print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

await step('search', async () => {
  await page.goto(`${base}/`);
  await page.getByLabel('Search articles').fill('strike');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=strike/);
  assert.ok(await page.locator('.hits li').count() >= 1, 'no hit');
  assert.ok(await page.locator('.hits mark').count() >= 1, 'no highlighted word');
  await page.screenshot({ path: `${shots}/search.png`, fullPage: true });
  await page.locator('.hits h2 a').first().click();
  await page.waitForSelector('article.annotated');
  assert.ok(await page.locator('mark.time[title]').count() >= 1, 'no time expression with its value');
  await page.screenshot({ path: `${shots}/article.png`, fullPage: true });
});

await step('ad hoc brief', async () => {
  await page.goto(`${base}/adhoc`);
  await page.getByLabel('Article text or HTML').fill(
    'Ferry crews in Vell walked off the job on Monday, halting all crossings to the island for the day, the operator said.\n' +
    '---\n' +
    'All crossings to Vell island stopped on Monday as ferry crews walked off the job over rotas, a union spokesperson said.\n');
  await page.getByRole('button', { name: 'Make the brief' }).click();
  await page.waitForSelector('#sources');
  assert.equal(await page.locator('#sources tbody tr').count(), 2);
  assert.ok((await page.locator('main header').textContent()).includes('not stored'));
  await page.screenshot({ path: `${shots}/adhoc.png`, fullPage: true });
});

await step('xss payload runs nothing', async () => {
  await page.goto(`${base}/search?q=Quillmoor`);
  await page.locator('.hits h2 a').first().click();
  await page.waitForSelector('article.annotated');
  const injected = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg[onload], [onerror], [onmouseover], b').length,
    pwned: window.__pwned ?? null,
  }));
  assert.deepEqual(injected, { scripts: 0, images: 0, svgs: 0, pwned: null });
  assert.ok((await page.textContent('main')).includes('<script>'), 'the payload is not shown as text');
  await page.screenshot({ path: `${shots}/xss-article.png`, fullPage: true });
  const storyLink = page.locator('a', { hasText: "the story's brief" });
  await storyLink.click();
  await page.waitForSelector('#sources');
  const onStory = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img').length,
    pwned: window.__pwned ?? null,
  }));
  assert.deepEqual(onStory, { scripts: 0, images: 0, pwned: null });
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, [], `dialogs opened: ${dialogs.join(', ')}`);
  assert.deepEqual(pageErrors, [], `page errors: ${pageErrors.join(', ')}`);
  await page.screenshot({ path: `${shots}/xss-story.png`, fullPage: true });
});

await browser.close();
console.log(failures === 0 ? 'e2e: all steps passed' : `e2e: ${failures} step(s) failed`);
process.exit(failures === 0 ? 0 : 1);
