// The Zendesk app, as packaged (dist/ndr-explainer-zendesk.zip, unzipped),
// in the ticket sidebar of a stand-in for Zendesk: the tests run without a
// Zendesk account, so a page of another origin speaks the ZAF SDK's
// postMessage protocol to the app's frame (zaf-stand-in.mjs), as Zendesk's
// agent page does, and records what the app asked of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, startSuite, withWidget, serveDir, contentField } from './harness.mjs';
import { unpack, hostFolder, install, comment } from './zaf-stand-in.mjs';

const RECIPIENT = 'alex.martin@fabrikam.example';
const BOUNCE_750 = `<div class="zd-comment" dir="auto"><p>Hello, my mail to a customer came back again:</p>
<p><b>Delivery has failed to these recipients or groups:</b></p><p>${RECIPIENT}<br>Your message couldn't be delivered.</p>
<p>Diagnostic information for administrators:</p><p>Generating server: AM0PR01MB5112.eurprd01.prod.exchangelabs.com</p>
<p>${RECIPIENT}<br>Remote Server returned '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains'</p></div>`;
const BOUNCE_705 = `<div class="zd-comment" dir="auto"><p>Earlier one:</p><p>${RECIPIENT}<br>Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'</p></div>`;
const CHAT = (text) => `<div class="zd-comment" dir="auto"><p>${text}</p></div>`;

// Given out of order: the app sorts them by date. Comment 2 (second newest) holds the newest bounce.
const TICKET = [
  comment(3, 'Agent Sam', '2026-11-30T10:05:00Z', CHAT('Thanks, we are looking into it.')),
  comment(1, 'Camille Durand', '2026-11-28T08:00:00Z', BOUNCE_705),
  comment(2, 'Camille Durand', '2026-11-30T09:12:00Z', BOUNCE_750),
];
const NO_BOUNCE = [
  comment(1, 'Camille Durand', '2026-11-28T08:00:00Z', CHAT('My printer shows an error when I scan to e-mail.')),
  comment(2, 'Agent Sam', '2026-11-28T09:00:00Z', CHAT('Which model is it?')),
];

let suite;
let app;
let host;
let pkg;
before(async () => {
  suite = await startSuite();
  pkg = unpack(readFileSync(join(DIST, 'ndr-explainer-zendesk.zip')));
  app = await serveDir(pkg.dir);
  host = await serveDir(hostFolder());
});
after(async () => {
  await suite?.close();
  await app?.close();
  await host?.close();
  if (pkg) rmSync(pkg.dir, { recursive: true, force: true });
});

/** Opens a ticket in the stand-in with the app in its sidebar; ready once the app says what it found. */
function sidebar({ locale = 'en-US', comments = TICKET, richText = true } = {}) {
  return {
    url: `${host.origin}/index.html`,
    clean: false,
    ready: async (page) => {
      await page.evaluate(install, {
        appUrl: `${app.origin}/assets/iframe.html`, appOrigin: app.origin, guid: 'a1b2c3d4-0000-4000-8000-000000000001',
        locale, comments, richText,
      });
      await page.frameLocator('#app').getByTestId('zd-status').filter({ hasText: /\S/ }).waitFor();
    },
  };
}

const zaf = (page) => page.evaluate(() => window.__zaf);
const frameOf = (page) => page.frameLocator('#app');
/** French typography as the build applies it: a narrow no-break space before : ; ! ? and inside « ». */
const typeset = (lang, text) => (lang === 'fr' ? text.replace(/ ([:;!?»])/g, '\u202f$1').replace(/« /g, '«\u202f') : text);
/** The text of a word of content/<lang>/ui.toml as the page shows it, its placeholders filled. */
const word = (lang, key, values = {}) => typeset(lang, contentField(lang, 'ui', key)).replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all);
/** What the app puts into the rich-text editor for `text`: every special character escaped. */
const escaped = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Waits for the app's n-th editor insertion and returns its HTML. */
async function inserted(page, n) {
  await page.waitForFunction((count) => window.__zaf.invokes.filter((i) => i['ticket.editor.insert']).length >= count, n);
  const invokes = (await zaf(page)).invokes.filter((i) => i['ticket.editor.insert']);
  return invokes[n - 1]['ticket.editor.insert'][0];
}

