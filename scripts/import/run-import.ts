import type { WriteEnv } from '@lm/shared';
import { applyPlan } from './apply-plan.js';
import { cibSiteDocuments } from './cib-site-documents.js';
import { collectFiles } from './collect-files.js';
import { documentWords } from './document-words.js';
import { importSiteMedia, type SiteMediaOptions } from './import-site-media.js';
import type { PageFidelity } from './fidelity-report.js';
import { markdownToHast } from './markdown-to-hast.js';
import { countWords, visibleText } from './parse-cib-post.js';
import { parseFrontMatter } from './parse-front-matter.js';
import { isCibSite } from './read-cib-site.js';
import { readExistingContent } from './existing-content.js';
import type { ImportWarning, PageDocument } from './page-document.js';
import { parseJekyllPage } from './parse-jekyll-page.js';
import { planWithinLimits } from './plan-within-limits.js';
import { readPageSource } from './read-page-source.js';
import { restDocumentWriter } from './rest-document-writer.js';
import { DEFAULT_SIZE_LIMITS, type SizeLimits } from './size-limits.js';
import { writeSteps, type WriteStep } from './write-steps.js';

export interface ImportOptions {
  /** Files or folders of Jekyll pages. */
  paths: string[];
  /** Publish what is written; otherwise it is saved as drafts. */
  publish: boolean;
  /** Parse, validate and compare with Strapi, but write nothing. */
  dryRun: boolean;
  env: WriteEnv;
  log: (line: string) => void;
  /** Size limits, {@link DEFAULT_SIZE_LIMITS} unless overridden (tests raise one to reach Strapi's). */
  limits?: Partial<SizeLimits>;
  /** Module titles by module slug, over those a course-in-a-box landing page gives (`--titles`). */
  titles?: ReadonlyMap<string, string>;
}

export interface ImportSummary {
  created: string[];
  updated: string[];
  /** Already up to date in Strapi. */
  skipped: string[];
  failed: Array<{ file: string; message: string }>;
  warnings: ImportWarning[];
  /** Words in and out of each page parsed, with what was dropped. */
  fidelity: PageFidelity[];
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Reads and parses every file before anything is written, so a bad file can write nothing. A file
 * over `sourceLimit` bytes is refused before it is read.
 */
async function parseAll(
  allPaths: string[],
  sourceLimit: number,
  summary: ImportSummary,
  log: (line: string) => void,
  titles: ReadonlyMap<string, string>,
  media: SiteMediaOptions,
): Promise<PageDocument[]> {
  const documents: PageDocument[] = [];
  const paths: string[] = [];
  for (const target of allPaths) {
    if (!(await isCibSite(target))) {
      paths.push(target);
      continue;
    }
    log(`[import] ${target}: a course-in-a-box site; importing every module`);
    try {
      const site = await cibSiteDocuments(target, sourceLimit, titles);
      for (const warning of site.warnings) log(formatWarning(warning));
      for (const error of site.errors) {
        summary.failed.push({ file: error.file, message: error.message });
        log(error.message);
      }
      summary.warnings.push(...site.warnings);
      summary.fidelity.push(...site.fidelity);
      // The site's images and documents go to the media library; the pages then point at them.
      const withMedia = await importSiteMedia(target, site.documents, media);
      for (const warning of withMedia.warnings) log(formatWarning(warning));
      summary.warnings.push(...withMedia.warnings);
      documents.push(...withMedia.documents);
    } catch (error) {
      summary.failed.push({ file: target, message: messageOf(error) });
      log(messageOf(error));
    }
  }
  const { files, errors } = await collectFiles(paths);
  for (const error of errors) summary.failed.push({ file: error.file, message: error.message });
  for (const [index, file] of files.entries()) {
    try {
      const source = await readPageSource(file, sourceLimit);
      const document = parseJekyllPage(file, source);
      for (const warning of document.warnings) log(formatWarning(warning));
      summary.warnings.push(...document.warnings);
      summary.fidelity.push(pageFidelity(document, source));
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

function formatWarning(warning: ImportWarning): string {
  return `[import] warning ${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`;
}

/** The fidelity of an ordinary Jekyll page: its visible words against its document's. */
function pageFidelity(document: PageDocument, source: string): PageFidelity {
  const { content } = parseFrontMatter(document.file, source);
  return {
    file: document.file,
    page: `${document.module.slug}/${document.page.slug}`,
    sourceWords: countWords(visibleText(markdownToHast(content))),
    documentWords: countWords(documentWords(document.page.body, document.section.outcomes)),
    dropped: document.warnings.map((warning) => `${warning.line ? `line ${warning.line}: ` : ''}${warning.message}`),
  };
}

/** What a dry run reports: the writes a real run would make, none made. */
function reportDryRun(
  steps: ReadonlyArray<WriteStep>,
  publish: boolean,
  summary: ImportSummary,
  log: (line: string) => void,
): void {
  for (const [index, step] of steps.entries()) {
    const prefix = `[import] (${index + 1}/${steps.length}) ${step.label}`;
    if (step.action === 'unchanged') {
      summary.skipped.push(step.label);
      log(`${prefix}: unchanged`);
    } else {
      (step.action === 'create' ? summary.created : summary.updated).push(step.label);
      log(`${prefix}: would ${step.action}${publish ? ' and publish' : ''}`);
    }
  }
}

/**
 * Imports Jekyll pages into Strapi. Everything that will be written is checked first: each file's
 * size (before reading it), its front matter and content, clashes between files, and the size of
 * every write. Then {@link applyPlan} writes drafts, publishes last and removes what a failed file
 * left, so each file is imported whole or not at all; the valid files are still imported.
 */
export async function runImport({
  paths,
  publish,
  dryRun,
  env,
  log,
  limits,
  titles = new Map(),
}: ImportOptions): Promise<ImportSummary> {
  const sourceBytes = limits?.sourceBytes ?? DEFAULT_SIZE_LIMITS.sourceBytes;
  const payloadBytes = limits?.payloadBytes ?? DEFAULT_SIZE_LIMITS.payloadBytes;
  const summary: ImportSummary = { created: [], updated: [], skipped: [], failed: [], warnings: [], fidelity: [] };
  const documents = await parseAll(paths, sourceBytes, summary, log, titles, { env, dryRun, log });
  const moduleSlugs = [...new Set(documents.map((document) => document.module.slug))];
  const existing = await readExistingContent(env, moduleSlugs, publish);
  const { plan, errors } = planWithinLimits(documents, existing, payloadBytes);
  for (const error of [...plan.errors, ...errors]) {
    summary.failed.push({ file: error.file, message: error.message });
    log(error.message);
  }
  const steps = writeSteps(plan);
  if (dryRun) {
    reportDryRun(steps, publish, summary, log);
    return summary;
  }
  const result = await applyPlan(steps, { writer: restDocumentWriter(env), publish, payloadLimit: payloadBytes, log });
  summary.created.push(...result.created);
  summary.updated.push(...result.updated);
  summary.skipped.push(...result.skipped);
  summary.failed.push(...result.failed.map((error) => ({ file: error.file, message: error.message })));
  return summary;
}
