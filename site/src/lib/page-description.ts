import type { ModuleEntry, PageEntry, SectionEntry } from '@lm/shared';
import { firstParagraphText, shortenText } from './first-paragraph-text';
import { SITE_DESCRIPTION } from './site-name';

const written = (text: string | null | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * A page's meta description: the editors' own (SEO fields) when they wrote one, else the first
 * paragraph of its text, else the summary of its section or module. The page's own words come
 * before the summaries, which every page of a section or module would share: search engines show
 * the same description for many pages as a weak result. Never empty, so every page has one for
 * search results and link previews.
 */
export function pageDescription(module: ModuleEntry, section: SectionEntry, page: PageEntry): string {
  const text =
    written(page.seo?.metaDescription) ??
    firstParagraphText(page.body) ??
    written(section.intro) ??
    written(module.summary) ??
    SITE_DESCRIPTION;
  return shortenText(text);
}

/** A module home's description: its summary, else the first paragraph of its first page. */
export function moduleDescription(module: ModuleEntry, firstPage: PageEntry | undefined): string {
  const text = written(module.summary) ?? (firstPage && firstParagraphText(firstPage.body)) ?? SITE_DESCRIPTION;
  return shortenText(text);
}