test('the newest comment that holds a bounce is found, diagnosed and shown in English', async () => {
  await withWidget(suite, sidebar(), async ({ page, watch }) => {
    const frame = frameOf(page);
    const widget = frame.locator('ndr-explainer');
    await widget.getByTestId('status-code').filter({ hasText: '5.7.750' }).waitFor();
    assert.equal(await frame.getByTestId('zd-status').textContent(), word('en', 'app_found', { n: 2 }));
    assert.equal(await frame.getByTestId('zd-comment').inputValue(), '2');
    assert.equal(await widget.locator('.ndr').getAttribute('lang'), 'en');
    assert.ok(!(await widget.locator('.ndr-header h1').isVisible()), 'the compact layout hides the title');
    const calls = await zaf(page);
    assert.equal(calls.handshakes.length, 1, 'one handshake');
    assert.deepEqual(calls.gets[0], ['currentUser.locale', 'ticket.comments']);
    assert.equal(calls.foreign, 0);
    // Another comment, picked by the agent.
    await frame.getByTestId('zd-comment').selectOption('1');
    await widget.getByTestId('status-code').filter({ hasText: '5.7.705' }).waitFor();
    // The agent switches the widget to French: the sidebar follows.
    await widget.getByTestId('lang-fr').click();
    await frame.getByTestId('zd-insert-reply').filter({ hasText: word('fr', 'app_insert_reply') }).waitFor();
    assert.equal(await frame.locator('[data-word="comment_label"]').textContent(), word('fr', 'app_comment_label'));
    assert.equal(await frame.getByTestId('zd-comment').locator('option:checked').textContent(), word('fr', 'app_comment_option', { n: 1, author: 'Camille Durand' }));
    assert.deepEqual(watch.errors, []);
  });
});

test('the sidebar resizes itself to its content', async () => {
  await withWidget(suite, sidebar(), async ({ page }) => {
    await frameOf(page).locator('ndr-explainer').getByTestId('status-code').waitFor();
    const app = page.frames().find((f) => f.url().includes('/assets/iframe.html'));
    // The last size asked for is the content's, once the layout settles.
    let content;
    let last;
    for (let tries = 0; tries < 100; tries += 1) {
      content = await app.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      last = (await zaf(page)).invokes.filter((i) => i.resize).at(-1)?.resize[0];
      if (last?.height === `${content}px`) break;
      await page.waitForTimeout(100);
    }
    assert.equal(last?.width, '100%');
    assert.equal(last?.height, `${content}px`, 'the last height asked for is the content’s');
    const frameHeight = await page.locator('#app').evaluate((f) => f.getBoundingClientRect().height);
    assert.equal(frameHeight, content, 'the stand-in sized the frame as asked');
    assert.ok(content > 400, `the sidebar shows the diagnosis (${content}px)`);
  });
});

test('both insert buttons put the catalogue’s texts into the editor, as a public reply and as an internal note', async () => {
  await withWidget(suite, sidebar(), async ({ page, watch }) => {
    const frame = frameOf(page);
    await frame.locator('ndr-explainer').getByTestId('status-code').filter({ hasText: '5.7.750' }).waitFor();
    // (Playwright's click waits for the button to be enabled.)
    await frame.getByTestId('zd-insert-reply').click();
    const replyHtml = await inserted(page, 1);
    assert.deepEqual((await zaf(page)).sets.at(-1), { 'comment.type': 'publicReply' });
    assert.ok(replyHtml.startsWith('<p>'), replyHtml);
    assert.ok(replyHtml.includes(escaped(contentField('en', '5.7.750', 'meaning'))), 'the reply explains the code');
    assert.ok(replyHtml.includes('1. Stop resending the message'), 'the reply lists the sender’s steps');
    assert.ok(replyHtml.includes(RECIPIENT), 'the message to the admin names the recipient');
    assert.doesNotMatch(replyHtml, /<(script|img|a )/i);
    assert.equal(await frame.getByTestId('zd-inserted').textContent(), word('en', 'app_inserted_reply'));

    await frame.getByTestId('zd-insert-note').click();
    const noteHtml = await inserted(page, 2);
    assert.deepEqual((await zaf(page)).sets.at(-1), { 'comment.type': 'internalNote' });
    assert.ok(noteHtml.includes('5.7.750') && noteHtml.includes(RECIPIENT), 'the note is the support summary, with the facts');
    assert.ok(noteHtml.includes(escaped('Subject: Request to lift an outbound block (5.7.750)')), noteHtml);

    await frame.getByTestId('zd-redact').check();
    await frame.getByTestId('zd-insert-note').click();
    const hidden = await inserted(page, 3);
    assert.ok(!hidden.includes(RECIPIENT) && !hidden.includes('fabrikam'), `personal data is hidden: ${hidden}`);
    assert.ok(hidden.includes('5.7.750'));
    assert.equal(await frame.getByTestId('zd-inserted').textContent(), word('en', 'app_inserted_note'));
    assert.deepEqual(watch.errors, []);
  });
});

