import type { ReactElement } from 'react';

interface BlockImageProps {
  image: { url: string; alternativeText?: string | null | undefined; width: number; height: number };
}

/**
 * Renders an image block. Imported external images have no known size (0), so width and height
 * are only set when Strapi's media library measured them.
 */
export default function BlockImage({ image }: BlockImageProps): ReactElement {
  const size = image.width > 0 && image.height > 0 ? { width: image.width, height: image.height } : {};
  return <img src={image.url} alt={image.alternativeText ?? ''} loading="lazy" decoding="async" {...size} />;
}
