import type { ImportWarning } from './page-document.js';

/** A Jekyll (kramdown + Liquid) body rewritten into the CommonMark/GFM that remark reads. */
export interface PreparedKramdown {
  markdown: string;
  /** `lineOf(n)`: the file line of line `n` (1-based) of `markdown`. */
  lineOf: (line: number) => number;
  warnings: ImportWarning[];
  /** Kramdown attribute lists removed (`{:target="_blank"}`, `{: .class}`), for the fidelity report. */
  attributeLists: number;
}

/** `site.*` values from `_config.yml`, by key without the `site.` prefix. */
export type SiteValues = ReadonlyMap<string, string>;

const LIQUID = /\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g;
const SITE_VALUE = /^\s*site\.([\w.-]+)\s*$/;
// Kramdown inline and block attribute lists: `{:target="_blank"}`, `{: .class #id}`.
const ATTRIBUTE_LIST = /\{:[^}\n]*\}/g;
const MARKDOWN_ATTRIBUTE = /\s+markdown\s*=\s*["']?(?:1|block|span)["']?/i;
const OPENING_TAG = /^\s*<([a-zA-Z][\w-]*)\b/;

/**
 * Rewrites a Jekyll body so that a CommonMark/GFM parser reads it as Jekyll (kramdown) rendered it:
 * - Liquid `{{ site.x }}` becomes the `_config.yml` value; any other Liquid output or tag is removed
 *   with a warning naming its line, since only Jekyll could evaluate it;
 * - kramdown attribute lists are removed (they style, they carry no content);
 * - an HTML block marked `markdown="1"` gets blank lines after its opening and before its closing
 *   tag, which is what CommonMark needs to parse the Markdown inside it (kramdown's rule), and a
 *   line of HTML followed by Markdown gets a blank line between them.
 * Line numbers of warnings and of the parsed tree stay the file's, through `lineOf`.
 * @param lineOffset lines before the body in the file (the front matter)
 */
export function prepareKramdown(file: string, body: string, site: SiteValues, lineOffset = 0): PreparedKramdown {
  const warnings: ImportWarning[] = [];
  let attributeLists = 0;
  const sourceLines = body.split('\n');
  const out: string[] = [];
  const origin: number[] = [];
  const push = (text: string, line: number): void => {
    out.push(text);
    origin.push(line);
  };
  // Open `markdown="1"` blocks: tag name and how deeply that tag is nested inside the block.
  const open: Array<{ tag: string; depth: number }> = [];
  // Liquid may span lines; it is resolved on the whole text first, keeping line breaks.
  const resolved = body.replace(
    LIQUID,
    (match: string, output: string | undefined, tag: string | undefined, at: number) => {
      const line = lineOffset + body.slice(0, at).split('\n').length;
      const siteKey = output === undefined ? null : SITE_VALUE.exec(output)?.[1];
      const value = siteKey ? site.get(siteKey) : undefined;
      if (value !== undefined) return value;
      const what = tag === undefined ? `output {{${output ?? ''}}}` : `tag {%${tag}%}`;
      warnings.push({
        file,
        line,
        message: `Liquid ${what.replace(/\s+/g, ' ')} removed: only Jekyll can evaluate it`,
      });
      return '\n'.repeat(match.split('\n').length - 1);
    },
  );
  const lines = resolved.split('\n');
  if (lines.length !== sourceLines.length) throw new Error('[import] internal: Liquid removal changed the line count');
  lines.forEach((raw, index) => {
    const fileLine = lineOffset + index + 1;
    const line = raw.replace(ATTRIBUTE_LIST, () => {
      attributeLists += 1;
      return '';
    });
    const top = open[open.length - 1];
    if (top) {
      const opens = count(line, new RegExp(`<${top.tag}\\b`, 'gi'));
      const closes = count(line, new RegExp(`</${top.tag}\\s*>`, 'gi'));
      top.depth += opens - closes;
      if (top.depth <= 0) {
        open.pop();
        push('', fileLine);
        push(line, fileLine);
        push('', fileLine);
        return;
      }
    }
    const tag = OPENING_TAG.exec(line)?.[1];
    if (tag && MARKDOWN_ATTRIBUTE.test(line)) {
      const opened = line.replace(MARKDOWN_ATTRIBUTE, '');
      const depth = count(opened, new RegExp(`<${tag}\\b`, 'gi')) - count(opened, new RegExp(`</${tag}\\s*>`, 'gi'));
      if (depth > 0) open.push({ tag: tag.toLowerCase(), depth });
      push(opened, fileLine);
      push('', fileLine);
      return;
    }
    push(line, fileLine);
    // Kramdown ends an HTML block at its last tag and reads the next line as Markdown; CommonMark
    // would read on to the next blank line, swallowing that Markdown as raw HTML.
    const next = lines[index + 1];
    if (/^\s*<.*>\s*$/.test(line) && next !== undefined && next.trim() !== '' && !next.trimStart().startsWith('<')) {
      push('', fileLine);
    }
  });
  return {
    markdown: out.join('\n'),
    lineOf: (line) => origin[line - 1] ?? lineOffset + line,
    warnings,
    attributeLists,
  };
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
