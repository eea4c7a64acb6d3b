// NDR Explainer as a Zendesk ticket sidebar app (ZAF v2). It reads the
// ticket's comments and the agent's locale through the ZAF SDK (zaf_sdk.js,
// which talks to the Zendesk page around this frame with postMessage), finds
// the newest comment that holds a bounce with the widget's own analysis,
// shows it, and inserts the texts the widget gives into the ticket editor.
// It makes no request of its own (the page's policy: connect-src 'none').
/* global document, navigator, Option, ResizeObserver, ZAFClient */
import { mountWidget } from './ndr-explainer-element.js';
import { asHtml, fill, langOf, newestFirst } from './ticket.js';

const PASTE = 'paste';
const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

async function start() {
  const client = ZAFClient.init();
  // Outside Zendesk (no origin or app_guid in the address) there is no
  // framework to ask: the widget alone is shown, for pasting.
  const context = client ? await client.get(['currentUser.locale', 'ticket.comments']).catch(() => ({})) : {};
  const lang = langOf(context['currentUser.locale'] ?? navigator.language);
  document.documentElement.lang = lang;
  const widget = mountWidget($('zd-widget'), { lang, audience: 'sender', layout: 'compact' });
  await widget.ready;
  let words = await widget.words();
  if (client) keepHeight(client);
  if (!client) return;

  const comments = newestFirst(context['ticket.comments']);
  const picker = $('zd-comment');
  picker.append(new Option('', PASTE));
  for (const c of comments) picker.append(new Option('', String(c.n)));
  // The sidebar's words follow the widget's language, which the agent can switch.
  let status = null;
  const say = () => {
    for (const element of document.querySelectorAll('[data-word]')) element.textContent = words[element.dataset.word];
    for (const option of picker.options) {
      const c = comments.find((each) => String(each.n) === option.value);
      option.text = c ? fill(words.comment_option, { n: c.n, author: c.author || '?' }) : words.paste_option;
    }
    $('zd-status').textContent = status ? fill(words[status.key], status.values) : '';
  };
  $('zd-pick').hidden = false;
  $('zd-actions').hidden = false;

  let found = null;
  for (const c of comments) {
    const diagnosis = await widget.diagnose(c.text);
    if (diagnosis?.is_ndr) {
      found = c;
      break;
    }
  }
  const show = async (c) => {
    picker.value = c ? String(c.n) : PASTE;
    await widget.analyse(c ? c.text : '');
  };
  status = found ? { key: 'found', values: { n: found.n } } : { key: 'no_bounce', values: {} };
  say();
  picker.addEventListener('change', () => {
    status = null;
    say();
    show(comments.find((c) => String(c.n) === picker.value) ?? null);
  });

  const redact = $('zd-redact');
  const refresh = async () => {
    const texts = await widget.shareTexts({ redact: redact.checked });
    $('zd-insert-reply').disabled = !texts?.reply;
    $('zd-insert-note').disabled = !texts?.note;
  };
  widget.addEventListener('ndr-explainer:result', async () => {
    $('zd-inserted').textContent = '';
    words = await widget.words();
    say();
    refresh();
  });
  $('zd-insert-reply').addEventListener('click', () => insert(client, widget, 'reply', words));
  $('zd-insert-note').addEventListener('click', () => insert(client, widget, 'note', words));
  await show(found);
  await refresh();
}

/**
 * Puts the reply (a public reply) or the note (an internal note) into the
 * ticket's editor at the cursor. The comment type is set first; where the
 * framework refuses it, the text still goes in and the agent picks the type.
 */
async function insert(client, widget, which, words) {
  const texts = await widget.shareTexts({ redact: $('zd-redact').checked });
  const text = texts?.[which];
  if (!text) return;
  const status = $('zd-inserted');
  try {
    await client.set('comment.type', which === 'reply' ? 'publicReply' : 'internalNote').catch(() => null);
    const rich = await client.get('comment.useRichText').then((r) => r['comment.useRichText'] !== false, () => true);
    await client.invoke('ticket.editor.insert', rich ? asHtml(text) : text);
    status.textContent = which === 'reply' ? words.inserted_reply : words.inserted_note;
  } catch {
    status.textContent = words.insert_failed;
  }
}

/** Keeps the sidebar's frame as tall as the app (the framework's `resize`). */
function keepHeight(client) {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    client.invoke('resize', { width: '100%', height: `${height}px` }).catch(() => null);
  }).observe(document.body);
}

start();
