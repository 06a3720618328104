/** Schemes a link or image may use: the web, mail and phone. Everything else (javascript:, data:...) is refused. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** What the CMS and the site accept, for error messages. */
export const SAFE_URL_RULE =
  'allowed are http(s)://, mailto: and tel: URLs, site paths starting with /, relative paths and #fragments';

// A URL scheme as browsers parse it: a letter, then letters, digits, "+", "-" or ".", then ":".
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// C0 controls and DEL: browsers silently drop tabs and newlines inside a URL ("java\tscript:"),
// so a URL holding any of them can mean something other than what an editor sees.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  amp: '&',
  lpar: '(',
  rpar: ')',
  period: '.',
  nbsp: '\u00a0',
};

/**
 * Decodes the HTML character references a browser would decode in an attribute (`&#58;`,
 * `&#x3a;`, `&colon;`), so that a URL written through HTML once more is checked as the browser
 * would read it.
 */
function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));?/gi,
    (whole, decimal?: string, hex?: string, name?: string) => {
      const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : undefined;
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      return (name && NAMED_ENTITIES[name.toLowerCase()]) ?? whole;
    },
  );
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A lone "%" (e.g. "/sale-100%") is not an encoding; the text stands as written.
    return text;
  }
}

/** The check on one spelling of the URL, without decoding. */
function isSafeSpelling(url: string): boolean {
  if (url.trim() !== url || CONTROL.test(url)) return false;
  const scheme = SCHEME.exec(url)?.[1];
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme.toLowerCase());
  // No scheme: a relative reference. A colon before the first "/", "?" or "#" is then something
  // no browser agrees on ("java script:"), so it is refused rather than guessed at.
  const firstSegment = /^[^/?#]*/.exec(url)?.[0] ?? '';
  return !firstSegment.includes(':');
}

/**
 * Whether a URL from the CMS may become a link or an image source: http(s), mailto: and tel:
 * URLs, root-relative paths (`/modules/x/`), relative paths and `#fragments`. Refuses every
 * other scheme (javascript:, data:, vbscript:, file:...), control characters, surrounding
 * whitespace, and the same tricks hidden behind HTML entities or percent-encoding.
 */
export function isSafeUrl(url: string): boolean {
  let spelling = url;
  // Each decoding can reveal another layer ("&amp;#58;"); a few rounds cover any honest URL.
  for (let round = 0; round < 4; round += 1) {
    if (!isSafeSpelling(spelling)) return false;
    const decoded = decodePercent(decodeEntities(spelling));
    if (decoded === spelling) return true;
    spelling = decoded;
  }
  return false;
}

/** Keys under which Strapi content holds a URL: Blocks links and images, resource items, media formats. */
function isUrlKey(key: string): boolean {
  return key === 'url' || key === 'href' || key === 'src' || key.endsWith('Url');
}

/** One URL that `isSafeUrl` refuses, with where it sits in the checked value. */
export interface UnsafeUrl {
  /** Dotted path from the checked value's root, e.g. `body.0.content.2.children.1.url`. */
  path: string;
  url: string;
}

/**
 * Walks any JSON value (a document's data, a Blocks array, a component) and returns every string
 * under a URL key (`url`, `href`, `src`, `*Url`) that `isSafeUrl` refuses, with its path. Blocks
 * links, images (`image.url`, `image.formats.*.url`) and resource items all store `url`.
 */
export function findUnsafeUrls(value: unknown, path = ''): UnsafeUrl[] {
  const join = (key: string): string => (path === '' ? key : `${path}.${key}`);
  if (Array.isArray(value)) return value.flatMap((item, index) => findUnsafeUrls(item, join(String(index))));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]) => {
    if (typeof member === 'string' && isUrlKey(key)) return isSafeUrl(member) ? [] : [{ path: join(key), url: member }];
    return findUnsafeUrls(member, join(key));
  });
}
