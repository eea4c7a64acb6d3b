// What a person sees for real bounces: the parser's findings for pasted text
// and for a dropped or chosen file, and the catalogue's explanation and
// walkthrough for every made-up 5.7.7xx sample, in English and French.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startSuite, withWidget, paste, contentField, switchLang, explain } from './harness.mjs';

const MADE_UP = join(ROOT, 'tests', 'samples', 'made-up');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** Rows of a labels.tsv: file, statuses, reply, recipients. */
function labels(dir) {
  const [, ...rows] = readFileSync(join(dir, 'labels.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [file, statuses, reply, recipients] = row.split('\t');
    const list = (col) => (col === '-' ? [] : col.split(/[,;]/).map((s) => s.split(' (')[0].trim()).filter(Boolean));
    return { file, statuses: list(statuses), reply, recipients: list(recipients) };
  });
}

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

test('every made-up 5.7.7xx sample, pasted, gets its code, title and walkthrough in both languages', async () => {
  const rows = labels(MADE_UP).filter((r) => r.statuses.length === 1 && r.statuses[0].startsWith('5.7.7'));
  assert.ok(rows.length >= 20, `only ${rows.length} 5.7.7xx samples`);
  await withWidget(suite, async ({ page }) => {
    for (const row of rows) {
      const code = row.statuses[0];
      await switchLang(page, 'en');
      await paste(page, readFileSync(join(MADE_UP, row.file), 'latin1'));
      assert.equal(await page.getByTestId('status-code').textContent(), code, row.file);
      for (const lang of ['en', 'fr']) {
        const { explanation } = explain({ file: join(MADE_UP, row.file), lang });
        await switchLang(page, lang);
        const title = await page.getByTestId('title').textContent();
        assert.equal(title.trim(), explanation.title, `${row.file} (${lang})`);
        await page.getByTestId('audience-admin').check();
        const progress = await page.getByTestId('step-progress').textContent();
        assert.match(progress, new RegExp(`\\b${explanation.steps.length}\\b`), `${row.file} (${lang}): ${progress}`);
        await page.getByTestId('audience-sender').check();
      }
    }
  });
});

test('the findings show the reply code, recipients, reporting server and the highlighted line', async () => {
  await withWidget(suite, async ({ page }) => {
    await paste(page, readFileSync(join(MADE_UP, 'madeup-trap-two-recipients-750-5110.eml'), 'latin1'));
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.750');
    assert.equal(await page.getByTestId('smtp-code').textContent(), '550');
    const recipients = await page.getByTestId('recipients').locator('li').allTextContents();
    assert.equal(recipients.length, 2);
    assert.ok(recipients.some((r) => r.includes('5.7.750')) && recipients.some((r) => r.includes('5.1.10')), recipients.join(' | '));
    assert.ok((await page.getByTestId('reporting-server').textContent()).includes('.'));
    assert.equal(await page.getByTestId('evidence').locator('mark').textContent(), '5.7.750');
    assert.ok(await page.getByTestId('tenant-wide').isVisible());
  });
});

test('a code quoted in the returned message never becomes the diagnosis', async () => {
  await withWidget(suite, async ({ page }) => {
    await paste(page, readFileSync(join(MADE_UP, 'madeup-trap-quoted-original-5110.eml'), 'latin1'));
    assert.equal(await page.getByTestId('status-code').textContent(), '5.1.10');
    assert.equal(await page.getByTestId('tenant-wide').count(), 0);
    await paste(page, readFileSync(join(MADE_UP, 'madeup-trap-notbounce-750.eml'), 'latin1'));
    assert.ok(await page.getByTestId('no-bounce').isVisible());
  });
});

test('a French Exchange NDR from the corpus and an HTML bounce are read', async () => {
  await withWidget(suite, async ({ page }) => {
    await paste(page, readFileSync(join(CORPUS, 'soe-lhost-exchange2007-06.eml'), 'latin1'));
    assert.equal(await page.getByTestId('status-code').textContent(), '5.1.1');
    await paste(page, readFileSync(join(MADE_UP, 'madeup-html-source-750.html'), 'utf8'));
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.750');
    const evidence = await page.getByTestId('evidence').textContent();
    assert.doesNotMatch(evidence, /<\w|&#39;/, 'tags and entities are never shown');
  });
});

test('a chosen file and a dropped file are analysed from their bytes', async () => {
  await withWidget(suite, async ({ page }) => {
    await page.getByTestId('file-input').setInputFiles(join(MADE_UP, 'madeup-exchange-fr-705.eml'));
    await page.getByTestId('file-note').waitFor();
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.705');
    assert.equal(await page.getByTestId('ndr-input').inputValue(), '');

    const bytes = readFileSync(join(MADE_UP, 'madeup-exim-relay-705.eml')).toString('base64');
    const transfer = await page.evaluateHandle((b64) => {
      const raw = atob(b64);
      const data = Uint8Array.from(raw, (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], 'relay.eml', { type: 'message/rfc822' }));
      return dt;
    }, bytes);
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByTestId('file-note').filter({ hasText: 'relay.eml' }).waitFor();
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.705');

    await page.getByTestId('clear').click();
    assert.equal(await page.getByTestId('status-code').count(), 0);
    assert.equal(await page.getByTestId('file-note').count(), 0);
  });
});

test('the sender copies the message to the admin, the admin walks to the support summary and copies it', async () => {
  await withWidget(suite, async ({ page }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.origin });
    await paste(page, readFileSync(join(MADE_UP, 'madeup-eo-classic-750.eml'), 'latin1'));
    const message = await page.getByTestId('admin-message').textContent();
    assert.ok(message.includes('5.7.750') && message.includes('orders@fabrikam.example'), message);
    await page.getByTestId('copy-admin-message').click();
    await page.locator('.ndr-copy-status', { hasText: /\S/ }).first().waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), message);

    await page.getByTestId('audience-admin').check();
    const steps = explain({ file: join(MADE_UP, 'madeup-eo-classic-750.eml') }).explanation.steps.length;
    for (let n = 1; n <= steps; n += 1) {
      assert.equal(await page.getByTestId('step-progress').textContent(), `Step ${n} of ${steps}`);
      await page.getByTestId('step-done').check();
      await page.getByTestId('step-next').click();
    }
    const summary = await page.getByTestId('support-summary').textContent();
    assert.ok(summary.includes('5.7.750'));
    assert.ok(!summary.includes(contentField('en', 'ui', 'summary_nothing_done')), 'the done steps are listed');
    await page.getByTestId('copy-summary').click();
    await page.getByTestId('summary').locator('.ndr-copy-status').filter({ hasText: /\S/ }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), summary);
  });
});
