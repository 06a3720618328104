import { z } from 'zod';
import type { WriteEnv } from '@lm/shared';
import { fingerprintOf, type ExistingContent } from './import-plan.js';
import { listDocuments, type Status, type StrapiClientOptions } from '../lib/strapi-rest-client.js';

/** The importer's messages name the importer, whichever request failed. */
const IMPORT: StrapiClientOptions = { prefix: '[import]' };

/** Drops Strapi's component row ids, which the importer never writes, before fingerprinting. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'id')
      .map(([key, member]) => [key, withoutIds(member)]),
  );
}

const slugRef = z.object({ slug: z.string() }).nullable().optional();
const moduleSchema = z.object({ documentId: z.string(), slug: z.string(), title: z.string() });
const sectionSchema = z.object({
  documentId: z.string(),
  number: z.number(),
  title: z.string(),
  slug: z.string(),
  outcomes: z.array(z.object({ text: z.string() })).default([]),
  module: slugRef,
});
const pageSchema = z.object({
  documentId: z.string(),
  number: z.string(),
  title: z.string(),
  slug: z.string(),
  body: z.array(z.record(z.unknown())).default([]),
  legacyPaths: z.array(z.object({ path: z.string() })).nullish(),
  section: z.object({ slug: z.string(), module: slugRef }).nullable().optional(),
});

function inFilter(params: URLSearchParams, field: string, values: string[]): void {
  values.forEach((value, index) => {
    params.set(`filters${field}[$in][${index}]`, value);
  });
}

/** What Strapi holds for the given modules, in one status, fingerprinted like the import plan. */
async function readStatus(env: WriteEnv, moduleSlugs: string[], status: Status): Promise<ExistingContent> {
  const moduleQuery = new URLSearchParams({ status, 'fields[0]': 'slug', 'fields[1]': 'title' });
  inFilter(moduleQuery, '[slug]', moduleSlugs);
  const sectionQuery = new URLSearchParams({
    status,
    'fields[0]': 'number',
    'fields[1]': 'title',
    'fields[2]': 'slug',
    'populate[outcomes]': 'true',
    'populate[module][fields][0]': 'slug',
  });
  inFilter(sectionQuery, '[module][slug]', moduleSlugs);
  const pageQuery = new URLSearchParams({
    status,
    'fields[0]': 'number',
    'fields[1]': 'title',
    'fields[2]': 'slug',
    'populate[section][fields][0]': 'slug',
    'populate[section][populate][module][fields][0]': 'slug',
    'populate[legacyPaths]': 'true',
    'populate[body][on][content.rich-text]': 'true',
    'populate[body][on][content.outcomes]': 'true',
    'populate[body][on][content.resource-box][populate][items]': 'true',
    'populate[body][on][content.video]': 'true',
  });
  inFilter(pageQuery, '[section][module][slug]', moduleSlugs);

  const [modules, sections, pages] = await Promise.all([
    listDocuments(env, 'modules', moduleQuery, IMPORT),
    listDocuments(env, 'sections', sectionQuery, IMPORT),
    listDocuments(env, 'pages', pageQuery, IMPORT),
  ]);
  return {
    modules: modules.map((raw) => {
      const { documentId, slug, title } = moduleSchema.parse(raw);
      return { documentId, slug, fingerprint: fingerprintOf({ slug, title }) };
    }),
    sections: sections.flatMap((raw) => {
      const section = sectionSchema.parse(raw);
      if (!section.module) return [];
      const { documentId, number, title, slug } = section;
      const outcomes = section.outcomes.map((outcome) => outcome.text);
      return [
        {
          documentId,
          slug,
          moduleSlug: section.module.slug,
          outcomes,
          fingerprint: fingerprintOf({ number, title, slug, outcomes }),
        },
      ];
    }),
    pages: pages.flatMap((raw) => {
      const page = pageSchema.parse(raw);
      if (!page.section?.module) return [];
      const { documentId, number, title, slug } = page;
      const legacyPaths = (page.legacyPaths ?? []).map((entry) => entry.path);
      const fields = { number, title, slug, sectionSlug: page.section.slug, body: withoutIds(page.body), legacyPaths };
      const moduleSlug = page.section.module.slug;
      return [{ documentId, slug, moduleSlug, legacyPaths, fingerprint: fingerprintOf(fields) }];
    }),
  };
}

/**
 * Looks up what Strapi already holds for the modules of a run. Documents are found by their drafts
 * (every document has one); with `publish`, they are compared with their published version, so a
 * run with --publish also publishes what was only saved as a draft before.
 */
export async function readExistingContent(
  env: WriteEnv,
  moduleSlugs: string[],
  publish: boolean,
): Promise<ExistingContent> {
  if (moduleSlugs.length === 0) return { modules: [], sections: [], pages: [] };
  const drafts = await readStatus(env, moduleSlugs, 'draft');
  if (!publish) return drafts;
  const published = await readStatus(env, moduleSlugs, 'published');
  const fingerprint = (list: ReadonlyArray<{ documentId: string; fingerprint: string }>, documentId: string): string =>
    list.find((entry) => entry.documentId === documentId)?.fingerprint ?? 'not published';
  return {
    modules: drafts.modules.map((entry) => ({
      ...entry,
      fingerprint: fingerprint(published.modules, entry.documentId),
    })),
    sections: drafts.sections.map((entry) => ({
      ...entry,
      fingerprint: fingerprint(published.sections, entry.documentId),
    })),
    pages: drafts.pages.map((entry) => ({ ...entry, fingerprint: fingerprint(published.pages, entry.documentId) })),
  };
}
