import { createHash } from 'node:crypto';
import { compareNumbering, legacyPathKey } from '@lm/shared';
import { findConflict } from './find-conflict.js';
import type { ImportError } from './import-error.js';
import type { BodyInput, PageDocument } from './page-document.js';

/** What the importer does with one entity. */
export type PlanAction = 'create' | 'update' | 'unchanged';

/** An entity found in Strapi, with the fingerprint of its fields computed like {@link fingerprintOf}. */
export interface ExistingEntry {
  documentId: string;
  fingerprint: string;
}

/** What Strapi holds already, looked up by the HTTP client before planning. */
export interface ExistingContent {
  modules: ReadonlyArray<ExistingEntry & { slug: string }>;
  /** `outcomes` as stored, kept when no page of the run lists the section's outcomes. */
  sections: ReadonlyArray<ExistingEntry & { moduleSlug: string; slug: string; outcomes?: string[] }>;
  /** `legacyPaths` as stored, so a re-import adds only the old addresses the page lacks. */
  pages: ReadonlyArray<ExistingEntry & { moduleSlug: string; slug: string; legacyPaths?: string[] }>;
}

/** The module fields the importer writes. */
export interface ModuleFields {
  slug: string;
  title: string;
}

/** The section fields the importer writes; `outcomes` one string per outcome, in order. */
export interface SectionFields {
  number: number;
  title: string;
  slug: string;
  outcomes: string[];
}

/** The page fields the importer writes; `sectionSlug` stands for the relation to its section. */
export interface PageFields {
  number: string;
  title: string;
  slug: string;
  sectionSlug: string;
  body: BodyInput[];
  /** The page's old addresses: those stored (editors may have added some) plus the file's. */
  legacyPaths: string[];
}

/** One decision: what to do, with which existing document, and the fields to write. */
export interface PlannedEntity<Fields> {
  action: PlanAction;
  /** The Strapi document to update, or null when it is to be created. */
  documentId: string | null;
  fingerprint: string;
  fields: Fields;
  /** The source files this entity comes from, for messages. */
  files: string[];
}

/** Everything one run does, in an order that lets parents be written before children. */
export interface ImportPlan {
  modules: Array<PlannedEntity<ModuleFields>>;
  /** By module, then section number. */
  sections: Array<PlannedEntity<SectionFields> & { moduleSlug: string }>;
  /** By module, then page number ("2.2" before "2.10"). */
  pages: Array<PlannedEntity<PageFields> & { moduleSlug: string }>;
  /** Files left out of the plan because they clash with an earlier file of the run. */
  errors: ImportError[];
}

/**
 * JSON with object keys sorted at every level, so equal values give equal text whatever order
 * their keys were built in. `undefined` members are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  // What JSON.stringify leaves out of objects becomes null elsewhere, as in JSON.stringify's arrays.
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'null';
  if (value === null || typeof value !== 'object' || value instanceof Date) return JSON.stringify(value);
  const entries = Object.entries(value)
    .filter(([, member]) => member !== undefined && typeof member !== 'function')
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
}

/**
 * SHA-256 (hex) of the canonical JSON of `value`. The HTTP client must fingerprint what it reads
 * from Strapi in the very shape of {@link moduleFields}, {@link sectionFields} or
 * {@link pageFields} (Strapi's component `id`s removed), or nothing would ever be `unchanged`.
 */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** `create` without an existing entry, `unchanged` when the fingerprints match, else `update`. */
export function decideAction(
  fingerprint: string,
  existing: ExistingEntry | undefined,
): { action: PlanAction; documentId: string | null } {
  if (!existing) return { action: 'create', documentId: null };
  return { action: existing.fingerprint === fingerprint ? 'unchanged' : 'update', documentId: existing.documentId };
}

/** The module fields a page's front matter gives. */
export function moduleFields(document: PageDocument): ModuleFields {
  return { slug: document.module.slug, title: document.module.title };
}

/**
 * The section fields, from all pages of the section in the run: the outcomes come from whichever
 * page lists them (findConflict ensures they agree). When no page of the run lists them, the
 * outcomes Strapi already holds are kept, so importing one page never wipes its section's outcomes.
 */
