// Hostile bounces: markup in what is pasted is shown as text or dropped,
// never run; nothing is requested, sent, stored or opened while analysing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, withWidget, paste, pasteLarge, diagnosed, isTextsModule, isReaderModule, switchLang, contentField } from './harness.mjs';

let suite;
/** A texts module or the parser module of the bundle itself. */
const isOwnModule = (url) => isTextsModule(url, suite.origin) || isReaderModule(url, suite.origin);
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const PAYLOADS = {
  'script element': '<script>window.__pwned = "script"</script>',
  'img onerror': '<img src="x" onerror="window.__pwned = \'img\'">',
  'javascript: link': '<a href="javascript:window.__pwned=\'link\'">open</a>',
  'svg with script': '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=\'svg\'"><script>window.__pwned="svg2"</script></svg>',
  'css that restyles the page': '<style>body, .ndr { display: none !important; } * { color: transparent; }</style>',
  'entities that decode to markup': '&lt;img src=x onerror=&quot;window.__pwned=\'entity\'&quot;&gt;',
  'iframe and object': '<iframe src="javascript:parent.__pwned=1"></iframe><object data="x.swf"></object>',
  'external image beacon': '<img src="http://198.51.100.7/beacon.gif">',
};

/** The payload in every place a bounce can carry it. */
function bounces(payload) {
  return [
    `550 5.7.750 Service unavailable. ${payload}`,
    `<html><body><p>Delivery has failed to these recipients or groups:</p><p>victim@example.com</p><p>Remote Server returned '550 5.7.705 ${payload}'</p>${payload}</body></html>`,
    [
      'From: MAILER-DAEMON@relay.example.com',
      `Subject: Undelivered Mail ${payload}`,
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>Your message could not be delivered. ${payload}</p>`,
      '--b',
      'Content-Type: message/delivery-status',
      '',
      `Reporting-MTA: dns; relay.example.com`,
      '',
      `Final-Recipient: rfc822; "${payload}"@example.com`,
      'Action: failed',
      'Status: 5.7.750',
      `Diagnostic-Code: smtp; 550 5.7.750 ${payload}`,
      '--b--',
      '',
    ].join('\n'),
  ];
}

for (const [name, payload] of Object.entries(PAYLOADS)) {
  test(`a bounce carrying ${name} runs nothing and requests nothing`, async () => {
    await withWidget(suite, async ({ page, watch }) => {
      const sockets = [];
      page.on('websocket', (ws) => sockets.push(ws.url()));
      const popups = [];
      page.context().on('page', (p) => popups.push(p.url()));
      for (const bounce of bounces(payload)) {
        await paste(page, bounce);
        await page.getByTestId('result').waitFor();
        await page.getByTestId('audience-admin').check().catch(() => {});
        await page.waitForTimeout(100);
        assert.equal(await page.evaluate(() => window.__pwned), undefined, `${name} ran`);
        assert.ok(await page.getByTestId('ndr-input').isVisible(), 'the page was restyled');
        const injected = await page.evaluate(() =>
          document.querySelectorAll('.ndr script, .ndr iframe, .ndr object, .ndr svg[onload], .ndr img, .ndr style, .ndr a[href^="javascript:"]').length);
        assert.equal(injected, 0, 'markup from the bounce became elements');
      }
      assert.deepEqual(sockets, []);
      assert.deepEqual(popups, []);
      assert.deepEqual(watch.afterReady.filter((url) => !isOwnModule(url)), [], 'only the parser and the texts were fetched');
    });
  });
}

test('analysing writes nothing to storage, opens no socket and sends no beacon', async () => {
  await withWidget(suite, async ({ page }) => {
    await page.evaluate(() => {
      window.__calls = [];
      const note = (what) => () => { window.__calls.push(what); };
      navigator.sendBeacon = note('beacon');
      window.WebSocket = function () { window.__calls.push('websocket'); };
      window.EventSource = function () { window.__calls.push('eventsource'); };
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) { window.__calls.push(`storage:${key}`); return setItem.call(this, key, value); };
      Object.defineProperty(document, 'cookie', { set() { window.__calls.push('cookie'); }, get() { return ''; } });
    });
    await paste(page, '550 5.7.705 Access denied, tenant has exceeded threshold');
    await paste(page, 'Hello, lunch?');
    await pasteLarge(page, `${'x'.repeat(1024)}\n`.repeat(2048) + '550 5.7.750 Client blocked');
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.750');
    assert.deepEqual(await page.evaluate(() => window.__calls), []);
  });
});

test('the policy blocks a connection even if something tried one', async () => {
  await withWidget(suite, { clean: false }, async ({ page, watch }) => {
    const outcome = await page.evaluate(async () => {
      const results = [];
      try { await fetch('http://198.51.100.7/'); results.push('fetch ok'); } catch { results.push('fetch blocked'); }
      results.push(await new Promise((done) => {
        try {
          const socket = new WebSocket('ws://127.0.0.1:9/');
          socket.onopen = () => done('ws open');
          socket.onerror = () => done('ws blocked');
        } catch {
          done('ws blocked');
        }
      }));
      // A beacon may be accepted into the queue, then refused by the policy.
      navigator.sendBeacon('http://198.51.100.7/', 'x');
      return results;
    });
    assert.deepEqual(outcome, ['fetch blocked', 'ws blocked']);
    await page.waitForTimeout(300);
    assert.deepEqual(watch.afterReady.filter((url) => !isOwnModule(url)), [], 'nothing reached the network');
  });
});

test('the page loads no texts and no parser; the first input brings the parser and its language\'s texts, a switch the other language\'s, each once', async () => {
  await withWidget(suite, async ({ page, watch }) => {
    assert.deepEqual(watch.requests.filter(isOwnModule), [], 'nothing of the kind before the first input');
    await paste(page, 'Remote Server returned \'550 5.7.705 Access denied, tenant has exceeded threshold\'');
    await page.locator('.ndr[data-texts="en"]').waitFor({ state: 'attached' });
    await switchLang(page, 'fr');
    await page.locator('.ndr[data-texts="fr"]').waitFor({ state: 'attached' });
    await switchLang(page, 'en');
    await switchLang(page, 'fr');
    await paste(page, 'Remote Server returned \'550 5.7.750 Service unavailable\'');
    const after = watch.afterReady.map((url) => new URL(url).pathname.replace(/-[0-9a-f]{16}\.js$/, ''));
    assert.deepEqual(after.sort(), ['/reader', '/texts-en', '/texts-fr'], `after ready: ${watch.afterReady.join(', ')}`);
    assert.ok(watch.afterReady.every(isOwnModule), 'static modules of the page’s own, with nothing in their address');
  });
});

/** Builds a hostile input inside the page (no 50 MB crosses the test driver) and pastes it. */
async function pasteBuilt(page, build) {
  await page.getByTestId('ndr-input').evaluate((area, source) => {
    area.value = new Function(`return (${source})();`)();
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, build.toString());
  await diagnosed(page);
}

const HOSTILE = {
  '50 MB of text': () => `${'hello world 5.7.705 '.repeat(2621440)}`,
  'a 10 MB single line': () => 'x'.repeat(10 * 1024 * 1024) + ' 550 5.7.750 Client blocked',
  'MIME nested 10 000 levels deep': () => {
    let text = 'From: a@example.com\n';
    for (let i = 0; i < 10000; i += 1) text += `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n`;
    return `${text}\n550 5.7.705 x`;
  },
  '100 000 parts': () => 'From: a@example.com\nContent-Type: multipart/mixed; boundary=x\n\n' + '--x\nContent-Type: text/plain\n\n550 5.7.705 x\n'.repeat(100000),
  '100 000 recipients': () => 'From: MAILER-DAEMON@example.com\nSubject: Undeliverable\n\nDelivery has failed to these recipients or groups:\n\n'
    + Array.from({ length: 100000 }, (_, i) => `user${i}@example.com`).join('\n') + '\n\nRemote Server returned \'550 5.7.750 x\'\n',
  'NUL bytes and invalid text': () => '\u0000'.repeat(1 << 20) + '\ud800 550 5.7.705 Access denied\u0000',
};

for (const [name, build] of Object.entries(HOSTILE)) {
  test(`in the browser, ${name} gives a bounded result and the page keeps answering`, async () => {
    await withWidget(suite, async ({ page }) => {
      await pasteBuilt(page, build);
      await page.getByTestId('result').waitFor();
      const recipients = await page.getByTestId('recipients').locator('li').count();
      assert.ok(recipients <= 1000, `${recipients} recipients shown`);
      await switchLang(page, 'fr');
      await page.getByTestId('clear').click();
      assert.equal(await page.getByTestId('status-code').count(), 0);
    });
  });
}

test('when the texts cannot be loaded, the diagnosis still shows and the page says why', async () => {
  const blocked = {
    prepare: (context) => context.route(/\/texts-[a-z]{2}-[0-9a-f]+\.js$/, (route) => route.abort()),
    ready: (page) => page.getByTestId('ndr-input').waitFor({ state: 'visible' }),
    clean: false,
  };
  await withWidget(suite, blocked, async ({ page }) => {
    await paste(page, 'Remote Server returned \'550 5.7.705 Access denied, tenant has exceeded threshold\'');
    assert.equal(await page.getByTestId('status-code').textContent(), '5.7.705');
    const warning = page.locator('p.ndr-warning[role="status"]');
    await warning.waitFor();
    assert.equal((await warning.textContent()).trim(), contentField('en', 'ui', 'texts_unavailable'));
  });
});
