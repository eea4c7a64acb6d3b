// <ndr-explainer lang="fr" audience="admin" theme="dark" layout="compact">:
// NDR Explainer in a shadow root, so no style crosses the boundary either
// way. Emits "ndr-explainer:ready" once it listens and "ndr-explainer:result"
// (detail: the diagnosis) on the element. Its methods talk to the widget
// through DOM events on the element (src/web/embed.rs): commands change what
// it shows, questions are answered before dispatchEvent returns (with a
// promise when the answer needs the parser).
//
// Built from static/ndr-explainer-element.js: the build names the bundle's
// glue, wasm and stylesheet files in the imports below and the parser's
// module in `reader`, and fills `texts` with each language's texts module
// (scripts/build/element.mjs). The widget imports the parser and a texts
// module with the first input.
import init, { mount } from './glue.js';
import bytes from './wasm.js';

const ready = init({ module_or_path: bytes });
const css = new URL('./style.css', import.meta.url).href;
const texts = {};
const reader = './reader.js';

const message = (type, fields) => ({ source: 'ndr-explainer-host', version: 1, type, ...fields });

class NdrExplainer extends HTMLElement {
  constructor() {
    super();
    // Resolved by the widget's "ndr-explainer:ready", dispatched once it listens.
    this.ready = new Promise((done) => this.addEventListener('ndr-explainer:ready', done, { once: true }));
  }

  /** Shows the diagnosis of `bounce` (a string), as if it had been pasted. */
  async analyse(bounce) {
    await this.ready;
    this.dispatchEvent(new CustomEvent('ndr-explainer:command', { detail: message('analyse', { bounce }) }));
  }

  /** Switches the language ("en" or "fr"). */
  async setLang(lang) {
    await this.ready;
    this.dispatchEvent(new CustomEvent('ndr-explainer:command', { detail: message('set-lang', { lang }) }));
  }

  /** The diagnosis of `bounce` (the CLI's --json object), without showing it. */
  async diagnose(bounce) {
    return this.#ask('diagnose', { bounce });
  }

  /**
   * The texts to insert into a ticket for the diagnosis shown, in its
   * language: { reply, note }, each a string or null. `redact`: hide personal
   * data in the note (default: as the widget's own switch says).
   */
  async shareTexts({ redact } = {}) {
    return this.#ask('share', typeof redact === 'boolean' ? { redact } : {});
  }

  /** The words of a help-desk app's controls, in the widget's language. */
  async words() {
    return this.#ask('words', {});
  }

  async #ask(type, fields) {
    await this.ready;
    const detail = message(type, fields);
    this.dispatchEvent(new CustomEvent('ndr-explainer:query', { detail }));
    return detail.answer ?? null;
  }

  async connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    const root = document.createElement('div');
    if (this.getAttribute('layout') === 'compact') root.dataset.layout = 'compact';
    // Mount once the stylesheet is in, so the widget never shows unstyled.
    const styled = new Promise((done) => {
      link.addEventListener('load', done, { once: true });
      link.addEventListener('error', done, { once: true });
    });
    shadow.append(link, root);
    await Promise.all([ready, styled]);
    mount(root, this, this.getAttribute('lang'), this.getAttribute('audience'), this.getAttribute('theme'),
      (lang) => import(texts[lang]).then((m) => m.default), () => import(reader).then((m) => m.default));
  }
}

if (!customElements.get('ndr-explainer')) customElements.define('ndr-explainer', NdrExplainer);

/** Puts a widget inside `container`: options { lang, audience, theme, layout }. Returns the element. */
export function mountWidget(container, options = {}) {
  const widget = document.createElement('ndr-explainer');
  for (const name of ['lang', 'audience', 'theme', 'layout']) {
    if (options[name]) widget.setAttribute(name, options[name]);
  }
  container.append(widget);
  return widget;
}
