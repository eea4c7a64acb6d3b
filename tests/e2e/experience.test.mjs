// The widget as people use it: keyboard only, screen readers (axe-core),
// phones and wide screens, dark mode, printing, switching mid-walkthrough,
// clearing, and what stays in the browser afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ARTIFACTS, startSuite, withWidget, paste, pasteLarge, switchLang, explain } from './harness.mjs';

const MADE_UP = join(ROOT, 'tests', 'samples', 'made-up');
const SAMPLE_750 = readFileSync(join(MADE_UP, 'madeup-eo-classic-750.eml'), 'latin1');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

/** Presses Tab until the element with test id `testId` has the focus; fails if it never does. */
async function tabTo(page, testId, limit = 60) {
  const target = page.getByTestId(testId);
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${testId} was not reached with the Tab key`);
}

test('keyboard only: paste a 5.7.750 bounce, walk every step, copy the support summary (in French)', async () => {
  await withWidget(suite, { locale: 'fr-FR' }, async ({ page }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.origin });
    await tabTo(page, 'ndr-input');
    await page.keyboard.insertText(SAMPLE_750);
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.750');

    await tabTo(page, 'audience-sender');
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.getByTestId('audience-admin').isChecked(), 'arrow keys move between the radio buttons');

    const steps = explain({ text: SAMPLE_750, lang: 'fr' }).explanation.steps.length;
    for (let n = 1; n <= steps; n += 1) {
      assert.equal(await page.getByTestId('step-progress').textContent(), `Étape ${n} sur ${steps}`);
      await tabTo(page, 'step-done');
      await page.keyboard.press('Space');
      assert.ok(await page.getByTestId('step-done').isChecked());
      await tabTo(page, 'step-next');
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('support-summary').waitFor();
    await tabTo(page, 'copy-summary');
    await page.keyboard.press('Enter');
    await page.getByTestId('summary').locator('.ndr-copy-status').filter({ hasText: /\S/ }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.getByTestId('support-summary').textContent());
    assert.ok(copied.includes('5.7.750'));
  });
});

test('switching language and audience mid-walkthrough keeps the place', async () => {
  await withWidget(suite, async ({ page }) => {
    await paste(page, SAMPLE_750);
    await page.getByTestId('audience-admin').check();
    await page.getByTestId('step-next').click();
    await page.getByTestId('step-done').check();
    await page.getByTestId('step-next').click();
    assert.match(await page.getByTestId('step-progress').textContent(), /^Step 3 of/);
    await switchLang(page, 'fr');
    assert.match(await page.getByTestId('step-progress').textContent(), /^Étape 3 sur/);
    await page.getByTestId('audience-sender').check();
    assert.ok(await page.getByTestId('sender-help').isVisible());
    await page.getByTestId('audience-admin').check();
    assert.match(await page.getByTestId('step-progress').textContent(), /^Étape 3 sur/);
    assert.match(await page.getByTestId('steps-done').textContent(), /\b1 sur \d+/);
  });
});

test('clearing wipes the bounce, and nothing of it was ever stored', async () => {
  await withWidget(suite, async ({ page }) => {
    await paste(page, SAMPLE_750);
    await page.getByTestId('audience-admin').check();
    await page.getByTestId('step-done').check();
    await page.getByTestId('clear').click();
    assert.equal(await page.getByTestId('ndr-input').inputValue(), '');
    assert.equal(await page.getByTestId('status-code').count(), 0);
    const stored = await page.evaluate(() => ({
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
      cookie: document.cookie,
    }));
    assert.deepEqual(stored.session, []);
    assert.equal(stored.cookie, '');
    // Only step marks may stay, under a key naming the code.
    for (const [key, value] of stored.local) {
      assert.match(key, /^ndr-explainer\.progress\.[0-9.x-]+$/);
      assert.match(value, /^[01](,[01])*$/);
    }
    const text = JSON.stringify(stored);
    for (const fragment of ['fabrikam', 'contoso', 'orders@', 'Client blocked']) {
      assert.ok(!text.includes(fragment), `storage holds "${fragment}"`);
    }
  });
});

test('step progress is remembered for the same code, not the bounce', async () => {
  await withWidget(suite, async ({ page, watch }) => {
    await paste(page, SAMPLE_750);
    await page.getByTestId('audience-admin').check();
    await page.getByTestId('step-done').check();
    watch.ready = false; // a reload loads the page again; nothing may follow it either
    await page.reload();
    await page.getByTestId('ndr-input').waitFor();
    watch.ready = true;
    assert.equal(await page.getByTestId('ndr-input').inputValue(), '', 'the bounce is gone after a reload');
    await paste(page, '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains');
    await page.getByTestId('audience-admin').check();
    assert.match(await page.getByTestId('steps-done').textContent(), /^1 of/);
  });
});

for (const lang of ['en', 'fr']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no serious or critical violation (${lang}, ${colorScheme})`, async () => {
      await withWidget(suite, { lang, colorScheme }, async ({ page }) => {
        const check = async (label) => {
          await page.evaluate(AXE);
          const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
          const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], label);
        };
        await check('empty page');
        await paste(page, SAMPLE_750);
        await check('sender view');
        await page.getByTestId('audience-admin').check();
        await check('admin view');
        await paste(page, 'Hello, lunch at noon?');
        await check('no bounce');
      });
    });
  }
}

