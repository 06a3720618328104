import { describe, expect, it } from 'vitest';
import { applyPlan, type DocumentWriter } from '../../../scripts/import/apply-plan.js';
import { planImport, type ExistingContent } from '../../../scripts/import/import-plan.js';
import type { PageDocument } from '../../../scripts/import/page-document.js';
import type { Collection } from '../../../scripts/lib/strapi-rest-client.js';
import { writeSteps } from '../../../scripts/import/write-steps.js';
import { pageDocument } from './page-document-fixture.js';

type Operation = 'createDraft' | 'updateDraft' | 'publish' | 'remove';

/**
 * An in-memory Strapi with drafts and published versions. `refuse` decides which writes fail,
 * as Strapi or the network would: by operation and the page slug or title in the data.
 */
function fakeStrapi(refuse: (operation: Operation, collection: Collection, label: string) => boolean = () => false) {
  const documents = new Map<string, { collection: Collection; draft: string; published: string | null }>();
  const labels = new Map<string, string>();
  const calls: string[] = [];
  let next = 0;
  const labelOf = (collection: Collection, data: Record<string, unknown>): string =>
    `${collection}:${JSON.stringify(data.slug ?? '')}`;
  const attempt = (operation: Operation, collection: Collection, label: string): void => {
    calls.push(`${operation} ${label}`);
    if (refuse(operation, collection, label))
      throw new Error(`[import] Strapi refused ${label} (400 ValidationError).`);
  };
  const writer: DocumentWriter = {
    createDraft(collection, data) {
      const label = labelOf(collection, data);
      attempt('createDraft', collection, label);
      const documentId = `doc${(next += 1)}`;
      documents.set(documentId, { collection, draft: JSON.stringify(data), published: null });
      labels.set(documentId, label);
      return Promise.resolve(documentId);
    },
    updateDraft(collection, documentId, data) {
      attempt('updateDraft', collection, labelOf(collection, data));
      const document = documents.get(documentId);
      if (document) document.draft = JSON.stringify(data);
      return Promise.resolve();
    },
    publish(collection, documentId) {
      attempt('publish', collection, labels.get(documentId) ?? documentId);
      const document = documents.get(documentId);
      if (document) document.published = document.draft;
      return Promise.resolve();
    },
    remove(collection, documentId) {
      attempt('remove', collection, labels.get(documentId) ?? documentId);
      documents.delete(documentId);
      return Promise.resolve();
    },
  };
  /** What the public sees: published versions, by label. */
  const published = (): string[] =>
    [...documents].filter(([, document]) => document.published !== null).map(([id]) => labels.get(id) ?? id);
  return { writer, documents, calls, published };
}

const NOTHING: ExistingContent = { modules: [], sections: [], pages: [] };
const quiet = (): void => undefined;
const run = (documents: PageDocument[], writer: DocumentWriter, publish = true, existing = NOTHING) =>
  applyPlan(writeSteps(planImport(documents, existing)), { writer, publish, payloadLimit: 1024 * 1024, log: quiet });

const good = pageDocument('good.md', 'good');
const bad = pageDocument('bad.md', 'bad');
const refusesBad = (operation: Operation) => (op: Operation, _collection: Collection, label: string) =>
  op === operation && label === 'pages:"bad"';

