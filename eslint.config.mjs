// ESLint for the project's JavaScript (scripts/test.sh, "lint"): the
// recommended rules, which catch what a reader would miss (undefined names,
// unused variables, unreachable code, duplicate keys, assignments in
// conditions), plus three that keep these files as they are written:
// `const` where nothing is reassigned, `===`, and no `var`.
// The globals are listed by hand: the few each kind of file uses.
import js from '@eslint/js';

const BROWSER = Object.fromEntries([
  'window', 'document', 'navigator', 'customElements', 'HTMLElement', 'URL', 'InputEvent', 'CustomEvent',
  'DataTransfer', 'File', 'Storage', 'WebSocket', 'EventSource', 'localStorage', 'sessionStorage',
  'getComputedStyle', 'fetch', 'atob', 'performance', 'requestAnimationFrame', 'setTimeout', 'console',
  'MessageChannel', 'MutationObserver',
].map((name) => [name, 'readonly']));

const NODE = Object.fromEntries([
  'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'TextDecoder', 'TextEncoder', 'setTimeout', 'clearTimeout', 'performance',
  'WebAssembly',
].map((name) => [name, 'readonly']));

export default [
  { ignores: ['dist/', 'target/', 'node_modules/', 'fuzz/', 'test-artifacts/', 'benches/bare-yew/target/'] },
  js.configs.recommended,
  {
    rules: {
      'prefer-const': 'error',
      eqeqeq: 'error',
      'no-var': 'error',
    },
  },
  // Shipped to the browser: the element and the demo portal.
  { files: ['static/**/*.js', 'demo/**/*.js'], languageOptions: { sourceType: 'module', globals: BROWSER } },
  // Build, test and benchmark scripts run in Node; the end-to-end tests and
  // the browser benchmark also hand functions to the page (page.evaluate).
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module', globals: NODE } },
  // (axe: axe-core's script, evaluated in the page; gc: Chromium's --expose-gc.)
  { files: ['tests/e2e/**/*.mjs', 'scripts/bench-browser.mjs'], languageOptions: { globals: { ...NODE, ...BROWSER, axe: 'readonly', gc: 'readonly' } } },
];
