import type { ReactElement, ReactNode } from 'react';
import { altAttribute } from '@lm/shared';
import type { OptimisedImage } from '../lib/optimised-images';

interface ImageRecord {
  url: string;
  name?: string | null | undefined;
  alternativeText?: string | null | undefined;
  width: number;
  height: number;
}

interface BlockImageProps {
  image: ImageRecord;
  /** The resized set the build made of it; absent for images from elsewhere (shown as they are). */
  optimised?: OptimisedImage | undefined;
  /** The page's first image is likely in view on arrival: it loads at once, the others when near. */
  eager?: boolean;
}

/**
 * Renders an image block. Imported external images have no known size (0), so width and height
 * are only set when Strapi's media library measured them. An image marked decorative gets
 * `alt=""`, so screen readers skip it.
 */
export default function BlockImage({ image, optimised, eager = false }: BlockImageProps): ReactElement {
  const loading = eager ? 'eager' : 'lazy';
  const alt = altAttribute(image);
  if (optimised !== undefined) {
    const { src, srcset, sizes, width, height } = optimised;
    return (
      <img
        src={src}
        srcSet={srcset}
        sizes={sizes}
        width={width}
        height={height}
        alt={alt}
        loading={loading}
        decoding="async"
      />
    );
  }
  const size = image.width > 0 && image.height > 0 ? { width: image.width, height: image.height } : {};
  return <img src={image.url} alt={alt} loading={loading} decoding="async" {...size} />;
}

/**
 * The renderer's image block for one rich-text value: each image with its optimised set, and
 * `eagerUrl` (the page's first image, when it is in this value) loaded eagerly.
 */
export function blockImageWith(
  optimised: ReadonlyMap<string, OptimisedImage>,
  eagerUrl: string | null,
): (props: { image: ImageRecord; children?: ReactNode }) => ReactElement {
  return function OptimisedBlockImage({ image }) {
    return <BlockImage image={image} optimised={optimised.get(image.url)} eager={image.url === eagerUrl} />;
  };
}
