/**
 * cyrb53, a small public-domain 53-bit string hash: enough to tell a page's checklist items apart
 * without shipping a crypto library, and synchronous (SubtleCrypto is not, and is absent on http).
 */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Case, spacing and Unicode form do not make another item: editors fix those without meaning a change. */
const normalize = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The key a ticked checklist item is stored under: the page's Strapi documentId and a hash of the
 * box title and the item text. Strapi gives components new ids on every publish and editors insert
 * items, so neither the component id nor the position would find the tick again.
 */
export function checklistItemKey(pageId: string, boxTitle: string, itemText: string): string {
  return `${pageId}:${cyrb53(`${normalize(boxTitle)}\u241f${normalize(itemText)}`).toString(36)}`;
}
