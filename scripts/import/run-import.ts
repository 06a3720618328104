import { readFile } from 'node:fs/promises';
import type { WriteEnv } from '@lm/shared';
import { collectFiles } from './collect-files.js';
import { readExistingContent } from './existing-content.js';
import { ImportError } from './import-error.js';
import { planImport, slugKey, type PlannedEntity } from './import-plan.js';
import type { ImportWarning, PageDocument } from './page-document.js';
import { parseJekyllPage } from './parse-jekyll-page.js';
import { createDocument, updateDocument, type Collection, type Status } from './strapi-rest-client.js';

export interface ImportOptions {
  /** Files or folders of Jekyll pages. */
  paths: string[];
  /** Publish what is written; otherwise it is saved as drafts. */
  publish: boolean;
  /** Parse, validate and compare with Strapi, but write nothing. */
  dryRun: boolean;
  env: WriteEnv;
  log: (line: string) => void;
}

export interface ImportSummary {
  created: string[];
  updated: string[];
  /** Already up to date in Strapi. */
  skipped: string[];
  failed: Array<{ file: string; message: string }>;
  warnings: ImportWarning[];
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Reads and parses every file before anything is written, so a bad file can write nothing. */
async function parseAll(paths: string[], summary: ImportSummary, log: (line: string) => void): Promise<PageDocument[]> {
  const { files, errors } = await collectFiles(paths);
  for (const error of errors) summary.failed.push({ file: error.file, message: error.message });
  const documents: PageDocument[] = [];
  for (const [index, file] of files.entries()) {
    try {
      let source: string;
      try {
        source = await readFile(file, 'utf8');
      } catch (error) {
        throw new ImportError(file, 'cannot be read; check that it exists and is readable', { cause: error });
      }
      const document = parseJekyllPage(file, source);
      for (const warning of document.warnings) {
        log(`[import] warning ${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`);
      }
      summary.warnings.push(...document.warnings);
      documents.push(document);
      log(`[import] (${index + 1}/${files.length}) parsed ${file}`);
    } catch (error) {
      summary.failed.push({ file, message: messageOf(error) });
      // The message already starts with "[import] <file>:".
      log(messageOf(error));
    }
  }
  return documents;
}

/**
 * Imports Jekyll pages into Strapi: parse and validate every file, compare with what Strapi holds
 * (matched by slugs), then create or update modules, sections and pages in that order. Invalid
 * files are reported and write nothing; the valid ones are still imported.
 */
export async function runImport({ paths, publish, dryRun, env, log }: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { created: [], updated: [], skipped: [], failed: [], warnings: [] };
  const documents = await parseAll(paths, summary, log);
  const moduleSlugs = [...new Set(documents.map((document) => document.module.slug))];
  const existing = await readExistingContent(env, moduleSlugs, publish);
  const plan = planImport(documents, existing);
  for (const error of plan.errors) summary.failed.push({ file: error.file, message: error.message });

  const status: Status = publish ? 'published' : 'draft';
  const failedFiles = new Set<string>();
  const moduleIds = new Map<string, string>();
  const sectionIds = new Map<string, string>();
  const total = plan.modules.length + plan.sections.length + plan.pages.length;
  let step = 0;

  /** Writes one entity unless its files already failed; returns its documentId. */
  const write = async <Fields>(
    collection: Collection,
    label: string,
    entity: PlannedEntity<Fields>,
    data: Record<string, unknown> | null,
  ): Promise<string | null> => {
    step += 1;
    const prefix = `[import] (${step}/${total})`;
    if (data === null || entity.files.some((file) => failedFiles.has(file))) {
      return null;
    }
    const verb = { create: 'create', update: 'update', unchanged: 'unchanged' }[entity.action];
    if (entity.action === 'unchanged') {
      summary.skipped.push(label);
      log(`${prefix} ${label}: unchanged`);
      return entity.documentId;
    }
    if (dryRun) {
      (entity.action === 'create' ? summary.created : summary.updated).push(label);
      log(`${prefix} ${label}: would ${verb}${publish ? ' and publish' : ''}`);
      return entity.documentId ?? `dry-run:${label}`;
    }
    try {
      const documentId =
        entity.documentId === null
          ? await createDocument(env, collection, data, status)
          : (await updateDocument(env, collection, entity.documentId, data, status), entity.documentId);
      (entity.action === 'create' ? summary.created : summary.updated).push(label);
      log(
        `${prefix} ${label}: ${entity.action === 'create' ? 'created' : 'updated'}${publish ? ' and published' : ' as draft'}`,
      );
      return documentId;
    } catch (error) {
      for (const file of entity.files) {
        failedFiles.add(file);
        summary.failed.push({ file, message: `${label} was not written: ${messageOf(error)}` });
      }
      log(`${prefix} ${label}: failed: ${messageOf(error)}`);
      return null;
    }
  };

  for (const entity of plan.modules) {
    const id = await write('modules', `module ${entity.fields.slug}`, entity, { ...entity.fields });
    if (id) moduleIds.set(entity.fields.slug, id);
  }
  for (const entity of plan.sections) {
    const moduleId = moduleIds.get(entity.moduleSlug);
    const { outcomes, ...fields } = entity.fields;
    const data = moduleId ? { ...fields, module: moduleId, outcomes: outcomes.map((text) => ({ text })) } : null;
    const id = await write('sections', `section ${entity.moduleSlug}/${entity.fields.slug}`, entity, data);
    if (id) sectionIds.set(slugKey(entity.moduleSlug, entity.fields.slug), id);
  }
  for (const entity of plan.pages) {
    const { sectionSlug, ...fields } = entity.fields;
    const sectionId = sectionIds.get(slugKey(entity.moduleSlug, sectionSlug));
    const data = sectionId ? { ...fields, section: sectionId } : null;
    await write('pages', `page ${entity.moduleSlug}/${entity.fields.slug}`, entity, data);
  }
  return summary;
}
