// Drives the iframe through the widget's postMessage protocol (version 1) and
// listens to the custom element's events. Everything stays in this page.
const frame = document.getElementById('widget-frame');
const origin = window.location.origin;
const widgetUrl = new URL('../index.html', window.location.href);
widgetUrl.searchParams.set('embed', '1');
widgetUrl.searchParams.set('parent_origin', origin);
frame.src = widgetUrl.href;

const send = (type, field, value) => {
  frame.contentWindow.postMessage({ source: 'ndr-explainer-host', version: 1, type, [field]: value }, origin);
};

window.addEventListener('message', (event) => {
  // Only the widget's own frame, from its own origin, is listened to.
  if (event.source !== frame.contentWindow || event.origin !== origin) return;
  const message = event.data;
  if (!message || message.source !== 'ndr-explainer' || message.version !== 1) return;
  if (message.type === 'ready') document.getElementById('frame-status').value = 'ready';
  if (message.type === 'result') {
    document.getElementById('frame-code').value = message.result?.status ?? 'none';
  }
  if (message.type === 'height' && Number.isFinite(message.height)) {
    frame.style.height = `${Math.ceil(message.height)}px`;
    document.getElementById('frame-height').value = String(Math.ceil(message.height));
  }
});

document.getElementById('send').addEventListener('click', () => {
  send('analyse', 'bounce', document.getElementById('ticket').value);
});
document.getElementById('lang').addEventListener('change', (e) => send('set-lang', 'lang', e.target.value));
document.getElementById('audience').addEventListener('change', (e) => send('set-audience', 'audience', e.target.value));

document.getElementById('widget-element').addEventListener('ndr-explainer:result', (event) => {
  document.getElementById('element-code').value = event.detail?.status ?? 'none';
});
