// Several files at once, or one mbox: the widget sums them up as
// `ndr-explain scan` does (a row per code, the hours as a chart, what could
// not be read), a row opens its first bounce, and a 50 MB mbox is read in
// slices while the page keeps answering. The files are made here from real
// bounces (../shared/corpus), made-up ones (tests/samples/made-up) and a
// golden sample, with their `Date` and `To` rewritten to tell a morning:
// ordinary bounces and a delay from 08:05, an auto-reply, delivery reports,
// a plain message, an old sendmail bounce without a code, then a 5.7.705
// tenant block from 09:40; plus a file of random bytes and one the browser
// cannot read. The expected rows come from the samples' labels (the same
// morning as tests/scan.rs), never from a run of the tool.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, utimesSync, rmSync, unlinkSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ARTIFACTS, startSuite, withWidget, switchLang, explain } from './harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const MADE_UP = join(ROOT, 'tests', 'samples', 'made-up');
const GOLDEN = join(ROOT, 'tests', 'golden', 'plain-text-bounces');
const AT = (iso) => Date.parse(iso);

/** A sample's bytes, from its folder. */
function sample(name) {
  if (name.startsWith('madeup-plain-text-')) return readFileSync(join(GOLDEN, name));
  return readFileSync(join(name.startsWith('madeup-') ? MADE_UP : CORPUS, name));
}

/**
 * `bytes` with fields of its top header block set (a value) or removed
 * (`null`), folded lines included; set fields go first. Line endings are
 * kept, and an mbox separator stays on top (as tests/scan/support.rs does).
 */
function withFields(bytes, fields) {
  const text = bytes.toString('latin1');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/(?<=\n)/);
  let out = '';
  let at = 0;
  if (text.startsWith('From ')) out += lines[at++];
  for (const [name, value] of fields) if (value !== null) out += `${name}: ${value}${eol}`;
  let skipping = false;
  let inHeaders = true;
  for (; at < lines.length; at += 1) {
    const line = lines[at];
    if (inHeaders && line.trimEnd() === '') inHeaders = false;
    if (inHeaders) {
      if (/^[ \t]/.test(line) && skipping) continue;
      skipping = fields.some(([name]) => line.length > name.length
        && line.slice(0, name.length).toLowerCase() === name.toLowerCase() && line[name.length] === ':');
      if (skipping) continue;
    }
    out += line;
  }
  return Buffer.from(out, 'latin1');
}

/** Random-looking bytes that no parser could take for mail. */
function garbage(size) {
  const bytes = Buffer.alloc(size);
  let seed = 0x2545f491;
  for (let i = 0; i < size; i += 1) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  bytes[0] = 0x8f; // not `From `, not an Outlook item
  return bytes;
}

/** The morning: [file name, sample, Date, To]. */
const DATED = [
  ['01-postfix.eml', 'soe-lhost-postfix-01.eml', 'Sun, 29 Nov 2026 08:05:00 +0000', 'ann@contoso.example'],
  ['02-gmail.eml', 'soe-lhost-gmail-01.eml', 'Sun, 29 Nov 2026 09:10:00 +0100', 'Bob <bob@contoso.example>'],
  ['03-delay.eml', 'rgl-bounce_exchange_delay.eml', 'Sun, 29 Nov 2026 03:20:00 -0500', 'carl@contoso.example'],
  ['04-auto-reply.eml', 'soe-rfc3834-01.eml', 'Sun, 29 Nov 2026 08:25:00 +0000', null],
  // A real mbox of two delivery reports.
  ['05-delivered.eml', 'soe-rfc3464-28.eml', 'Sun, 29 Nov 2026 08:26:00 +0000', null],
  ['06-hello.eml', 'rgl-non_bounce_postfix_hello_world.eml', 'Sun, 29 Nov 2026 08:30:00 +0000', null],
  // An old sendmail bounce: a failure without any enhanced code.
  ['07-sendmail.eml', 'madeup-plain-text-bounces-01-v5sendmail-user-unknown.eml', 'Sun, 29 Nov 2026 10:15:00 +0100', 'gus@contoso.example'],
  ['10.eml', 'madeup-eo-newstyle-705.eml', 'Sun, 29 Nov 2026 09:40:00 +0000', 'Ann Lee <ANN@contoso.example>'],
  ['11.eml', 'madeup-eo-classic-705.eml', 'Sun, 29 Nov 2026 10:55:00 +0100', 'bob@contoso.example'],
  ['12.eml', 'madeup-exchange-fr-705.eml', 'Sun, 29 Nov 2026 10:05:00 +0000', 'dee@contoso.example'],
  // Obsolete forms: a zone name, a two-digit year without day name.
  ['13.eml', 'madeup-exim-relay-705.eml', 'Sun, 29 Nov 2026 10:20:00 GMT', 'ann@contoso.example'],
  ['14.eml', 'madeup-trap-retry-history-705.eml', '29 Nov 26 05:45:00 EST', 'eve@contoso.example'],
  ['15-gmail-later.eml', 'soe-lhost-gmail-01.eml', 'Sun, 29 Nov 2026 10:50:00 +0000', 'carl@contoso.example'],
];

