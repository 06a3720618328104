import { moduleUrl, pageUrl, type ModuleEntry, type Outcome, type PageEntry, type SectionEntry } from '@lm/shared';
import { SITE_NAME } from './site-name';

/** A JSON value, so that whatever is serialised is known to survive JSON.stringify unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A module as the Course description needs it: its pages in reading order and all outcomes. */
export interface CourseInput {
  module: ModuleEntry;
  description: string;
  pages: PageEntry[];
  outcomes: Outcome[];
}

const ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/**
 * Serialises structured data for a `<script type="application/ld+json">` element. The HTML parser
 * ends a script at the first `</script`, whatever JSON quoting surrounds it, so a title holding
 * `</script><script>alert(1)</script>` would otherwise run as code. JSON.stringify escapes quotes
 * and control characters; replacing `<`, `>` and `&` with their \u escapes (which JSON readers
 * decode back) leaves no markup in the text at all. U+2028 and U+2029 are escaped for old readers
 * that parse JSON as JavaScript.
 */
export function serializeJsonLd(data: JsonValue): string {
  return JSON.stringify(data)
    .replace(/[<>&]/g, (character) => ESCAPES[character] ?? character)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const absolute = (path: string, site: URL): string => new URL(path, site).href;

const provider = (site: URL): JsonValue => ({ '@type': 'Organization', name: SITE_NAME, url: site.href });

/** schema.org Course for a module home: what it teaches and the pages it is made of. */
export function courseJsonLd({ module, description, pages, outcomes }: CourseInput, site: URL): JsonValue {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: module.title,
    description,
    url: absolute(moduleUrl(module.slug), site),
    provider: provider(site),
    teaches: outcomes.map((outcome) => outcome.text),
    hasPart: pages.map((page) => ({
      '@type': 'LearningResource',
      name: `${page.number} ${page.title}`,
      url: absolute(pageUrl(module.slug, page.slug), site),
    })),
  };
}

/** What a page's LearningResource description is made of. */
export interface LearningResourceInput {
  module: ModuleEntry;
  section: SectionEntry;
  page: PageEntry;
  description: string;
}

/** schema.org LearningResource for a page: part of its module's Course, teaching its section's outcomes. */
export function learningResourceJsonLd(
  { module, section, page, description }: LearningResourceInput,
  site: URL,
): JsonValue {
  return {
    '@context': 'https://schema.org',
    '@type': 'LearningResource',
    name: `${page.number} ${page.title}`,
    description,
    url: absolute(pageUrl(module.slug, page.slug), site),
    inLanguage: 'en',
    provider: provider(site),
    isPartOf: { '@type': 'Course', name: module.title, url: absolute(moduleUrl(module.slug), site) },
    teaches: section.outcomes.map((outcome) => outcome.text),
  };
}