test('screenshots at 360 px and 1280 px, light and dark, are saved as artefacts', async () => {
  for (const [width, colorScheme] of [[360, 'light'], [1280, 'light'], [360, 'dark'], [1280, 'dark']]) {
    await withWidget(suite, { viewport: { width, height: 900 }, colorScheme }, async ({ page }) => {
      await paste(page, SAMPLE_750);
      await page.getByTestId('audience-admin').check();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at ${width} px`);
      await page.screenshot({ path: join(ARTIFACTS, `widget-${width}-${colorScheme}.png`), fullPage: true });
    });
  }
});

test('printing shows the diagnosis and every step, without the controls', async () => {
  await withWidget(suite, async ({ page }) => {
    await paste(page, SAMPLE_750);
    await page.getByTestId('audience-admin').check();
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.getByTestId('print-steps').isVisible());
    assert.ok(!(await page.getByTestId('ndr-input').isVisible()));
    const printed = await page.getByTestId('print-steps').locator('h4').count();
    assert.equal(printed, explain({ text: SAMPLE_750 }).explanation.steps.length);
    await page.pdf({ path: join(ARTIFACTS, 'widget-print.pdf') });
  });
});

test('a 5 MB message is analysed and the page keeps answering', async () => {
  await withWidget(suite, async ({ page }) => {
    const filler = 'X-Filler: ' + 'a'.repeat(990) + '\n';
    const big = SAMPLE_750.replace(/\r?\n\r?\n/, '\n' + filler.repeat(5300) + '\n');
    assert.ok(big.length > 5 * 1024 * 1024);
    await pasteLarge(page, big);
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.750');
    await switchLang(page, 'fr');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  });
});

test('for 5.7.750 the admin checks the sender domains against pasted accepted domains', async () => {
  await withWidget(suite, async ({ page }) => {
    await paste(page, SAMPLE_750);
    await page.getByTestId('audience-admin').check();
    const check = page.getByTestId('accepted-check');
    assert.ok(await check.isVisible());
    const table = [
      'Name                      DomainName                DomainType    Default',
      '----                      ----------                ----------    -------',
      'contoso.example           contoso.example           Authoritative True',
      'contoso.onmicrosoft.com   contoso.onmicrosoft.com   Authoritative False',
    ].join('\n');
    await page.getByTestId('accepted-input').fill(table);
    const missing = await page.getByTestId('domain-missing').allTextContents();
    assert.ok(missing.some((m) => m.includes('branch.contoso.example')), missing.join(' | '));
    await page.getByTestId('accepted-input').fill(`${table}\nbranch.contoso.example    branch.contoso.example    Authoritative False`);
    assert.equal(await page.getByTestId('domain-missing').count(), 0);
    assert.ok(await page.getByTestId('domains-all-ok').isVisible());
    await switchLang(page, 'fr');
    assert.ok(await page.getByTestId('domains-all-ok').isVisible(), 'the pasted list survives a language switch');
  });
});

test('the original message’s Received headers become a hop table with long delays marked', async () => {
  await withWidget(suite, async ({ page }) => {
    const bounce = [
      'From: postmaster@contoso.example',
      'To: pat@contoso.example',
      'Subject: Undeliverable: report',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      "Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'",
      '--b',
      'Content-Type: text/rfc822-headers',
      '',
      'Received: from AM6PR01MB1234.eurprd01.prod.outlook.com by AM6PR01MB9999.eurprd01.prod.outlook.com with HTTPS; Tue, 17 Mar 2026 09:20:05 +0000',
      'Received: from relay.contoso.example (198.51.100.7) by AM6PR01MB1234.eurprd01.prod.outlook.com with ESMTPS; Tue, 17 Mar 2026 09:00:02 +0000',
      'Received: from pc12.contoso.example by relay.contoso.example with SMTP; Tue, 17 Mar 2026 09:00:00 +0000',
      'Subject: report',
      '--b--',
      '',
    ].join('\n');
    await paste(page, bounce);
    const rows = page.getByTestId('hops').locator('tbody tr');
    assert.equal(await rows.count(), 3);
    assert.match(await rows.nth(0).textContent(), /pc12\.contoso\.example/);
    assert.equal(await page.getByTestId('long-delay').count(), 1);
    assert.match(await rows.nth(2).textContent(), /20 min 3 s/);
  });
});

test('hiding personal data changes the preview, and the copy is exactly the preview', async () => {
  await withWidget(suite, async ({ page }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.origin });
    await paste(page, SAMPLE_750);
    const preview = page.getByTestId('admin-message');
    assert.match(await preview.textContent(), /orders@fabrikam\.example/);
    await page.getByTestId('redact').check();
    const hidden = await preview.textContent();
    // Microsoft's own servers and links are not personal data and stay readable for support.
    assert.doesNotMatch(hidden, /fabrikam|contoso/);
    assert.match(hidden, /<address-1>/);
    assert.match(hidden, /5\.7\.750/);
    await page.getByTestId('copy-admin-message').click();
    await page.locator('.ndr-copy-status', { hasText: /\S/ }).first().waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), hidden);
    // The same choice applies to the support summary.
    await page.getByTestId('audience-admin').check();
    await page.getByTestId('step-index-summary').click();
    assert.doesNotMatch(await page.getByTestId('support-summary').textContent(), /fabrikam|contoso/);
  });
});