export function sectionFields(
  documents: ReadonlyArray<PageDocument>,
  storedOutcomes: ReadonlyArray<string> = [],
): SectionFields | null {
  const [first] = documents;
  if (!first) return null;
  const outcomes =
    documents.find((document) => document.section.outcomes.length > 0)?.section.outcomes ?? storedOutcomes;
  return {
    number: first.section.number,
    title: first.section.title,
    slug: first.section.slug,
    outcomes: [...outcomes],
  };
}

/**
 * The page fields a parsed page gives. The old addresses already stored come first and stay in
 * their order, then those of the file not stored yet (compared as the site does, see
 * legacyPathKey): a re-import adds no duplicate and leaves an unchanged page unchanged.
 */
export function pageFields(document: PageDocument, storedPaths: ReadonlyArray<string> = []): PageFields {
  const { number, title, slug, body } = document.page;
  const stored = new Set(storedPaths.map(legacyPathKey));
  const added = document.page.legacyPaths.filter((path) => !stored.has(legacyPathKey(path)));
  return { number, title, slug, sectionSlug: document.section.slug, body, legacyPaths: [...storedPaths, ...added] };
}

/** A map key for a pair of slugs; JSON keeps "a-b"+"c" and "a"+"b-c" apart. */
export function slugKey(moduleSlug: string, slug: string): string {
  return JSON.stringify([moduleSlug, slug]);
}

/**
 * Decides, for the pages parsed in one run, which modules, sections and pages to create, update
 * or leave alone. Pages that clash with an earlier page of the run are left out, with an error
 * each; a caller that must write nothing half-done stops when `errors` is not empty.
 */
export function planImport(documents: ReadonlyArray<PageDocument>, existing: ExistingContent): ImportPlan {
  const accepted: PageDocument[] = [];
  const errors: ImportError[] = [];
  for (const document of documents) {
    const conflict = findConflict(document, accepted);
    if (conflict) errors.push(conflict);
    else accepted.push(document);
  }
  const modules = groupBy(accepted, (document) => document.module.slug);
  const sections = groupBy(accepted, (document) => slugKey(document.module.slug, document.section.slug));
  const moduleOrder = [...modules.keys()];
  const byModule = (left: { moduleSlug: string }, right: { moduleSlug: string }): number =>
    moduleOrder.indexOf(left.moduleSlug) - moduleOrder.indexOf(right.moduleSlug);
  const existingModules = new Map(existing.modules.map((entry) => [entry.slug, entry]));
  const existingSections = new Map(existing.sections.map((entry) => [slugKey(entry.moduleSlug, entry.slug), entry]));
  const existingPages = new Map(existing.pages.map((entry) => [slugKey(entry.moduleSlug, entry.slug), entry]));
  return {
    modules: [...modules].flatMap(([slug, group]) => {
      const [first] = group;
      return first ? [plan(moduleFields(first), group, existingModules.get(slug))] : [];
    }),
    sections: [...sections]
      .flatMap(([key, group]) => {
        const fields = sectionFields(group, existingSections.get(key)?.outcomes);
        const moduleSlug = group[0]?.module.slug;
        if (!fields || moduleSlug === undefined) return [];
        return [{ ...plan(fields, group, existingSections.get(key)), moduleSlug }];
      })
      .sort((left, right) => byModule(left, right) || left.fields.number - right.fields.number),
    pages: accepted
      .map((document) => {
        const stored = existingPages.get(slugKey(document.module.slug, document.page.slug));
        return {
          ...plan(pageFields(document, stored?.legacyPaths), [document], stored),
          moduleSlug: document.module.slug,
        };
      })
      .sort((left, right) => byModule(left, right) || compareNumbering(left.fields.number, right.fields.number)),
    errors,
  };
}

function plan<Fields>(
  fields: Fields,
  sources: ReadonlyArray<PageDocument>,
  existing: ExistingEntry | undefined,
): PlannedEntity<Fields> {
  const fingerprint = fingerprintOf(fields);
  return { ...decideAction(fingerprint, existing), fingerprint, fields, files: sources.map((source) => source.file) };
}

function groupBy<T>(items: ReadonlyArray<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
