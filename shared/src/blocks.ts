import { z } from 'zod';
import { isSafeUrl, SAFE_URL_RULE } from './safe-url.js';

/**
 * Strapi's Blocks rich-text JSON, as the CMS stores it and the site renders it. Only these node
 * types exist: anything else fails validation instead of being rendered by guesswork.
 */
export const textNodeSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});
export type TextNode = z.infer<typeof textNodeSchema>;

/**
 * A URL the site may render as a link or an image source: the rule the CMS enforces when content is
 * saved (see safe-url.ts), so whatever the CMS accepts, the site can render.
 */
export const safeUrlSchema = z.string().refine(isSafeUrl, `not a safe URL (${SAFE_URL_RULE})`);

export const linkNodeSchema = z.object({
  type: z.literal('link'),
  url: safeUrlSchema,
  children: z.array(textNodeSchema),
});
export type LinkNode = z.infer<typeof linkNodeSchema>;

export const inlineNodeSchema = z.discriminatedUnion('type', [textNodeSchema, linkNodeSchema]);
export type InlineNode = z.infer<typeof inlineNodeSchema>;

export const listItemNodeSchema = z.object({ type: z.literal('list-item'), children: z.array(inlineNodeSchema) });

export interface ListNode {
  type: 'list';
  format: 'ordered' | 'unordered';
  indentLevel?: number;
  children: Array<z.infer<typeof listItemNodeSchema> | ListNode>;
}
export const listNodeSchema: z.ZodType<ListNode> = z.lazy(() =>
  z.object({
    type: z.literal('list'),
    format: z.enum(['ordered', 'unordered']),
    indentLevel: z.number().int().optional(),
    children: z.array(z.union([listItemNodeSchema, listNodeSchema])).min(1),
  }),
);

/**
 * An image block. Strapi validates the full media-library record here (name, size, mime...), so
 * an imported external image carries what the importer knows and `provider: "external"`.
 */
export const imageNodeSchema = z.object({
  type: z.literal('image'),
  image: z.object({
    name: z.string(),
    alternativeText: z.string().nullable().optional(),
    url: safeUrlSchema,
    caption: z.string().nullable().optional(),
    width: z.number(),
    height: z.number(),
    // The media library stores null for images too small to get formats; the renderer wants undefined.
    formats: z
      .record(z.unknown())
      .nullish()
      .transform((formats) => formats ?? undefined),
    hash: z.string(),
    ext: z.string(),
    mime: z.string(),
    size: z.number(),
    previewUrl: z.string().nullable().optional(),
    provider: z.string(),
    provider_metadata: z.unknown().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  /** Strapi's editor always stores exactly one empty text child. */
  children: z.tuple([z.object({ type: z.literal('text'), text: z.literal('') })]),
});

export const blockNodeSchema = z.union([
  z.object({ type: z.literal('paragraph'), children: z.array(inlineNodeSchema).min(1) }),
  z.object({
    type: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    children: z.array(inlineNodeSchema).min(1),
  }),
  z.object({ type: z.literal('quote'), children: z.array(inlineNodeSchema).min(1) }),
  z.object({
    type: z.literal('code'),
    language: z.string().nullable().optional(),
    children: z.array(textNodeSchema).min(1),
  }),
  listNodeSchema,
  imageNodeSchema,
]);
export type BlockNode = z.infer<typeof blockNodeSchema>;

export const blocksSchema = z.array(blockNodeSchema);
export type Blocks = z.infer<typeof blocksSchema>;
