import type { WriteEnv } from '@lm/shared';
import { applyPlan } from './apply-plan.js';
import { cibSiteDocuments } from './cib-site-documents.js';
import { collectFiles } from './collect-files.js';
import { documentWords } from './document-words.js';
import { importSiteMedia } from './import-site-media.js';
import { silentProgress, type ImportProgress } from './import-progress.js';
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
import { pointAtUploads } from './point-at-uploads.js';
import { restDocumentWriter } from './rest-document-writer.js';
import { siteMediaFiles, type SiteMediaFile } from './site-media-files.js';
import type { UploadedFile } from './upload-media.js';
import { standInUpload } from './stand-in-upload.js';
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
  /** Counts per phase (a bar on a terminal); nothing is counted unless given. */
  progress?: ImportProgress;
  /** Writes in flight at once, see WRITE_CONCURRENCY. */
  concurrency?: number;
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

/** The pages read, and for each course-in-a-box site its folder and the files of its pages. */
interface ParsedInput {
  documents: PageDocument[];
  sites: Array<{ root: string; files: Set<string> }>;
}

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
  progress: ImportProgress,
): Promise<ParsedInput> {
  const parsed: ParsedInput = { documents: [], sites: [] };
  const paths: string[] = [];
  for (const target of allPaths) {
    if (!(await isCibSite(target))) {
      paths.push(target);
      continue;
    }
    log(`[import] ${target}: a course-in-a-box site; importing every module`);
    try {
      const site = await cibSiteDocuments(target, sourceLimit, titles, progress);
      for (const warning of site.warnings) log(formatWarning(warning));
      for (const error of site.errors) {
        summary.failed.push({ file: error.file, message: error.message });
        log(error.message);
      }
      summary.warnings.push(...site.warnings);
      summary.fidelity.push(...site.fidelity);
      parsed.documents.push(...site.documents);
      parsed.sites.push({ root: target, files: new Set(site.documents.map((document) => document.file)) });
    } catch (error) {
      summary.failed.push({ file: target, message: messageOf(error) });
      log(messageOf(error));
    }
  }
  const { files, errors } = await collectFiles(paths);
  for (const error of errors) summary.failed.push({ file: error.file, message: error.message });
  if (files.length > 0) progress.start('reading', files.length);
  for (const file of files) {
    try {
      const source = await readPageSource(file, sourceLimit);
      const document = parseJekyllPage(file, source);
      for (const warning of document.warnings) log(formatWarning(warning));
      summary.warnings.push(...document.warnings);
      summary.fidelity.push(pageFidelity(document, source));
      parsed.documents.push(document);
    } catch (error) {
      summary.failed.push({ file, message: messageOf(error) });
      // The message already starts with "[import] <file>:".
      log(messageOf(error));
    }
    progress.advance('reading');
  }
  return parsed;
}

