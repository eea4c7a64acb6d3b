// Outlook items (.msg) in the release build, whose widget leaves the parser
// out of its wasm and imports the parser's own module with the first input:
// every made-up report of tests/samples/msg and real items of
// ../shared/msg-real, dropped and picked, give their diagnosis; damaged
// files say why; the module is requested once, with the first input, and
// carries nothing; a page that cannot load it says so and keeps working; the
// custom element and the single file (from file://, with the parser inline)
// read items too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT, contentField, diagnosed, dropFile, isReaderModule, paste, startSuite, withWidget } from './harness.mjs';

const SAMPLES = join(ROOT, 'tests', 'samples', 'msg');
const REAL = join(ROOT, '..', 'shared', 'msg-real');
/** Real items and their subjects, as tests/msg.rs has them. */
const REAL_ITEMS = [
  ['Simple.msg', 'Simple'],
  ['msgInMsg.msg', 'I have attachments!'],
  ['newOutlook.msg', 'Microsoft Outlook テスト メッセージ'],
  ['nonUnicodeMail.msg', 'Non Unicode mail subject'],
];

/** The rows of tests/samples/msg/labels.tsv: file, kind, statuses, reply, recipients, subject. */
function labels() {
  const [, ...rows] = readFileSync(join(SAMPLES, 'labels.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [file, kind, status, reply, recipients, subject] = row.split('\t');
    const list = (col) => (col ? col.split(',') : []);
    return { file, kind, statuses: list(status), reply, recipients: list(recipients), subject };
  });
}

const item = (dir, file) => ({ name: file, bytes: readFileSync(join(dir, file)), type: 'application/vnd.ms-outlook' });
/** A text of the interface as the page shows it. */
const shown = (text) => text.trim();

/**
 * Gives `file` to the widget in `root` (a page or an element's locator) the
 * way `how` says ("drop" or "pick") and waits for its diagnosis: the note
 * naming the file appears once the item is read (or could not be).
 */
async function give(root, file, how) {
  await root.getByTestId('clear').click();
  if (how === 'drop') await dropFile(root.getByTestId('drop-zone'), file);
  else await root.getByTestId('file-input').setInputFiles({ name: file.name, mimeType: file.type, buffer: file.bytes });
  await root.getByTestId('file-note').filter({ hasText: file.name }).waitFor();
  await diagnosed(typeof root.page === 'function' ? root.page() : root);
}

/** The requests for the reader's module among `requests`. */
const readerRequests = (requests, origin) => requests.filter((url) => isReaderModule(url, origin));

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

test('every made-up report, dropped and picked, gives its labelled status, reply and recipients', async () => {
  const rows = labels();
  assert.ok(rows.length >= 10, `only ${rows.length} labelled items`);
  await withWidget(suite, async ({ page }) => {
    const outlook = contentField('en', 'ui', 'input_outlook_msg');
    for (const row of rows) {
      for (const how of ['drop', 'pick']) {
        const what = `${row.file} (${how})`;
        await give(page, item(SAMPLES, row.file), how);
        if (row.kind === 'not_a_bounce') {
          await page.getByTestId('no-bounce').waitFor();
          assert.equal(await page.getByTestId('subject').textContent(), `Subject: ${row.subject}`, what);
          continue;
        }
        assert.ok((await page.getByTestId('read-as').textContent()).includes(outlook), what);
        assert.ok(row.statuses.includes(await page.getByTestId('status-code').textContent()), what);
        if (row.reply) assert.equal(await page.getByTestId('smtp-code').textContent(), row.reply, what);
        else assert.equal(await page.getByTestId('smtp-code').count(), 0, what);
        const listed = await page.getByTestId('recipients').locator('li').allTextContents();
        assert.equal(listed.length, row.recipients.length, `${what}: ${listed.join(' | ')}`);
        row.recipients.forEach((address, i) => {
          assert.ok(listed[i].includes(address) && listed[i].includes(row.statuses[i]), `${what}: ${listed[i]}`);
        });
        assert.equal(await page.locator('.ndr-result .ndr-warning').count(), 0, `${what}: a limit is shown`);
      }
    }
  });
});

test('real Outlook items open, show their subject and are not bounces', async () => {
  await withWidget(suite, async ({ page }) => {
    for (const [file, subject] of REAL_ITEMS) {
      for (const how of ['drop', 'pick']) {
        await give(page, item(REAL, file), how);
        await page.getByTestId('no-bounce').waitFor();
        assert.equal(await page.getByTestId('subject').textContent(), `Subject: ${subject}`, `${file} (${how})`);
        assert.equal(await page.locator('.ndr-result .ndr-warning').count(), 0, `${file}: a limit is shown`);
      }
    }
  });
});

test('a damaged .msg says what could not be read, in the interface’s language', async () => {
  const whole = readFileSync(join(SAMPLES, 'ndr-705-unicode.msg'));
  const cases = [
    [whole.subarray(0, 100), 'msg_bad_header'],
    [whole.subarray(0, 600), 'msg_sector_out_of_range'],
  ];
  for (const lang of ['en', 'fr']) {
    await withWidget(suite, { lang }, async ({ page }) => {
      for (const [bytes, key] of cases) {
        for (const how of ['drop', 'pick']) {
          await give(page, { name: `damaged-${bytes.length}.msg`, bytes, type: '' }, how);
          const warning = await page.locator('.ndr-result .ndr-warning').textContent();
          assert.equal(shown(warning), contentField(lang, 'ui', key), `${lang}, ${bytes.length} bytes (${how})`);
        }
      }
    });
  }
});

