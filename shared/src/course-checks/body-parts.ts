import { z } from 'zod';

/** A URL written in a page's body: a rich-text link or a resource item's link. */
export interface BodyLink {
  /** The field in the page's form: `body.1.content` for rich text, `body.2.items.0.url` for an item. */
  path: string;
  url: string;
}

/** An image in a page's rich text. */
export interface BodyImage {
  path: string;
  name: string;
  alternativeText: string;
}

/** A resource box of a page's body, as written (the admin lets a draft hold an empty one). */
export interface BodyResourceBox {
  path: string;
  title: string;
  itemCount: number;
  /** Whether it says anything besides items: an intro, or rich content (a callout's paragraphs). */
  hasText: boolean;
}

const blockSchema = z.object({ __component: z.string() }).passthrough();
const richTextSchema = z.object({ content: z.array(z.unknown()).nullish() });
const resourceBoxSchema = z.object({
  title: z.string().nullish(),
  intro: z.string().nullish(),
  content: z.array(z.unknown()).nullish(),
  items: z.array(z.object({ url: z.string().nullish() }).passthrough()).nullish(),
});
const nodeSchema = z
  .object({
    type: z.string(),
    url: z.string().optional(),
    image: z.object({ name: z.string().nullish(), alternativeText: z.string().nullish() }).passthrough().optional(),
    children: z.array(z.unknown()).optional(),
  })
  .passthrough();

/** Every link and image of a Blocks value, however deeply nested in lists. */
function walkBlocks(nodes: readonly unknown[], path: string, links: BodyLink[], images: BodyImage[]): void {
  for (const raw of nodes) {
    const node = nodeSchema.safeParse(raw);
    if (!node.success) continue;
    if (node.data.type === 'link' && node.data.url !== undefined) links.push({ path, url: node.data.url });
    if (node.data.type === 'image' && node.data.image !== undefined) {
      images.push({
        path,
        name: node.data.image.name ?? 'image',
        alternativeText: node.data.image.alternativeText ?? '',
      });
    }
    if (node.data.children !== undefined) walkBlocks(node.data.children, path, links, images);
  }
}

/**
 * The parts of a page body the course checks look at. Blocks that do not parse are skipped: the
 * CMS's own validation and the site's schemas deal with those.
 */
export function bodyParts(body: readonly unknown[]): {
  links: BodyLink[];
  images: BodyImage[];
  resourceBoxes: BodyResourceBox[];
} {
  const links: BodyLink[] = [];
  const images: BodyImage[] = [];
  const resourceBoxes: BodyResourceBox[] = [];
  body.forEach((raw, index) => {
    const block = blockSchema.safeParse(raw);
    if (!block.success) return;
    const path = `body.${String(index)}`;
    if (block.data.__component === 'content.rich-text') {
      const richText = richTextSchema.safeParse(block.data);
      if (richText.success) walkBlocks(richText.data.content ?? [], `${path}.content`, links, images);
    } else if (block.data.__component === 'content.resource-box') {
      const box = resourceBoxSchema.safeParse(block.data);
      if (!box.success) return;
      const items = box.data.items ?? [];
      const content = box.data.content ?? [];
      const hasText = (box.data.intro ?? '').trim() !== '' || content.length > 0;
      resourceBoxes.push({ path, title: box.data.title ?? '', itemCount: items.length, hasText });
      walkBlocks(content, `${path}.content`, links, images);
      items.forEach((item, itemIndex) => {
        if (item.url) links.push({ path: `${path}.items.${String(itemIndex)}.url`, url: item.url });
      });
    }
  });
  return { links, images, resourceBoxes };
}
