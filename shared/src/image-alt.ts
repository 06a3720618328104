/**
 * What an image's alternative text tells a reader, judged from the copy of the media-library
 * record that a Strapi Blocks image node holds.
 *
 * Strapi's rich-text editor copies the media file (name, url, alternativeText, caption...) into
 * the node when the image is inserted, and fills an empty alternative text with the file's name
 * (`alternativeText || name`, content-manager's BlocksInput Image). So "no description" arrives as
 * null, blank, or the file name, and an empty string can never mean "decorative" on purpose.
 *
 * The decorative mark is therefore a word in the same field: an editor types `decorative` as the
 * image's alternative text in the media library. It needs no schema change or admin extension,
 * sits exactly where the editor is asked for a description (the media library's edit dialog), is
 * copied into the node with the rest, and reads as what it means to anyone who looks at the data.
 * The site renders such images with `alt=""`, the HTML way of saying "skip this image".
 */
export const DECORATIVE_ALT_TEXT = 'decorative';

/** The alternative text of an image: a description to render, a deliberate mark, or nothing useful. */
export type ImageAlt = { kind: 'described'; text: string } | { kind: 'decorative' } | { kind: 'missing' };

/** Judges a Blocks image's alternative text (see {@link DECORATIVE_ALT_TEXT} for the rules). */
export function imageAlt(image: { name?: string | null; alternativeText?: string | null }): ImageAlt {
  const text = (image.alternativeText ?? '').trim();
  if (text === '') return { kind: 'missing' };
  const lower = text.toLowerCase();
  if (lower === DECORATIVE_ALT_TEXT) return { kind: 'decorative' };
  const name = (image.name ?? '').trim().toLowerCase();
  // The editor's fallback copies the file name ("IMG_2041.jpg"), which describes nothing.
  const withoutExtension = name.replace(/\.[a-z0-9]+$/, '');
  if (name !== '' && (lower === name || lower === withoutExtension)) return { kind: 'missing' };
  return { kind: 'described', text };
}

/** The `alt` attribute to render: the description, or "" for a decorative (or undescribed) image. */
export function altAttribute(image: { name?: string | null; alternativeText?: string | null }): string {
  const alt = imageAlt(image);
  return alt.kind === 'described' ? alt.text : '';
}