test('the parser module is requested once, with the first input, and carries nothing', async () => {
  await withWidget(suite, async ({ page, watch }) => {
    assert.deepEqual(readerRequests(watch.requests, suite.origin), [], 'requested with the page');
    await paste(page, '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains');
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.750');
    await give(page, { name: 'bounce.eml', bytes: readFileSync(join(ROOT, 'tests', 'samples', 'made-up', 'madeup-exchange-fr-705.eml')) }, 'drop');
    await give(page, item(SAMPLES, 'ndr-750-string8.msg'), 'drop');
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.750');
    await give(page, item(SAMPLES, 'ndr-708-html-only.msg'), 'pick');
    await give(page, item(REAL, 'Simple.msg'), 'drop');
    const asked = readerRequests(watch.requests, suite.origin);
    assert.equal(asked.length, 1, `the parser was requested ${asked.length} times`);
    assert.match(new URL(asked[0]).pathname, /^\/reader-[0-9a-f]{16}\.js$/, 'the request carries nothing from the page');
  });
});

test('a page that cannot load its parser says so, in the interface’s language', async () => {
  const blocked = (context) => context.route((url) => /\/reader-[0-9a-f]{16}\.js$/.test(url.pathname), (route) => route.abort());
  for (const lang of ['en', 'fr']) {
    // Not clean by the harness's measure: the blocked request logs a console error.
    await withWidget(suite, { lang, prepare: blocked, clean: false }, async ({ page, watch }) => {
      for (const how of ['drop', 'pick']) {
        await give(page, item(SAMPLES, 'ndr-705-unicode.msg'), how);
        const warning = shown(await page.locator('.ndr-result .ndr-warning').first().textContent());
        assert.equal(warning, contentField(lang, 'ui', 'reader_unavailable'), `${lang} (${how})`);
      }
      await paste(page, '550 5.7.705 Access denied, tenant has exceeded threshold');
      assert.equal(shown(await page.locator('.ndr-result .ndr-warning').first().textContent()), contentField(lang, 'ui', 'reader_unavailable'));
      assert.ok(watch.errors.every((e) => /Failed to load resource|reader-[0-9a-f]{16}\.js/.test(e)), watch.errors.join('\n'));
      assert.ok(watch.requests.every((url) => url.startsWith(`${suite.origin}/`)));
    });
  }
});

test('the custom element reads a .msg and publishes its diagnosis', async () => {
  // Ready once both the demo's frame and its element are.
  const ready = async (page) => {
    await page.getByTestId('frame-status').filter({ hasText: 'ready' }).waitFor();
    await page.locator('#widget-element').getByTestId('ndr-input').waitFor();
  };
  await withWidget(suite, { path: '/demo/index.html', ready }, async ({ page }) => {
    await page.evaluate(() => {
      window.__results = [];
      document.getElementById('widget-element')
        .addEventListener('ndr-explainer:result', (event) => window.__results.push(event.detail));
    });
    const widget = page.locator('#widget-element');
    await give(widget, item(SAMPLES, 'fwd-of-fwd-705.msg'), 'drop');
    assert.equal(await widget.getByTestId('status-code').textContent(), '5.7.705');
    await page.getByTestId('element-code').filter({ hasText: '5.7.705' }).waitFor();
    await give(widget, item(REAL, 'msgInMsg.msg'), 'pick');
    await page.waitForFunction(() => window.__results.some((r) => r?.subject === 'I have attachments!'));
    const results = await page.evaluate(() => window.__results.filter(Boolean));
    const forward = results.find((r) => r.status === '5.7.705');
    assert.equal(forward.input, 'outlook_msg');
    assert.deepEqual(forward.recipients.map((r) => r.address), ['orders@fabrikam.example']);
    const real = results.find((r) => r.subject === 'I have attachments!');
    assert.equal(real.kind, 'not_a_bounce');
    assert.deepEqual(real.limits, []);
  });
});

test('the single file reads a .msg from file://, with no request', async () => {
  const url = pathToFileURL(join(DIST, 'ndr-explainer.html')).href;
  await withWidget(suite, { url, clean: false }, async ({ page, watch }) => {
    await give(page, item(SAMPLES, 'ndr-several-recipients.msg'), 'drop');
    assert.equal(await page.getByTestId('recipients').locator('li').count(), 3);
    await give(page, item(SAMPLES, 'dr-delivered.msg'), 'pick');
    assert.equal(await page.getByTestId('status-code').textContent(), '2.0.0');
    await give(page, item(REAL, 'Simple.msg'), 'drop');
    assert.equal(await page.getByTestId('subject').textContent(), 'Subject: Simple');
    assert.deepEqual(watch.requests, [url], 'only the file itself was loaded');
    assert.deepEqual(watch.errors, []);
  });
});
