import type { ReactElement } from 'react';
import { altAttribute } from '@lm/shared';

interface BlockImageProps {
  image: {
    url: string;
    name?: string | null | undefined;
    alternativeText?: string | null | undefined;
    width: number;
    height: number;
  };
}

/**
 * Renders an image block. Imported external images have no known size (0), so width and height
 * are only set when Strapi's media library measured them. An image marked decorative gets
 * `alt=""`, so screen readers skip it.
 */
export default function BlockImage({ image }: BlockImageProps): ReactElement {
  const size = image.width > 0 && image.height > 0 ? { width: image.width, height: image.height } : {};
  return <img src={image.url} alt={altAttribute(image)} loading="lazy" decoding="async" {...size} />;
}
