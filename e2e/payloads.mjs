// Hostile articles for the browser tests (issue 8, "XSS payloads in every article field"):
// one invented event told by an HTML page, a JSON-LD page, an RSS feed and a scraped text file
// whose name is itself a payload. Every field that reaches a page carries markup that would
// record its id in window.__xss and open a dialog if it ever ran. Written into a temporary
// folder at each run; nothing hostile is committed.
//
//   node e2e/payloads.mjs DIR     writes the articles into DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/// JavaScript that records `id` when it runs.
const run = (id) => `(window.__xss=window.__xss||[]).push('${id}');alert('xss-${id}')`;

/// The payloads, each a function of an id so that a page that runs one says which field it
/// came from. Raw markup: insert it where the text is taken literally (attributes, <title>,
/// JSON strings) or entity-encode it with `asText` for HTML element content.
export const PAYLOADS = [
  (id) => `<script>${run(id)}</script>`,
  (id) => `<img src=x onerror="${run(id)}">`,
  (id) => `"><svg onload="${run(id)}">`,
  (id) => `' onmouseover='${run(id)}' x='`,
  (id) => `" autofocus onfocus="${run(id)}" x="`,
  (id) => `</textarea><script>${run(id)}</script>`,
  (id) => `</title><iframe src="javascript:${run(id)}"></iframe>`,
  (id) => `<a href="javascript:${run(id)}">link</a>`,
];

/// The fields given payloads so far.
export const fields = new Set();

/// Every payload for field `field`, joined.
export const all = (field) => {
  fields.add(field);
  return PAYLOADS.map((payload, idx) => payload(`${field}-${idx}`)).join(' ');
};

/// A `javascript:` address.
export const scriptUrl = (id) => {
  fields.add(id);
  return `javascript:${run(id)}`;
};

const asText = (markup) => markup.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const asAttribute = (text) => asText(text).replaceAll('"', '&quot;');
const asXml = asText;

/// Writes the hostile articles into `dir` and returns their file names.
export function writePayloadArticles(dir) {
  mkdirSync(dir, { recursive: true });
  const files = {};

  files['lantern-gazette.html'] = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Quillmoor lantern fair ${all('title-element')}</title>
<meta property="og:title" content="Quillmoor lantern fair opens ${asAttribute(all('og-title'))}">
<meta property="og:site_name" content="Lantern Gazette ${asAttribute(all('site-name'))}">
<meta property="og:url" content="${asAttribute(scriptUrl('og-url'))}">
<link rel="canonical" href="${asAttribute(scriptUrl('canonical'))}">
<meta name="author" content="Ivo Threnn ${asAttribute(all('author'))}">
<meta property="article:published_time" content="2031-05-02${asAttribute(all('date'))}">
</head><body>
<nav>Home | Sections | ${asText(all('nav'))}</nav>
<article>
<h1>Quillmoor lantern fair opens ${asText(all('h1'))}</h1>
<p>The Quillmoor lantern fair opened on Friday with more than two hundred stalls along the river, organisers said, and crowds stayed until late in the evening. ${asText(all('paragraph-1'))}</p>
<p>"We expect the biggest crowds in years ${asText(all('quote'))}," said Mara Feld ${asText(all('speaker'))}, who chairs the fair committee.</p>
<p>Volunteers hung paper lanterns on the old bridge, and the fair runs until Sunday, when the lanterns are released over the water at dusk. ${asText(all('paragraph-3'))}</p>
<figure><img src="lanterns.jpg" alt=""><figcaption>Lanterns on the bridge ${asText(all('caption'))}</figcaption></figure>
<p>Share this story ${asText(all('share'))}</p>
<p>Read more: Quillmoor river festivals ${asText(all('related'))}</p>
</article>
<footer>Cookies: we use cookies ${asText(all('footer'))}</footer>
</body></html>
`;

  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: `Lanterns light up Quillmoor river fair ${all('ld-headline')}`,
    datePublished: `2031-05-02T18:00:00Z${all('ld-date')}`,
    author: { '@type': 'Person', name: `Sela Ambry ${all('ld-author')}` },
    publisher: { '@type': 'Organization', name: `Riverside Courier ${all('ld-publisher')}` },
    url: scriptUrl('ld-url'),
  };
  files['riverside-courier.html'] = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Riverside Courier</title>
<script type="application/ld+json">${JSON.stringify(jsonLd).replaceAll('<', '\\u003c')}</script>
</head><body><article>
<p>The lantern fair in Quillmoor opened on Friday with over two hundred stalls along the river, and crowds stayed late into the evening, the organisers said. ${asText(all('ld-paragraph-1'))}</p>
<p>"It is the biggest fair we have had ${asText(all('ld-quote'))}," said Mara Feld, who chairs the fair committee.</p>
<p>The fair runs until Sunday, when lanterns are released over the water at dusk, volunteers said. ${asText(all('ld-paragraph-2'))}</p>
</article></body></html>
`;

  files['quillmoor-feed.xml'] = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Quill Valley Wire ${asXml(all('feed-channel'))}</title>
<link>${asXml(scriptUrl('feed-channel-link'))}</link>
<description>News ${asXml(all('feed-description'))}</description>
<item>
<title>Quillmoor fair opens with two hundred stalls ${asXml(all('feed-title'))}</title>
<link>${asXml(scriptUrl('feed-link'))}</link>
<author>desk@quillvalley.example (Tam Orrin ${asXml(all('feed-author'))})</author>
<pubDate>Fri, 02 May 2031 17:00:00 GMT ${asXml(all('feed-date'))}</pubDate>
<description>${asXml(`<p>The Quillmoor lantern fair opened on Friday with more than two hundred stalls along the river, its organisers said, and crowds stayed late. ${asText(all('feed-body-1'))}</p><p>The fair runs until Sunday, when the lanterns are released over the water at dusk. ${asText(all('feed-body-2'))}</p>`)}</description>
</item>
</channel></rss>
`;

  // A scraped text file: the name itself is a payload, and the leftovers the cleaner removes
  // as boilerplate carry payloads too.
  const textName = `"><img src=x onerror=alert(1)> quill-notes.txt`;
  files[textName] = `Quillmoor lantern fair draws crowds ${all('text-title')}

The Quillmoor lantern fair opened on Friday with more than two hundred stalls along the river, organisers said, and the crowds stayed until late. ${all('text-paragraph')}

"We have never seen so many visitors ${all('text-quote')}," said Mara Feld, who chairs the fair committee.

The fair runs until Sunday, when the lanterns are released over the water at dusk.

Share this article on Facebook ${all('text-share')}
We use cookies to improve your experience. Accept cookies ${all('text-cookie')}
Read more: ${all('text-related')}
`;

  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), content);
  }
  return Object.keys(files);
}

if (process.argv[1] && process.argv[1].endsWith('payloads.mjs')) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node e2e/payloads.mjs DIR');
    process.exit(2);
  }
  const names = writePayloadArticles(dir);
  console.log(`payloads: ${names.length} hostile articles, ${fields.size} fields, ${PAYLOADS.length} payloads per field, in ${dir}`);
}
