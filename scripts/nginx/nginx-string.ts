// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f]/;

const quote = (value: string): string => `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;

function refuse(value: string, what: string): never {
  throw new Error(
    `[nginx] ${JSON.stringify(value)} holds ${what}, which an nginx config cannot hold literally; change the ` +
      'value (a header in scripts/lib/security-headers.ts, or an old path of a page).',
  );
}

/**
 * A value as an nginx double-quoted string, for a directive that reads variables in it (a header
 * value, a map's result). nginx reads `\"` and `\\` inside quotes but has no escape for `$`, which
 * starts a variable, nor for control characters: a value holding one is refused rather than
 * written in a form nginx would read differently.
 */
export function nginxString(value: string): string {
  if (value.includes('$')) refuse(value, 'a "$"');
  if (CONTROL.test(value)) refuse(value, 'a control character');
  return quote(value);
}

/** A map key or a regular expression as an nginx double-quoted string: nginx reads these literally, `$` included. */
export function nginxLiteral(value: string): string {
  if (CONTROL.test(value)) refuse(value, 'a control character');
  return quote(value);
}
