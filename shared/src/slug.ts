/** Lower-case words joined by single hyphens: the only form module and page slugs take. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Turns a title into a URL slug: "What is a Community Partnership?" becomes
 * "what-is-a-community-partnership". Accents are folded so that "Café" and "Cafe" meet.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Orders dotted numbers as readers expect: "2.2" before "2.10", "2" before "2.0".
 * Returns a negative number, zero or a positive number like `Array.prototype.sort` wants.
 */
export function compareNumbering(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}
