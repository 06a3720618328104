/** A run of excerpt text, highlighted when it matched the search. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** The only escapes Pagefind applies to its excerpts (it leaves `&` as it is). */
const unescape = (text: string): string => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');

/**
 * Splits a Pagefind excerpt ("a <mark>word</mark> in context") into plain text runs, so it is
 * rendered as text nodes and never as HTML: the excerpt is page text, and page text written by
 * editors must not become markup. Pagefind escapes `<` and `>` in the text and adds only `<mark>`
 * and `</mark>`; an unclosed mark runs to the end.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      marked = piece === '<mark>';
      continue;
    }
    if (piece === '') continue;
    const text = unescape(piece);
    const last = parts.at(-1);
    if (last?.marked === marked) last.text += text;
    else parts.push({ text, marked });
  }
  return parts;
}
