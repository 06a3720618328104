import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RebuildStatus } from '@lm/shared';
import { WarmSiteBuilder } from '../../scripts/lib/warm-site-builder.js';
import { runImport } from '../../scripts/import/run-import.js';
import { createDocument, listDocuments } from '../../scripts/lib/strapi-rest-client.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { astroBuildRunner } from '../../scripts/rebuilder/astro-build-runner.js';
import type { BuildRunner } from '../../scripts/rebuilder/build-runner.js';
import { runRebuilder, type RunningRebuilder } from '../../scripts/rebuilder/run-rebuilder.js';
import { fetchRebuildStatus } from '../helpers/fetch-rebuild-status.js';
import { pollUntil } from '../helpers/poll.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * The release check and the build's warnings, against a real Strapi and real builds: what goes live
 * must match the published content, and one entry the site cannot render safely costs that entry's
 * block and a warning, not the whole site.
 */

const demo = path.resolve('scripts/start/demo');
type Status = RebuildStatus;

let strapi: ThrowawayStrapi;
let builder: WarmSiteBuilder;
let rebuilder: RunningRebuilder;
let releasesDir: string;
/** Set by a test: the page file the next build loses after Astro wrote it. */
let losePage: string | null = null;

const status = (): Promise<Status> => fetchRebuildStatus(rebuilder.apiUrl);

/** Asks for a build and waits until it has finished; returns its history entry and the status. */
async function buildOnce(trigger: string): Promise<{ entry: Status['history'][number]; status: Status }> {
  const before = (await status()).history.length;
  rebuilder.service.request(trigger);
  const after = await pollUntil(
    `the build "${trigger}"`,
    async () => {
      const current = await status();
      return !current.running && !current.queued && current.history.length > before ? current : undefined;
    },
    180_000,
  );
  const entry = after.history[0];
  if (!entry) throw new Error('The status lists no build.');
  return { entry, status: after };
}

const liveFile = (urlPath: string): Promise<string> =>
  readFile(path.join(releasesDir, 'live', ...urlPath.split('/').filter(Boolean), 'index.html'), 'utf8');

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  await runImport({ paths: [demo], publish: true, dryRun: false, env: strapi.write, log: () => undefined });
  releasesDir = await tempDir('release-check');
  builder = new WarmSiteBuilder({ PATH: process.env.PATH, ...strapi.read });
  const realBuild = astroBuildRunner(builder, { info: () => undefined, error: () => undefined });
  const build: BuildRunner = async (context) => {
    const outcome = await realBuild(context);
    if (losePage) await rm(path.join(context.outDir, losePage));
    return outcome;
  };
  rebuilder = await runRebuilder({
    env: {
      PATH: process.env.PATH,
      ...strapi.read,
      REBUILD_WEBHOOK_SECRET: randomBytes(24).toString('base64url'),
      REBUILD_PORT: String(await freePort()),
      SITE_PORT: String(await freePort()),
      RELEASES_DIR: releasesDir,
      REBUILD_DEBOUNCE_MS: '100',
      RECONCILE_INTERVAL_MS: '0',
    },
    build,
    logger: { info: () => undefined, error: () => undefined },
  });
  await pollUntil('the first release', async () => ((await status()).live ? true : undefined), 180_000);
});

afterAll(async () => {
  await rebuilder.stop();
  builder.stop();
  await strapi.stop();
  await rm(releasesDir, { recursive: true, force: true });
});

describe('the release check', () => {
  it('keeps the last good release live when a build lost a published page, and lists the page', async () => {
    const live = (await status()).live?.id;
    losePage = 'modules/partnerships/two-one/index.html';
    try {
      const { entry, status: after } = await buildOnce('test: a build that loses a page');
      expect(entry.result).toBe('failed');
      expect(entry.error).toContain('missing /modules/partnerships/two-one/');
      expect(after.live?.id).toBe(live);
      await expect(liveFile('/modules/partnerships/two-one/')).resolves.toContain('2.1');
    } finally {
      losePage = null;
    }
  });

  it('lets a release go live with a published page that has no section, and says so in /status', async () => {
    // The CMS refuses to publish a page without a section, and to delete a section with published
    // pages in it; such pages can still exist from before those rules, so the section is removed
    // in the database, under Strapi.
    const [partnerships] = await listDocuments(
      strapi.write,
      'modules',
      new URLSearchParams({ status: 'draft', 'filters[slug][$eq]': 'partnerships' }),
    );
    const module = z.object({ documentId: z.string() }).parse(partnerships).documentId;
    const section = await createDocument(
      strapi.write,
      'sections',
      { module, number: 9, title: 'Soon Deleted', slug: 'soon-deleted' },
      'published',
    );
    const page = await createDocument(
      strapi.write,
      'pages',
      { section, number: '9.9', title: 'Page Without A Section', slug: 'without-section', body: [] },
      'published',
    );
    const database = new Database(strapi.env.DATABASE_FILENAME);
    try {
      database.prepare('DELETE FROM sections WHERE document_id = ?').run(section);
      database
        .prepare('DELETE FROM pages_section_lnk WHERE page_id IN (SELECT id FROM pages WHERE document_id = ?)')
        .run(page);
      // As an editor's save would, so the build reads the page again rather than from its cache.
      database.prepare('UPDATE pages SET updated_at = updated_at + 1000 WHERE document_id = ?').run(page);
    } finally {
      database.close();
    }
    const { entry } = await buildOnce('test: an orphan page');
    expect(entry.result).toBe('success');
    expect(entry.warnings?.join('\n')).toContain(
      '"Page Without A Section" (without-section) is on no page of the site',
    );
  });
});

describe('content the site cannot render safely', () => {
  it('leaves out the block with an unsafe URL, goes live, and names it in /status', async () => {
    // Older data, saved before the CMS refused such URLs: written straight into the database.
    const database = new Database(strapi.env.DATABASE_FILENAME);
    const rows = z
      .array(z.object({ id: z.number(), content: z.string() }))
      .parse(database.prepare('SELECT id, content FROM components_content_rich_texts').all());
    const hostile = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Before ' },
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'a hostile link' }] },
        ],
      },
    ];
    const update = database.prepare('UPDATE components_content_rich_texts SET content = ? WHERE id = ?');
    for (const row of rows) {
      const content = z.array(z.unknown()).parse(JSON.parse(row.content));
      update.run(JSON.stringify([...content, ...hostile]), row.id);
    }
    // As an editor's save would, so the build reads the pages again rather than from its cache.
    const stamp = z
      .object({ updated_at: z.union([z.number(), z.string()]) })
      .parse(database.prepare('SELECT updated_at FROM pages LIMIT 1').get()).updated_at;
    database
      .prepare('UPDATE pages SET updated_at = ?')
      .run(typeof stamp === 'number' ? Date.now() : new Date().toISOString());
    database.close();

    const { entry } = await buildOnce('test: older unsafe content');
    expect(entry.result).toBe('success');
    expect(entry.warnings?.join('\n')).toContain('"javascript:alert(1)"');
    const page = await liveFile('/modules/partnerships/two-zero/');
    expect(page).not.toContain('javascript:');
    expect(page).not.toContain('a hostile link');
    expect(page).toContain('IS THIS A GOOD PARTNERSHIP OPPORTUNITY?');

    // Warnings stay while the content is unchanged, although the page is now cached.
    const again = await buildOnce('test: nothing changed');
    expect(again.entry.warnings?.join('\n')).toContain('"javascript:alert(1)"');
  });
});
