import { safeUrlSchema } from '@lm/shared';

/**
 * The URLs the importer writes into links, images and resource items: safe for the site, and of the
 * forms Strapi's Blocks validation accepts (absolute web and mail URLs, site paths, #fragments).
 * A relative link such as `two-one.html` cannot be stored as it is; the importer drops it with a
 * warning rather than have Strapi refuse the whole page.
 */
export const importableUrlSchema = safeUrlSchema.refine(
  (url) => /^(https?:\/\/|mailto:|\/|#)/i.test(url),
  'a link must start with http(s)://, mailto:, / or #',
);
