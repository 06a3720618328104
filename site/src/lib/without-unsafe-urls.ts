import { findUnsafeUrls } from '@lm/shared';
import type { PagesByIdQuery } from '@lm/shared/graphql';

type PageNode = NonNullable<PagesByIdQuery['pages'][number]>;
type BodyBlock = NonNullable<NonNullable<PageNode['body']>[number]>;

/** A page with what could not be rendered safely left out, and a sentence for each thing left out. */
export interface CleanedPage {
  page: PageNode;
  warnings: string[];
}

/**
 * Leaves out of a page what the site cannot render safely: a rich-text block (paragraph, list,
 * image...) holding a `javascript:` or other unsafe URL, or a resource-box item or content block with one. The CMS
 * refuses such content when it is saved; this catches what was saved before that rule, so one bad
 * entry costs its own block and a warning in /status rather than every publish of the site.
 */
export function withoutUnsafeUrls(page: PageNode): CleanedPage {
  const warnings: string[] = [];
  const where = `page "${page.number} ${page.title}" (${page.slug})`;
  const warn = (what: string, urls: ReturnType<typeof findUnsafeUrls>): void => {
    const shown = urls.map((unsafe) => JSON.stringify(unsafe.url.slice(0, 80))).join(', ');
    warnings.push(
      `Left out ${what} of the ${where}: it links to ${shown}, which is not a safe URL. Fix it in the admin and publish again.`,
    );
  };
  const clean = (block: BodyBlock): BodyBlock => {
    switch (block.__typename) {
      case 'ComponentContentRichText': {
        if (!Array.isArray(block.content)) return block;
        const content = block.content.filter((node: unknown, index: number) => {
          const unsafe = findUnsafeUrls(node);
          if (unsafe.length > 0) warn(`rich-text block ${String(index + 1)}`, unsafe);
          return unsafe.length === 0;
        });
        return { ...block, content };
      }
      case 'ComponentContentResourceBox': {
        const items = (block.items ?? []).filter((item) => {
          const unsafe = findUnsafeUrls(item);
          if (unsafe.length > 0) warn(`an item of the resource box "${block.title}"`, unsafe);
          return unsafe.length === 0;
        });
        // The box's own rich content (a callout's paragraphs, lists and images) is checked node by node too.
        const richContent = Array.isArray(block.richContent)
          ? block.richContent.filter((node: unknown, index: number) => {
              const unsafe = findUnsafeUrls(node);
              if (unsafe.length > 0) warn(`block ${String(index + 1)} of the resource box "${block.title}"`, unsafe);
              return unsafe.length === 0;
            })
          : block.richContent;
        return { ...block, items, richContent };
      }
      default:
        return block;
    }
  };
  const body = page.body?.map((block) => (block ? clean(block) : block)) ?? null;
  return { page: { ...page, body }, warnings };
}
