import { getImage } from 'astro:assets';
import type { Blocks } from '@lm/shared';

/** What the page renders for one image instead of its original: a resized, re-encoded set. */
export interface OptimisedImage {
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
}

/**
 * The text column is 42rem wide (--measure in global.css): 672 CSS pixels, 1,344 on a 2x screen.
 * Narrow screens take a smaller file from the set.
 */
const WIDTHS = [336, 672, 1008, 1344];
const SIZES = '(max-width: 42rem) 100vw, 42rem';
/**
 * Vector images stay as they are, and so do GIFs (often animated, and re-encoding flattens them).
 * WebP, not AVIF: every browser a learner uses shows it, and it encodes several times faster,
 * which a rebuild on two cores notices; a cached image is never encoded again anyway.
 */
const KEPT_AS_THEY_ARE = /\.(svg|gif)$/i;

type ImageNode = Extract<Blocks[number], { type: 'image' }>['image'];

/** The image's URL as the build fetches it: Strapi's own paths (`/uploads/x.png`) resolved against it. */
export function imageSourceUrl(url: string, strapiUrl: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? new URL(url, `${strapiUrl}/`).href : url;
}

/**
 * Images of the media library: measured by Strapi and served by it, or by its bucket (the build
 * may fetch only those; astro.config.mjs allows the same origins).
 */
function optimisable(image: ImageNode, strapiOrigin: string, mediaOrigins: ReadonlySet<string>): boolean {
  if (image.width <= 0 || image.height <= 0 || KEPT_AS_THEY_ARE.test(image.url)) return false;
  try {
    return mediaOrigins.has(new URL(image.url, `${strapiOrigin}/`).origin);
  } catch {
    return false;
  }
}

/**
 * Runs the images of a rich-text value through Astro's image pipeline at build time: a WebP set
 * of widths up to the text column's (never wider than the original), with the width and height
 * the page reserves. Astro writes the files into the release's `_astro/` folder and keeps each in
 * its cache (`cacheDir`), so an image that did not change is not fetched or encoded again by the
 * next build (it revalidates with Strapi's Last-Modified once the cache entry expires).
 * Returned by the original URL; images from elsewhere are left out and render as they are.
 */
export async function optimisedImages(
  content: Blocks,
  strapiUrl: string,
  mediaUrl?: string,
): Promise<Map<string, OptimisedImage>> {
  const origin = new URL(strapiUrl).origin;
  const mediaOrigins = new Set([origin, ...(mediaUrl === undefined ? [] : [new URL(mediaUrl).origin])]);
  const images = content.flatMap((node) => (node.type === 'image' ? [node.image] : []));
  const result = new Map<string, OptimisedImage>();
  for (const image of images) {
    if (result.has(image.url) || !optimisable(image, origin, mediaOrigins)) continue;
    const width = Math.min(image.width, WIDTHS[WIDTHS.length - 1] ?? image.width);
    const height = Math.round((image.height * width) / image.width);
    const widths = [...new Set([...WIDTHS.filter((candidate) => candidate < width), width])];
    const optimised = await getImage({
      src: imageSourceUrl(image.url, strapiUrl),
      width,
      height,
      widths,
      sizes: SIZES,
      format: 'webp',
    });
    result.set(image.url, { src: optimised.src, srcset: optimised.srcSet.attribute, sizes: SIZES, width, height });
  }
  return result;
}
