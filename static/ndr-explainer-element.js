// <ndr-explainer lang="fr" audience="admin" theme="dark">: NDR Explainer in a
// shadow root, so no style crosses the boundary either way. Emits
// "ndr-explainer:result" (detail: the diagnosis) on the element.
//
// Built from static/ndr-explainer-element.js: the build names the bundle's
// glue, wasm and stylesheet files in the imports below and fills `texts` with
// each language's texts module (scripts/build/element.mjs).
import init, { mount } from './glue.js';
import bytes from './wasm.js';

const ready = init({ module_or_path: bytes });
const css = new URL('./style.css', import.meta.url).href;
const texts = {};

class NdrExplainer extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    const root = document.createElement('div');
    // Mount once the stylesheet is in, so the widget never shows unstyled.
    const styled = new Promise((done) => {
      link.addEventListener('load', done, { once: true });
      link.addEventListener('error', done, { once: true });
    });
    shadow.append(link, root);
    await Promise.all([ready, styled]);
    mount(root, this, this.getAttribute('lang'), this.getAttribute('audience'), this.getAttribute('theme'),
      (lang) => import(texts[lang]).then((m) => m.default));
  }
}

if (!customElements.get('ndr-explainer')) customElements.define('ndr-explainer', NdrExplainer);

/** Puts a widget inside `container`: options { lang, audience, theme }. Returns the element. */
export function mountWidget(container, options = {}) {
  const widget = document.createElement('ndr-explainer');
  for (const name of ['lang', 'audience', 'theme']) {
    if (options[name]) widget.setAttribute(name, options[name]);
  }
  container.append(widget);
  return widget;
}
