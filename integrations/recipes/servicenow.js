/* global document, customElements */
// ServiceNow: the page's script. Once the widget listens, it analyses the
// record's text; each diagnosis is shown beside it (a UI page could also
// write it into a field of the form).
const widget = document.querySelector('ndr-explainer');
widget.addEventListener('ndr-explainer:result', (event) => {
  document.getElementById('ndr-code').value = event.detail?.status ?? '';
});
await customElements.whenDefined('ndr-explainer');
await widget.ready;
if (widget.dataset.bounce) widget.analyse(widget.dataset.bounce);
