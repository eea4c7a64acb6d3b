// Draws the help-desk app icons from logo.svg with headless Chromium, at the
// sizes Zendesk asks for (assets/logo.png 320×320, assets/logo-small.png
// 128×128). The PNGs are committed; run this again after changing the SVG:
//   node integrations/icons/draw.mjs
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

/** Each icon: where it goes and its side in pixels. */
export const ICONS = [
  { file: '../zendesk/assets/logo.png', size: 320 },
  { file: '../zendesk/assets/logo-small.png', size: 128 },
];

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const svg = readFileSync(here('logo.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const { file, size } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="320" height="320"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    writeFileSync(here(file), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    await page.close();
    console.log(`${file}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