/** The morning's files: { name, bytes, lastModified }. */
function morning() {
  const files = DATED.map(([name, source, date, to]) => {
    const fields = [['Date', date]];
    if (to) fields.push(['To', to]);
    let bytes = withFields(sample(source), fields);
    if (name === '06-hello.eml') {
      // A body line that an mbox must escape as `>From `: unescaped wrong,
      // it would split the message in two.
      const eol = bytes.includes('\r\n') ? '\r\n' : '\n';
      bytes = Buffer.concat([bytes, Buffer.from(`${eol}From the help desk: lunch is at noon.${eol}`)]);
    }
    return { name, bytes, lastModified: AT('2026-12-01T07:00:00Z') };
  });
  // Copied text has no Date: the file's time stands in.
  files.push({ name: '20-copied.txt', bytes: sample('madeup-outlook-copy-newstyle-705.txt'), lastModified: AT('2026-11-29T11:10:00Z') });
  files.push({ name: '21-garbage.bin', bytes: garbage(4096), lastModified: AT('2026-12-01T07:00:00Z') });
  return files;
}

/** The files as one mbox (mboxrd: `From ` lines in a message gain a `>`). */
function mbox(files) {
  const parts = [];
  for (const { name, bytes } of files) {
    let text = bytes.toString('latin1');
    if (!text.startsWith('From ')) {
      const date = name === '20-copied.txt' ? 'Sun Nov 29 11:10:00 2026' : 'Sun Nov 29 12:00:00 2026';
      text = `From MAILER-DAEMON ${date}\n${text.replace(/^(>*From )/gm, '>$1')}`;
    }
    if (!text.endsWith('\n')) text += '\n';
    parts.push(text, '\n');
  }
  return Buffer.from(parts.join(''), 'latin1');
}

const title = (lang, code) => explain({ text: `550 ${code} x`, lang }).explanation.title;

/** The rows of the morning: code, count, first, last, senders, domains, title. */
function rows(lang, times = 1) {
  const n = (count) => String(count * times);
  return [
    ['5.7.705', n(6), '2026-11-29 09:40:00', '2026-11-29 11:10:00', '4', '3', title(lang, '5.7.705')],
    ['5.1.1', n(3), '2026-11-29 08:05:00', '2026-11-29 10:50:00', '3', '2', title(lang, '5.1.1')],
    ['4.4.7', n(1), '2026-11-29 08:20:00', '2026-11-29 08:20:00', '1', '1', ''],
    [lang === 'fr' ? 'sans code' : 'no code', n(1), '2026-11-29 09:15:00', '2026-11-29 09:15:00', '1', '1', ''],
  ];
}

/** The chart's words for the morning, in English. */
function chartWords(times = 1) {
  const b = (count, code) => (count * times === 1 ? `1 bounce (${code})` : `${count * times} bounces (${code})`);
  return 'Bounces per hour (UTC).'
    + ` 2026-11-29, 08:00 to 09:00: ${b(1, '4.4.7')}, ${b(2, '5.1.1')}.`
    + ` 2026-11-29, 09:00 to 10:00: ${b(2, '5.7.705')}, ${b(1, 'no code')}.`
    + ` 2026-11-29, 10:00 to 11:00: ${b(1, '5.1.1')}, ${b(3, '5.7.705')}.`
    + ` 2026-11-29, 11:00 to 12:00: ${b(1, '5.7.705')}.`;
}

