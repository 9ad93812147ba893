// The web app as a person uses it: stories, a story, a citation, the timeline, search, an ad
// hoc brief; then every page that shows the hostile articles of payloads.mjs (which run.sh
// ingested), checked in the browser for anything that runs or was injected.
//
//   node e2e/test.mjs BASE_URL SCREENSHOT_DIR CHROMIUM
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { PAYLOADS, all, scriptUrl } from './payloads.mjs';

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

await step('coverage by side', async () => {
  await page.goto(`${base}/`);
  const rows = page.locator('table.stories tbody tr');
  let withBar = 0;
  for (let idx = 0; idx < await rows.count(); idx += 1) {
    const row = rows.nth(idx);
    const segments = row.locator('svg.coverage-bar rect');
    if (await segments.count() === 0) continue;
    withBar += 1;
    // The bar's text equivalent: one "label: count" per segment, counts adding up to the
    // story's articles.
    const items = await row.locator('ul.sides li').allTextContents();
    assert.equal(items.length, await segments.count(), 'a segment without its text');
    const total = items.map((item) => Number(item.split(':').pop())).reduce((a, b) => a + b, 0);
    assert.equal(total, Number(await row.locator('td:nth-child(2)').textContent()), 'side counts do not add up');
    assert.equal(await row.locator('svg.coverage-bar').getAttribute('aria-hidden'), 'true');
    const width = await row.locator('svg.coverage-bar').evaluate((svg) => svg.getBoundingClientRect().width);
    assert.ok(width > 20, `the bar is ${width}px wide: the style sheet did not size it`);
  }
  assert.ok(withBar >= 1, 'no story has a coverage bar');
  await page.locator('table.stories').screenshot({ path: `${shots}/coverage.png` });
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

// Issue 8: payloads in every article field, on every page that renders them. Each page is
// checked twice: as served (under the Content-Security-Policy, where nothing may even try to
// run: a "Refused to" console message means markup got through) and with the policy bypassed,
// so that escaping alone is tested: a payload that got through would run and say so.
const xss = { pages: 0, loads: 0, findings: [] };
const guarded = page;
const bypassContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
const bypass = await bypassContext.newPage();
const caught = [];
for (const [name, tab] of [['csp', guarded], ['bypass', bypass]]) {
  tab.on('dialog', async (dialog) => { caught.push(`${name}: dialog ${dialog.message()}`); await dialog.dismiss(); });
  tab.on('console', (message) => {
    const text = message.text();
    if (/xss-|Refused to|Content Security Policy/i.test(text)) caught.push(`${name}: console ${text}`);
  });
  tab.on('pageerror', (error) => caught.push(`${name}: page error ${error}`));
}

/// What a page holds that no template writes: scripts and other active elements, event-handler
/// attributes, script addresses, SVG outside the charts, and the marker a payload sets.
async function injected(tab) {
  return tab.evaluate(() => {
    const found = [];
    const describe = (element) => element.outerHTML.slice(0, 120);
    for (const element of document.querySelectorAll('script, iframe, object, embed, img, base, frame, video, audio, math, style')) {
      found.push(`element ${describe(element)}`);
    }
    for (const svg of document.querySelectorAll('svg')) {
      if (!svg.matches('.timeline-chart, .coverage-bar, .swatch')) found.push(`svg ${describe(svg)}`);
    }
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on') || name === 'autofocus' || name === 'srcdoc' || name === 'style') {
          found.push(`attribute ${name} on ${describe(element)}`);
        }
        if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^\s*javascript:/i.test(attribute.value)) {
          found.push(`script address on ${describe(element)}`);
        }
      }
    }
    if (window.__xss !== undefined) found.push(`ran: ${window.__xss.join(', ')}`);
    return found;
  });
}

/// Loads `path` in both tabs (or runs `act` on each, for forms) and checks what it holds.
async function checkPage(label, path, act = null, expectStatus = null) {
  xss.pages += 1;
  for (const [name, tab] of [['csp', guarded], ['bypass', bypass]]) {
    let response;
    if (act) {
      response = await act(tab);
    } else {
      response = await tab.goto(`${base}${path}`);
    }
    if (expectStatus !== null && response) {
      assert.equal(response.status(), expectStatus, `${label}: status ${response.status()}`);
    }
    await tab.waitForTimeout(50);
    xss.loads += 1;
    for (const finding of await injected(tab)) xss.findings.push(`${label} (${name}): ${finding}`);
  }
}

