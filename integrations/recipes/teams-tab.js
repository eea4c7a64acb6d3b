/* global document, navigator */
// Microsoft Teams static tab: the page's script. The widget follows the
// browser's language (Teams passes the user's); each diagnosis is shown
// beside it.
const widget = document.querySelector('ndr-explainer');
if (!widget.hasAttribute('lang')) widget.setAttribute('lang', navigator.language.startsWith('fr') ? 'fr' : 'en');
widget.addEventListener('ndr-explainer:result', (event) => {
  document.getElementById('ndr-code').value = event.detail?.status ?? '';
});