test('a plain-text editor gets the texts as plain text', async () => {
  await withWidget(suite, sidebar({ richText: false }), async ({ page }) => {
    const frame = frameOf(page);
    await frame.locator('ndr-explainer').getByTestId('status-code').filter({ hasText: '5.7.750' }).waitFor();
    await frame.getByTestId('zd-insert-reply').click();
    const text = await inserted(page, 1);
    assert.ok(text.includes(contentField('en', '5.7.750', 'meaning')));
    assert.doesNotMatch(text, /<p>|&#/);
  });
});

test('a French agent gets the sidebar, the diagnosis and the inserted texts in French', async () => {
  await withWidget(suite, sidebar({ locale: 'fr-FR' }), async ({ page, watch }) => {
    const frame = frameOf(page);
    const widget = frame.locator('ndr-explainer');
    await widget.getByTestId('status-code').filter({ hasText: '5.7.750' }).waitFor();
    assert.equal(await widget.locator('.ndr').getAttribute('lang'), 'fr');
    assert.equal(await frame.locator('html').getAttribute('lang'), 'fr');
    assert.equal(await frame.getByTestId('zd-status').textContent(), word('fr', 'app_found', { n: 2 }));
    assert.equal(await frame.getByTestId('zd-insert-reply').textContent(), word('fr', 'app_insert_reply'));
    assert.equal(await frame.getByTestId('zd-insert-note').textContent(), word('fr', 'app_insert_note'));
    await frame.getByTestId('zd-insert-reply').click();
    const reply = await inserted(page, 1);
    assert.ok(reply.includes(escaped(typeset('fr', contentField('fr', '5.7.750', 'meaning')))), 'the reply is the French entry');
    assert.ok(reply.includes(escaped(typeset('fr', 'Ce que vous pouvez faire maintenant :'))), reply);
    await frame.getByTestId('zd-insert-note').click();
    const note = await inserted(page, 2);
    assert.ok(note.includes(escaped(typeset('fr', 'Objet : Demande de levée d’un blocage des envois (5.7.750)'))), note);
    assert.equal(await frame.getByTestId('zd-inserted').textContent(), word('fr', 'app_inserted_note'));
    assert.deepEqual(watch.errors, []);
  });
});

test('a ticket with no bounce says so and offers nothing to insert', async () => {
  await withWidget(suite, sidebar({ comments: NO_BOUNCE }), async ({ page, watch }) => {
    const frame = frameOf(page);
    assert.equal(await frame.getByTestId('zd-status').textContent(), word('en', 'app_no_bounce'));
    assert.equal(await frame.getByTestId('zd-comment').inputValue(), 'paste');
    assert.ok(await frame.getByTestId('zd-insert-reply').isDisabled());
    assert.ok(await frame.getByTestId('zd-insert-note').isDisabled());
    // Pasting still works in the sidebar.
    await frame.locator('ndr-explainer').getByTestId('ndr-input').fill("Remote Server returned '550 5.7.705 Access denied, tenant has exceeded threshold'");
    await frame.locator('ndr-explainer').getByTestId('status-code').filter({ hasText: '5.7.705' }).waitFor();
    await frame.locator('[data-testid="zd-insert-note"]:enabled').waitFor();
    assert.equal((await zaf(page)).invokes.filter((i) => i['ticket.editor.insert']).length, 0, 'nothing was inserted unasked');
    assert.deepEqual(watch.errors, []);
  });
});

test('no request leaves the package: the app loads its own files only and cannot connect anywhere', async () => {
  await withWidget(suite, sidebar(), async ({ page, watch }) => {
    const frame = frameOf(page);
    await frame.locator('ndr-explainer').getByTestId('status-code').filter({ hasText: '5.7.750' }).waitFor();
    await frame.getByTestId('zd-insert-reply').click();
    await inserted(page, 1);
    const hostPage = `${host.origin}/index.html`;
    const outside = watch.requests.filter((url) => url !== hostPage && !url.startsWith(`${app.origin}/`));
    assert.deepEqual(outside, [], 'requests left the package');
    for (const url of watch.requests.filter((u) => u.startsWith(`${app.origin}/`))) {
      const path = new URL(url).pathname.slice(1);
      assert.ok(pkg.names.includes(path), `${path} is a file of the package`);
    }
    const appPage = page.frames().find((f) => f.url().includes('/assets/iframe.html'));
    const policy = await appPage.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
    assert.match(policy, /connect-src 'none'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    const before = watch.requests.length;
    const attempt = await appPage.evaluate((to) => fetch(to).then(() => 'sent', () => 'blocked'), `${host.origin}/collect`);
    assert.equal(attempt, 'blocked');
    assert.equal(watch.requests.slice(before).filter((u) => u.includes('/collect')).length, 0, 'the blocked request never left');
  });
});
