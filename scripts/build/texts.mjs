// Each language's texts as a module of its own (`texts-<lang>-<hash>.js`),
// so that a page downloads only the language it shows and fetches the other
// one, a static file of its own origin, only if the person switches.
import { hashedName } from './digest.mjs';

/** One module per language, in the order of the languages' tags: `{ lang, name, source }`. */
export function textsModules(texts) {
  return Object.keys(texts).sort().map((lang) => {
    const source = `export default ${JSON.stringify(texts[lang])};\n`;
    return { lang, name: hashedName(`texts-${lang}`, source), source };
  });
}

/** The object literal that maps each language to its module's relative path, as the scripts hold it. */
export const textsMap = (modules) => JSON.stringify(Object.fromEntries(modules.map((m) => [m.lang, `./${m.name}`])));

/**
 * The loader the widget is given (src/main.rs, `start` and `mount`):
 * `(lang) => Promise<string>`, importing the module named in `texts`.
 */
export const TEXTS_LOADER = '(lang) => import(texts[lang]).then((m) => m.default)';