describe('applyPlan', () => {
  it('writes drafts parents first, then publishes, parents first', async () => {
    const strapi = fakeStrapi();
    const result = await run([good], strapi.writer);
    expect(strapi.calls).toEqual([
      'createDraft modules:"partnerships"',
      'createDraft sections:"what-is-a-partnership"',
      'createDraft pages:"good"',
      'publish modules:"partnerships"',
      'publish sections:"what-is-a-partnership"',
      'publish pages:"good"',
    ]);
    expect(result.failed).toEqual([]);
    expect(result.created).toHaveLength(3);
  });

  it('without --publish, publishes nothing', async () => {
    const strapi = fakeStrapi();
    await run([good], strapi.writer, false);
    expect(strapi.calls.filter((call) => call.startsWith('publish'))).toEqual([]);
  });

  it.each(['createDraft', 'publish'] as const)(
    'a page whose %s fails, alone in a new module: nothing published, the module and section it created are deleted',
    async (operation) => {
      const strapi = fakeStrapi(refusesBad(operation));
      const result = await run([bad], strapi.writer);
      expect(strapi.documents.size).toBe(0);
      expect(strapi.published()).toEqual([]);
      expect(result.created).toEqual([]);
      expect(result.failed.map((error) => error.file)).toEqual(['bad.md']);
      expect(result.failed[0]?.message).toMatch(
        /^\[import\] bad\.md: page partnerships\/bad was .*400 ValidationError/,
      );
      expect(result.failed[0]?.message).toContain(
        'Nothing of it was published, and what this run created for it was removed',
      );
    },
  );

  it('a page that fails beside a good one in the same new module: the module and section stay, with the good page only', async () => {
    const strapi = fakeStrapi(refusesBad('createDraft'));
    const result = await run([good, bad], strapi.writer);
    expect(strapi.published()).toEqual(['modules:"partnerships"', 'sections:"what-is-a-partnership"', 'pages:"good"']);
    expect(result.failed.map((error) => error.file)).toEqual(['bad.md']);
    expect(result.created).toEqual([
      'module partnerships',
      'section partnerships/what-is-a-partnership',
      'page partnerships/good',
    ]);
  });

  it('a section that fails fails all its files, and deletes the module created for them; no page is written', async () => {
    const strapi = fakeStrapi((op, collection) => op === 'createDraft' && collection === 'sections');
    const result = await run([good, bad], strapi.writer);
    expect(strapi.calls.some((call) => call.includes('pages'))).toBe(false);
    expect(strapi.documents.size).toBe(0);
    expect(result.failed.map((error) => error.file).sort()).toEqual(['bad.md', 'good.md']);
  });

  it('a failed update of a published page leaves its published version alone and deletes nothing that existed', async () => {
    let refusing = false;
    const strapi = fakeStrapi(
      (op, _collection, label) => refusing && refusesBad('updateDraft')(op, _collection, label),
    );
    await run([bad], strapi.writer);
    const publishedBefore = [...strapi.documents.values()].map((document) => document.published);
    const existing: ExistingContent = {
      modules: [{ slug: 'partnerships', documentId: 'doc1', fingerprint: 'old' }],
      sections: [{ moduleSlug: 'partnerships', slug: 'what-is-a-partnership', documentId: 'doc2', fingerprint: 'old' }],
      pages: [{ moduleSlug: 'partnerships', slug: 'bad', documentId: 'doc3', fingerprint: 'old' }],
    };
    refusing = true;
    strapi.calls.length = 0;

    const renamed = { ...bad, module: { ...bad.module, title: 'Renamed' } };
    const result = await run([renamed], strapi.writer, true, existing);
    expect(result.failed.map((error) => error.file)).toEqual(['bad.md']);
    // Drafts only: nothing published, nothing removed.
    expect(strapi.calls.filter((call) => !call.startsWith('updateDraft'))).toEqual([]);
    expect([...strapi.documents.values()].map((document) => document.published)).toEqual(publishedBefore);
    expect(strapi.documents.get('doc1')?.draft).toContain('Renamed');
    expect(result.updated).toEqual([
      'module partnerships (draft only, not published)',
      'section partnerships/what-is-a-partnership (draft only, not published)',
    ]);
  });

  it('unchanged documents are neither written nor published', async () => {
    const plan = planImport([good], NOTHING);
    const unchanged: ExistingContent = {
      modules: plan.modules.map((entity) => ({
        slug: entity.fields.slug,
        documentId: 'm',
        fingerprint: entity.fingerprint,
      })),
      sections: plan.sections.map((entity) => ({
        moduleSlug: entity.moduleSlug,
        slug: entity.fields.slug,
        documentId: 's',
        fingerprint: entity.fingerprint,
      })),
      pages: plan.pages.map((entity) => ({
        moduleSlug: entity.moduleSlug,
        slug: entity.fields.slug,
        documentId: 'p',
        fingerprint: entity.fingerprint,
      })),
    };
    const strapi = fakeStrapi();
    const result = await run([good], strapi.writer, true, unchanged);
    expect(strapi.calls).toEqual([]);
    expect(result.skipped).toHaveLength(3);
  });

  it('says so, naming the document, when what it created cannot be deleted', async () => {
    const strapi = fakeStrapi(
      (op, collection, label) => (op === 'createDraft' && label === 'pages:"bad"') || op === 'remove',
    );
    const result = await run([bad], strapi.writer);
    expect(result.failed[0]?.message).toMatch(
      /module partnerships \(documentId doc1\), created by this run, could not be removed .*Delete it in the Strapi admin\./,
    );
    expect(result.created).toEqual([]);
  });

  it('never sends a write over the payload limit', async () => {
    const strapi = fakeStrapi();
    const result = await applyPlan(writeSteps(planImport([good], NOTHING)), {
      writer: strapi.writer,
      publish: true,
      payloadLimit: 10,
      log: quiet,
    });
    expect(strapi.calls).toEqual([]);
    expect(result.failed[0]?.message).toContain('would be sent to Strapi as');
  });
});