await step('xss: every page that shows the hostile articles', async () => {
  await guarded.goto(`${base}/`);
  const storyLinks = await guarded.locator('table.stories tbody tr th a').evaluateAll(
    (links) => links.map((link) => link.getAttribute('href')));
  await checkPage('stories list', '/');
  const articleLinks = new Set();
  for (const story of storyLinks) {
    await checkPage(`story ${story}`, story);
    for (const href of await bypass.locator('a[href^="/articles/"]').evaluateAll(
      (links) => links.map((link) => link.getAttribute('href')))) {
      articleLinks.add(href);
    }
    await checkPage(`print ${story}`, `${story}/print`);
  }
  for (const article of articleLinks) await checkPage(`article ${article}`, article);
  await checkPage('search', '/search?q=Quillmoor');
  await checkPage('search for a script', `/search?q=${encodeURIComponent('window.__xss')}`);
  for (const [idx, payload] of PAYLOADS.entries()) {
    const text = payload(`query-${idx}`);
    await checkPage(`search payload ${idx}`, `/search?q=${encodeURIComponent(text)}`);
    await checkPage(`no story ${idx}`, `/stories/${encodeURIComponent(text)}`, null, 404);
    await checkPage(`no article ${idx}`, `/articles/${encodeURIComponent(text)}`, null, 404);
    await checkPage(`no page ${idx}`, `/no-such-page/${encodeURIComponent(text)}`, null, 404);
  }
  // The hostile story itself was found, listed and shown.
  await guarded.goto(`${base}/search?q=Quillmoor`);
  assert.ok(await guarded.locator('.hits li').count() >= 2, 'the hostile articles were not stored');
  assert.ok(articleLinks.size >= 4, `only ${articleLinks.size} article pages`);
  await guarded.locator('.hits h2 a').first().click();
  await guarded.waitForSelector('article.annotated');
  assert.ok((await guarded.textContent('main')).includes('<script>'), 'the payload is not shown as text');
  await guarded.screenshot({ path: `${shots}/xss-article.png`, fullPage: true });
  await guarded.locator('a', { hasText: "the story's brief" }).click();
  await guarded.waitForSelector('#sources');
  await guarded.screenshot({ path: `${shots}/xss-story.png`, fullPage: true });
});

await step('xss: ad hoc inputs, uploads and addresses', async () => {
  const submit = (fill) => async (tab) => {
    await tab.goto(`${base}/adhoc`);
    assert.equal(await tab.locator('textarea').count(), 2);
    await fill(tab);
    const [response] = await Promise.all([
      tab.waitForNavigation(),
      tab.getByRole('button', { name: 'Make the brief' }).click(),
    ]);
    return response;
  };
  const fileName = `"><img src=x onerror="${'alert(1)'}"> notes.txt`;
  await checkPage('ad hoc brief', null, submit(async (tab) => {
    await tab.getByLabel('Article text or HTML').fill(
      `The Quillmoor lantern fair opened on Friday with two hundred stalls, organisers said. ${all('adhoc-text-1')}\n---\n` +
      `"The fair opened on Friday," said Mara Feld ${all('adhoc-speaker')}, and two hundred stalls lined the river. ${all('adhoc-text-2')}\n`);
    await tab.getByLabel(/^Files/).setInputFiles({
      name: fileName,
      mimeType: 'text/plain',
      buffer: Buffer.from(`Lantern stalls lined the Quillmoor river on Friday as the fair opened, organisers said. ${all('adhoc-upload')}`),
    });
  }), 200);
  await bypass.screenshot({ path: `${shots}/xss-adhoc.png`, fullPage: true });
  await checkPage('ad hoc, nothing readable', null, submit(async (tab) => {
    await tab.getByLabel(/^Files/).setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from('   ') });
  }), 422);
  await checkPage('ad hoc, script address', null, submit(async (tab) => {
    await tab.getByLabel(/^Web addresses/).fill(scriptUrl('adhoc-url'));
  }), 400);
});

await step('xss: nothing ran, nothing was injected', async () => {
  await guarded.waitForTimeout(300);
  assert.deepEqual(xss.findings, [], `injected:\n${xss.findings.join('\n')}`);
  assert.deepEqual(caught, [], `caught:\n${caught.join('\n')}`);
  assert.deepEqual(dialogs, [], `dialogs opened: ${dialogs.join(', ')}`);
  assert.deepEqual(pageErrors, [], `page errors: ${pageErrors.join(', ')}`);
  console.log(`     xss: ${xss.pages} pages, ${xss.loads} loads (with and without CSP), ${PAYLOADS.length} payload kinds, 0 injected, 0 ran`);
});

await bypassContext.close();

await browser.close();
console.log(failures === 0 ? 'e2e: all steps passed' : `e2e: ${failures} step(s) failed`);
process.exit(failures === 0 ? 0 : 1);
