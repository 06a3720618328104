/**
 * Where the start tag `<name ...>` of the first element called `name` ends in an HTML document, or
 * undefined when there is none. It walks the document token by token (comments, doctype, tags with
 * their quoted attributes, text, the raw text of script and style) instead of searching for the
 * text `<body`: CMS text may say `<body>` inside an attribute (a page description in a meta tag),
 * where Astro escapes only `&` and `"`, and such text must never be taken for the tag.
 */
export function findStartTagEnd(html: string, name: string): number | undefined {
  const token = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+/y;
  const wanted = name.toLowerCase();
  while (token.lastIndex < html.length) {
    const match = token.exec(html);
    // A `<` that starts nothing well formed: give up rather than guess.
    if (!match) return undefined;
    const [, closing, tag] = match;
    if (tag === undefined || closing === '/') continue;
    const lower = tag.toLowerCase();
    if (lower === wanted) return token.lastIndex;
    if (lower === 'script' || lower === 'style') {
      const close = html.toLowerCase().indexOf(`</${lower}`, token.lastIndex);
      if (close === -1) return undefined;
      token.lastIndex = close;
    }
  }
  return undefined;
}