/** The counts line for `files` read, `unreadable` not, the morning `times` over. */
function counts({ files, unreadable, times = 1 }) {
  const n = (count) => count * times;
  return `Files read: ${files}. Messages: ${n(16)}. Bounces: ${n(11)} (failures: ${n(10)}, delays: ${n(1)}).`
    + ` Other messages: ${n(5)} (delivery reports: ${n(2)}, auto-replies and other mail: ${n(3)}). Could not be read: ${unreadable}.`;
}

/**
 * Drops `files` on the drop zone as the browser does. A file marked `gone`
 * cannot be read: the browser's own failure for a file moved since it was
 * given (or a folder), `NotFoundError`, stands in for it.
 */
async function drop(page, files) {
  const payload = files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64'), lastModified: f.lastModified, gone: !!f.gone }));
  const transfer = await page.evaluateHandle((given) => {
    const gone = new Set(given.filter((f) => f.gone).map((f) => f.name));
    const read = window.Blob.prototype.arrayBuffer;
    window.Blob.prototype.arrayBuffer = function arrayBuffer() {
      if (gone.has(this.name)) {
        return Promise.reject(new window.DOMException('A requested file or directory could not be found.', 'NotFoundError'));
      }
      return read.call(this);
    };
    const transfer = new DataTransfer();
    for (const f of given) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { lastModified: f.lastModified }));
    }
    return transfer;
  }, payload);
  await page.dispatchEvent('[data-testid="drop-zone"]', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer: transfer });
}

/** Waits until the reading is over, and returns the announcement. */
async function readingDone(page, timeout = 60_000) {
  await page.getByTestId('batch').waitFor();
  await page.getByTestId('batch-stop').waitFor({ state: 'detached', timeout });
  return page.getByTestId('batch-announcement').textContent();
}

/** The table: its headings, then its rows' cells. */
async function table(page) {
  const headings = await page.$$eval('[data-testid="batch-table"] thead th', (cells) => cells.map((c) => c.textContent));
  const body = await page.$$eval('[data-testid="batch-table"] tbody tr',
    (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  return { headings, body };
}

/** Nothing of the files was kept by the browser: no storage, cookie, database or cache. */
async function assertNothingStored(page) {
  const stored = await page.evaluate(async () => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    cookie: document.cookie,
    databases: (await window.indexedDB.databases()).map((d) => d.name),
    caches: await window.caches.keys(),
  }));
  // Only walkthrough marks may stay, under a key naming a code.
  for (const [key, value] of stored.local) {
    assert.match(key, /^ndr-explainer\.progress\.[0-9.x-]+$/);
    assert.match(value, /^[01](,[01])*$/);
  }
  assert.deepEqual([stored.session, stored.cookie, stored.databases, stored.caches], [[], '', [], []]);
}

/**
 * Runs axe on the page; every violation of any impact fails, except within
 * `outside` (a part of the page this view does not draw).
 */
async function axeClean(page, label, outside = null) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  const found = result.violations.map((v) => ({
    ...v,
    nodes: v.nodes.filter((n) => !outside || !n.target.join(' ').startsWith(outside)),
  })).filter((v) => v.nodes.length > 0);
  assert.deepEqual(found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], label);
}

/**
 * Each code's colour in the chart stands out from the widget's background
 * (WCAG 1.4.11, at least 3:1 for graphics), differs from the others', and
 * is its swatch's in the legend.
 */
async function assertChartColours(page) {
  const { background, fills, swatches } = await page.evaluate(() => ({
    background: getComputedStyle(document.querySelector('.ndr')).backgroundColor,
    fills: [...document.querySelectorAll('[data-testid="chart"] path')].map((p) => getComputedStyle(p).fill),
    swatches: [...document.querySelectorAll('[data-testid="legend"] span')].map((s) => getComputedStyle(s).backgroundColor),
  }));
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  assert.equal(fills.length, 4);
  assert.deepEqual(swatches, fills, 'the legend shows the chart’s colours');
  assert.equal(new Set(fills).size, fills.length, `one colour per code: ${fills.join(' ')}`);
  for (const fill of fills) {
    assert.ok(contrast(fill, background) >= 3, `${fill} on ${background}: ${contrast(fill, background).toFixed(2)}:1`);
  }
}