/** The files of the old sites that the pages reference, read and hashed; nothing uploaded yet. */
async function referencedMedia(
  input: ParsedInput,
  summary: ImportSummary,
  log: (line: string) => void,
): Promise<SiteMediaFile[]> {
  const files: SiteMediaFile[] = [];
  for (const site of input.sites) {
    const pages = input.documents.filter((document) => site.files.has(document.file));
    const found = await siteMediaFiles(site.root, pages);
    for (const warning of found.warnings) log(formatWarning(warning));
    summary.warnings.push(...found.warnings);
    files.push(...found.files);
  }
  return files;
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

/** What a dry run reports: the writes a real run would make, none made (listed in the summary). */
function reportDryRun(steps: ReadonlyArray<WriteStep>, summary: ImportSummary): void {
  for (const step of steps) {
    if (step.action === 'unchanged') summary.skipped.push(step.label);
    else (step.action === 'create' ? summary.created : summary.updated).push(step.label);
  }
}

/** Says so when a run changed nothing (or a dry run would change nothing): a re-run of the same site. */
function reportNothingChanged(summary: ImportSummary, dryRun: boolean, log: (line: string) => void): void {
  if (summary.created.length > 0 || summary.updated.length > 0 || summary.failed.length > 0) return;
  const changed = dryRun ? 'Nothing would change' : 'Nothing changed';
  log(`[import] ${changed}: all ${String(summary.skipped.length)} documents are already up to date in Strapi.`);
}

/**
 * Imports Jekyll pages into Strapi. Everything that will be written is checked first: each file's
 * size (before reading it), its front matter and content, clashes between files, and the size of
 * every write (measured with stand-ins for the uploads to come). Only then are the files of the
 * pages that passed uploaded, and {@link applyPlan} writes drafts a few at once, publishes last
 * and removes what a failed file left, so each file is imported whole or not at all; the valid
 * files are still imported.
 */
export async function runImport({
  paths,
  publish,
  dryRun,
  env,
  log,
  limits,
  titles = new Map(),
  progress = silentProgress(),
  concurrency,
}: ImportOptions): Promise<ImportSummary> {
  const sourceBytes = limits?.sourceBytes ?? DEFAULT_SIZE_LIMITS.sourceBytes;
  const payloadBytes = limits?.payloadBytes ?? DEFAULT_SIZE_LIMITS.payloadBytes;
  const summary: ImportSummary = { created: [], updated: [], skipped: [], failed: [], warnings: [], fidelity: [] };
  const input = await parseAll(paths, sourceBytes, summary, log, titles, progress);
  const moduleSlugs = [...new Set(input.documents.map((document) => document.module.slug))];
  const existing = await readExistingContent(env, moduleSlugs, publish);
  const media = await referencedMedia(input, summary, log);
  // The checks see each page as it will be written, with a stand-in for each upload to come.
  const standIns = new Map(media.map((file) => [file.sitePath, standInUpload(file)]));
  const pointed = (documents: PageDocument[], uploads: ReadonlyMap<string, UploadedFile>): PageDocument[] =>
    uploads.size === 0 ? documents : documents.map((document) => pointAtUploads(document, uploads, env.STRAPI_URL));
  const checked = planWithinLimits(pointed(input.documents, standIns), existing, payloadBytes);
  const refusals = [...checked.plan.errors, ...checked.errors];
  const refused = new Set(refusals.map((error) => error.file));
  // Only the files of pages that passed are uploaded: a refused page leaves nothing in the library.
  const needed = media.flatMap((file) => {
    const pages = file.pages.filter((page) => !refused.has(page));
    return pages.length > 0 ? [{ ...file, pages }] : [];
  });
  const uploads = await importSiteMedia(needed, { env, dryRun, log, progress });
  for (const warning of uploads.warnings) log(formatWarning(warning));
  summary.warnings.push(...uploads.warnings);
  // Planned again with the real records (a page is refused here only if they outgrew the stand-ins).
  // Without files the checked plan stands: planning a large run twice keeps the event loop busy
  // long enough for Strapi to drop the idle connection the first write would reuse.
  const { plan, errors } =
    media.length === 0
      ? { plan: checked.plan, errors: [] }
      : planWithinLimits(
          pointed(
            input.documents.filter((document) => !refused.has(document.file)),
            uploads.bySitePath,
          ),
          existing,
          payloadBytes,
        );
  for (const error of [...refusals, ...errors]) {
    summary.failed.push({ file: error.file, message: error.message });
    log(error.message);
  }
  const steps = writeSteps(plan);
  if (dryRun) {
    reportDryRun(steps, summary);
    reportNothingChanged(summary, dryRun, log);
    return summary;
  }
  const result = await applyPlan(steps, {
    writer: restDocumentWriter(env),
    publish,
    payloadLimit: payloadBytes,
    log,
    progress,
    concurrency,
  });
  summary.created.push(...result.created);
  summary.updated.push(...result.updated);
  summary.skipped.push(...result.skipped);
  summary.failed.push(...result.failed.map((error) => ({ file: error.file, message: error.message })));
  reportNothingChanged(summary, dryRun, log);
  return summary;
}
