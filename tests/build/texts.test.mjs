// Each language's texts module (scripts/build/texts.mjs): named by content,
// and importing it gives the texts back exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEXTS_LOADER, textsMap, textsModules } from '../../scripts/build/texts.mjs';

const TEXTS = {
  fr: 'Accès refusé — « guillemets » "doubles" \\ </script>\n\u2028fin',
  en: 'Access denied\r\n${not a template}',
};

test('one module per language, in tag order, named texts-<lang>-<hash>.js', () => {
  const modules = textsModules(TEXTS);
  assert.deepEqual(modules.map((m) => m.lang), ['en', 'fr']);
  for (const m of modules) assert.match(m.name, new RegExp(`^texts-${m.lang}-[0-9a-f]{16}\\.js$`));
  const changed = textsModules({ ...TEXTS, en: `${TEXTS.en}.` });
  assert.notEqual(changed[0].name, modules[0].name, 'a change of text changes the name');
  assert.equal(changed[1].name, modules[1].name);
});

test('importing a module gives its texts back exactly', async () => {
  for (const m of textsModules(TEXTS)) {
    const { default: text } = await import(`data:text/javascript;base64,${Buffer.from(m.source).toString('base64')}`);
    assert.equal(text, TEXTS[m.lang]);
  }
});

test('the map names each module by a relative path, and the loader imports from it', async () => {
  const modules = textsModules(TEXTS);
  const map = JSON.parse(textsMap(modules));
  assert.deepEqual(map, { en: `./${modules[0].name}`, fr: `./${modules[1].name}` });
  const texts = { en: `data:text/javascript;base64,${Buffer.from(modules[0].source).toString('base64')}` };
  const load = new Function('texts', `return ${TEXTS_LOADER};`)(texts);
  assert.equal(await load('en'), TEXTS.en);
});
