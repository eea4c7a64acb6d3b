/* global document */
// Jira Service Management (Forge Custom UI): the page's script. The agent
// pastes the bounce into the widget; each diagnosis is shown beside it (with
// @forge/bridge, the page could also put it into a comment of the issue).
const widget = document.querySelector('ndr-explainer');
widget.addEventListener('ndr-explainer:result', (event) => {
  document.getElementById('ndr-code').value = event.detail?.status ?? '';
});