let suite;
let dir;
let big;
before(async () => {
  suite = await startSuite();
  dir = mkdtempSync(join(tmpdir(), 'ndr-batch-'));
  // About 50 MB: the morning's mbox over and over.
  const once = mbox(morning());
  big = { path: join(dir, 'big.mbox'), times: Math.ceil((50 * 1024 * 1024) / once.length) };
  const fd = openSync(big.path, 'w');
  for (let i = 0; i < big.times; i += 1) writeSync(fd, once);
  closeSync(fd);
  big.size = once.length * big.times;
});
after(async () => {
  await suite?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('dropping the morning’s files sums them up: counts, rows, chart, legend, what could not be read', async () => {
  await withWidget(suite, async ({ page }) => {
    const files = [...morning(), { name: '22-gone.eml', bytes: Buffer.from('gone'), lastModified: 0, gone: true }];
    await drop(page, files);
    assert.match(await readingDone(page), /^Done: 11 bounces among 16 messages\.$/);
    assert.equal(await page.getByTestId('batch-counts').textContent(), counts({ files: 15, unreadable: 1 }));
    const { headings, body } = await table(page);
    assert.deepEqual(headings, ['Code', 'Bounces', 'First (UTC)', 'Last (UTC)', 'Senders', 'Recipient domains', 'Meaning']);
    assert.deepEqual(body, rows('en'));
    assert.equal(await page.getByTestId('chart-alt').textContent(), chartWords());
    assert.equal(await page.locator('[data-testid="chart"] svg').getAttribute('role'), 'img');
    assert.equal(await page.locator('[data-testid="chart"] svg').getAttribute('aria-labelledby'), 'ndr-chart-alt');
    assert.deepEqual(await page.getByTestId('legend').locator('li').allTextContents(), ['5.7.705', '5.1.1', '4.4.7', 'no code']);
    // Four hours, 09:00 among them; one path per code; each bar's count on top.
    const words = await page.locator('[data-testid="chart"] svg text').allTextContents();
    assert.deepEqual(words, ['3', '08:00', '2026-11-29', '3', '09:00', '4', '10:00', '1', '11:00']);
    assert.equal(await page.locator('[data-testid="chart"] svg path').count(), 4);
    assert.deepEqual(await page.getByTestId('batch-unreadable').locator('li').allTextContents(),
      ['22-gone.eml: it was moved or deleted once chosen']);
    // Nothing is shown as a single diagnosis until a row is opened.
    assert.equal(await page.getByTestId('result').count(), 0);
    await assertNothingStored(page);
  });
});

test('a row opens its first bounce’s diagnosis and walkthrough; the summary stays', async () => {
  await withWidget(suite, async ({ page }) => {
    await drop(page, morning());
    await readingDone(page);
    const open = page.getByRole('button', { name: '5.7.705', exact: true });
    await open.click();
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.705');
    // The earliest of the six, 10.eml at 09:40, to info@example.net.
    assert.equal(await page.getByTestId('batch-shown').textContent(),
      'Explained below: the first bounce (5.7.705), from 10.eml, message 1.');
    assert.deepEqual(await page.getByTestId('recipients').locator('.ndr-address').allTextContents(), ['info@example.net']);
    assert.equal(await open.getAttribute('aria-current'), 'true');
    await page.getByTestId('audience-admin').check();
    const steps = explain({ text: '550 5.7.705 x' }).explanation.steps.length;
    assert.equal(await page.getByTestId('step-progress').textContent(), `Step 1 of ${steps}`);
    await page.getByTestId('step-next').click();
    assert.equal(await page.getByTestId('step-progress').textContent(), `Step 2 of ${steps}`);
    assert.deepEqual((await table(page)).body, rows('en'), 'the summary is still there');
    // The row without a code opens the old sendmail bounce.
    await page.getByRole('button', { name: 'no code', exact: true }).click();
    assert.equal(await page.getByTestId('batch-shown').textContent(),
      'Explained below: the first bounce (no code), from 07-sendmail.eml, message 1.');
    assert.deepEqual(await page.getByTestId('recipients').locator('.ndr-address').allTextContents(), ['t.okafor@fabrikam.example']);
    await page.getByTestId('clear').click();
    assert.equal(await page.getByTestId('batch').count(), 0);
    assert.equal(await page.getByTestId('status-code').count(), 0);
    await assertNothingStored(page);
  });
});

test('picking the files through the file picker gives the same summary, in French too', async () => {
  const paths = morning().map(({ name, bytes, lastModified }) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    utimesSync(path, lastModified / 1000, lastModified / 1000);
    return path;
  });
  await withWidget(suite, { lang: 'fr' }, async ({ page }) => {
    await page.getByTestId('file-input').setInputFiles(paths);
    await readingDone(page);
    assert.equal(await page.getByTestId('batch-counts').textContent(),
      'Fichiers lus\u202f: 15. Messages\u202f: 16. Messages de non-remise\u202f: 11 (échecs\u202f: 10, retards\u202f: 1).'
      + ' Autres messages\u202f: 5 (confirmations de remise\u202f: 2, réponses automatiques et autres\u202f: 3). Fichiers illisibles\u202f: 0.');
    const { headings, body } = await table(page);
    assert.deepEqual(headings, ['Code', 'Nombre', 'Premier (UTC)', 'Dernier (UTC)', 'Expéditeurs', 'Domaines destinataires', 'Signification']);
    assert.deepEqual(body, rows('fr'));
    assert.match(await page.getByTestId('chart-alt').textContent(),
      /^Messages de non-remise par heure \(UTC\)\. 2026-11-29, de 08:00 à 09:00\u202f: 1 message de non-remise \(4\.4\.7\), 2 messages de non-remise \(5\.1\.1\)\./);
    assert.deepEqual(await page.getByTestId('legend').locator('li').allTextContents(), ['5.7.705', '5.1.1', '4.4.7', 'sans code']);
    assert.equal(await page.getByTestId('batch-unreadable').count(), 0);
    await assertNothingStored(page);
  });
});

test('one mbox of the same messages (with an escaped >From line) gives the same rows and hours', async () => {
  await withWidget(suite, async ({ page }) => {
    const box = mbox(morning());
    assert.match(box.toString('latin1'), /^>From the help desk/m);
    await drop(page, [{ name: 'morning.mbox', bytes: box, lastModified: AT('2026-12-01T07:00:00Z') }]);
    await readingDone(page);
    assert.equal(await page.getByTestId('batch-counts').textContent(), counts({ files: 1, unreadable: 0 }));
    assert.deepEqual((await table(page)).body, rows('en'));
    assert.equal(await page.getByTestId('chart-alt').textContent(), chartWords());
    await page.getByRole('button', { name: '5.7.705', exact: true }).click();
    // 01 to 06 (05 holds two), 07, then 10.eml: the ninth message.
    assert.equal(await page.getByTestId('batch-shown').textContent(),
      'Explained below: the first bounce (5.7.705), from morning.mbox, message 9.');
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.705');
  });
});

test('one file that is not an mbox keeps the single-bounce view', async () => {
  await withWidget(suite, async ({ page }) => {
    const [file] = morning().filter((f) => f.name === '10.eml');
    await drop(page, [file]);
    await page.getByTestId('status-code').waitFor();
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.705');
    assert.match(await page.getByTestId('file-note').textContent(), /10\.eml/);
    assert.equal(await page.getByTestId('batch').count(), 0);
  });
});

for (const lang of ['en', 'fr']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no violation in the summary and an opened row (${lang}, ${colorScheme})`, async () => {
      await withWidget(suite, { lang, colorScheme }, async ({ page }) => {
        await drop(page, [...morning(), { name: '22-gone.eml', bytes: Buffer.from('x'), lastModified: 0, gone: true }]);
        await readingDone(page);
        await axeClean(page, 'summary');
        await assertChartColours(page);
        if (lang === 'en') {
          await page.screenshot({ path: join(ARTIFACTS, `batch-${colorScheme}.png`), fullPage: true });
        }
        await page.locator('[data-testid="batch-table"] tbody button').first().click();
        await page.getByTestId('status-code').waitFor();
        // The opened bounce's hop table repeats its heading as its scroll
        // region's name (a landmark-unique notice of the single-bounce view).
        await axeClean(page, 'opened row', '.ndr-hops');
      });
    });
  }
}

test('a 50 MB mbox is read in slices: progress moves, clicks are handled meanwhile, every message counts', async (t) => {
  const gone = join(dir, 'gone.eml');
  writeFileSync(gone, 'Subject: soon gone\n\n550 5.7.705 x\n');
  await withWidget(suite, async ({ page }) => {
    await page.evaluate(() => {
      // The longest time the page went without running a timer.
      window.ndrGaps = { last: performance.now(), longest: 0 };
      window.setInterval(() => {
        const now = performance.now();
        window.ndrGaps.longest = Math.max(window.ndrGaps.longest, now - window.ndrGaps.last);
        window.ndrGaps.last = now;
      }, 10);
    });
    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles([big.path, gone]);
    // Moved away after it was chosen: the browser cannot read it any more.
    unlinkSync(gone);
    const progress = page.getByTestId('batch-progress');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="batch-progress"]')?.value) > 0);
    const first = Number(await progress.getAttribute('value'));
    assert.ok(Number(await progress.getAttribute('max')) >= big.size, 'the bar measures every byte given');
    assert.match(await page.getByTestId('batch-reading').textContent(), /^Read: 0 of 2 files, \d+ messages\.$/);
    // Another control answers while the mbox is read.
    const clicked = Date.now();
    await switchLang(page, 'fr');
    const answered = Date.now() - clicked;
    assert.ok(await page.getByTestId('batch-stop').isVisible(), 'still reading after the switch');
    assert.match(await page.getByTestId('batch-reading').textContent(), /^Lu\u202f: 0 fichiers sur 2, \d+ messages\.$/);
    await page.waitForFunction((before) => Number(document.querySelector('[data-testid="batch-progress"]')?.value) > before, first);
    await readingDone(page, 120_000);
    const took = Date.now() - started;
    const longest = await page.evaluate(() => window.ndrGaps.longest);
    t.diagnostic(`${big.times} mornings, ${big.size} bytes, read in ${took} ms; language switch ${answered} ms; longest gap ${Math.round(longest)} ms`);
    assert.ok(answered < 2000, `the language switch took ${answered} ms while reading`);
    assert.ok(longest < 500, `the page went ${Math.round(longest)} ms without answering`);
    await switchLang(page, 'en');
    assert.equal(await page.getByTestId('batch-counts').textContent(), counts({ files: 1, unreadable: 1, times: big.times }));
    assert.deepEqual((await table(page)).body, rows('en', big.times));
    assert.equal(await page.getByTestId('chart-alt').textContent(), chartWords(big.times));
    assert.deepEqual(await page.getByTestId('batch-unreadable').locator('li').allTextContents(),
      ['gone.eml: it was moved or deleted once chosen']);
    await assertNothingStored(page);
  });
});

test('stopping keeps what was read and reads no further; clearing wipes it', async () => {
  await withWidget(suite, async ({ page }) => {
    await page.getByTestId('file-input').setInputFiles([big.path]);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="batch-progress"]')?.value) > 0);
    await page.getByTestId('batch-stop').click();
    await page.getByTestId('batch-stopped').waitFor();
    assert.equal(await page.getByTestId('batch-announcement').textContent(), 'Reading stopped: this covers what was read before.');
    assert.equal(await page.getByTestId('batch-stop').count(), 0);
    const stopped = await page.getByTestId('batch-counts').textContent();
    const messages = Number(stopped.match(/Messages: (\d+)/)[1]);
    assert.ok(messages > 0 && messages < 16 * big.times, `${messages} messages read before stopping`);
    await page.waitForTimeout(1000);
    assert.equal(await page.getByTestId('batch-counts').textContent(), stopped, 'nothing more was read');
    await page.locator('[data-testid="batch-table"] tbody button').first().click();
    await page.getByTestId('status-code').waitFor();
    await page.getByTestId('clear').click();
    assert.equal(await page.getByTestId('batch').count(), 0);
    await assertNothingStored(page);
  });
});
