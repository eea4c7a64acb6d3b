// What the sidebar app makes of what Zendesk gives it, as plain functions
// (no page, no framework), so that node tests can check them.

/** The widget's language for a Zendesk locale: French for fr and fr-*, else English. */
export const langOf = (locale) => (/^fr(-|_|$)/i.test(String(locale ?? '')) ? 'fr' : 'en');

/** `template` with each `{name}` replaced by `values[name]`. */
export const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));

/**
 * The ticket's comments, newest first, each { n, author, text }: `n` counts
 * from the oldest (1), `text` is the comment's body (HTML, which the widget
 * reads as text). Sorted by date when every comment has one, else the
 * framework's order (oldest first) is kept.
 */
export function newestFirst(comments) {
  const list = (Array.isArray(comments) ? comments : []).map((comment, index) => ({
    index,
    date: Date.parse(comment?.createdAt ?? comment?.created_at ?? ''),
    author: comment?.author?.name ?? '',
    text: String(comment?.value ?? comment?.body ?? comment?.text ?? ''),
  }));
  if (list.length > 0 && list.every((c) => Number.isFinite(c.date))) list.sort((a, b) => a.date - b.date || a.index - b.index);
  return list.map((c, i) => ({ ...c, n: i + 1 })).reverse();
}

/** Plain text as the rich-text editor's HTML: paragraphs, line breaks, every character escaped. */
export function asHtml(text) {
  const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return text.split(/\n{2,}/).map((paragraph) => `<p>${paragraph.split('\n').map(escape).join('<br>')}</p>`).join('');
}
