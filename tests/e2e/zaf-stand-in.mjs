// A stand-in for Zendesk's side of the ZAF v2 protocol, for the tests: they
// run without a Zendesk account, so a page of another origin plays the
// agent's ticket page and frames the packaged app as Zendesk does
// (`assets/iframe.html?origin=…&app_guid=…`). It speaks the protocol the
// way the SDK's own source (zendesk_app_framework_sdk, lib/client.js)
// reads and writes it: JSON strings posted between the two windows, the
// handshake answered with `zaf.app.registered`, each get, set and invoke
// answered with its `id` and a `result` that carries `errors` by path.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzip } from '../../scripts/build/zip.mjs';

/** Unpacks the zip `bytes` into a new temporary folder; returns the folder and the file names. */
export function unpack(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'ndr-zendesk-'));
  const files = unzip(bytes);
  for (const [name, data] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return { dir, names: [...files.keys()] };
}

/** A folder holding the stand-in's page, an empty one the test fills with `install`. */
export function hostFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'ndr-zendesk-host-'));
  writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Ticket #1 (stand-in for Zendesk)</title></head><body></body></html>\n');
  return dir;
}

/**
 * Runs in the stand-in's page (page.evaluate): answers the app's frame and
 * records what it asked in `window.__zaf`, then frames the app. `ticket`:
 * { appUrl, appOrigin, guid, locale, comments, richText }.
 */
export function install(ticket) {
  const zaf = { handshakes: [], subscriptions: [], gets: [], sets: [], invokes: [], foreign: 0 };
  window.__zaf = zaf;
  const frame = document.createElement('iframe');
  frame.id = 'app';
  frame.title = 'NDR Explainer';
  frame.style.cssText = 'width: 320px; height: 200px; border: 0';
  const values = {
    'currentUser.locale': ticket.locale,
    'ticket.comments': ticket.comments,
    'comment.useRichText': ticket.richText,
  };
  const reply = (message) => frame.contentWindow.postMessage(JSON.stringify(message), ticket.appOrigin);
  window.addEventListener('message', (event) => {
    // As Zendesk does: only the app's own frame, from the app's origin.
    if (event.source !== frame.contentWindow || event.origin !== ticket.appOrigin) {
      zaf.foreign += 1;
      return;
    }
    const message = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    if (message.key === 'iframe.handshake') {
      zaf.handshakes.push(message);
      reply({
        key: 'zaf.app.registered',
        message: {
          context: { product: 'support', location: 'ticket_sidebar', instanceGuid: ticket.guid, account: { subdomain: 'example' } },
          metadata: { appId: 1, installationId: 1, name: 'NDR Explainer', settings: {} },
        },
      });
      return;
    }
    if (typeof message.key === 'string' && message.key.startsWith('iframe.on:')) {
      zaf.subscriptions.push(message.key.slice('iframe.on:'.length));
      return;
    }
    if (!message.id) return;
    const errors = {};
    const result = { errors };
    if (message.request === 'get') {
      zaf.gets.push(message.params);
      for (const path of message.params) {
        if (path in values) result[path] = values[path];
        else errors[path] = { name: 'APIUnavailable', message: `"${path}" is not available in this stand-in` };
      }
    } else if (message.request === 'set') {
      zaf.sets.push(message.params);
      Object.assign(result, message.params);
    } else if (message.request === 'invoke') {
      zaf.invokes.push(message.params);
      // Zendesk sizes the app's frame as asked.
      const size = message.params.resize?.[0];
      if (size?.height) frame.style.height = size.height;
    }
    reply({ id: message.id, result });
  });
  const url = new URL(ticket.appUrl);
  url.searchParams.set('origin', window.location.origin);
  url.searchParams.set('app_guid', ticket.guid);
  frame.src = url.href;
  document.body.append(frame);
}

/** A ticket comment as the framework gives it: the body as HTML in `value`. */
export const comment = (id, author, createdAt, html) => ({
  id, value: html, author: { id, name: author, role: author.startsWith('Agent') ? 'agent' : 'end-user' }, createdAt,
});
