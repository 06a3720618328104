import { describe, expect, it } from 'vitest';
import type { EntrySiteState, HistoryEntry, RebuildStatus } from '@lm/shared';
import { describeTrigger, titleKey } from '../../../cms/src/api/publish-status/describe-trigger.js';
import {
  entrySiteState,
  hasUnpublishedChanges,
  plainReason,
  type EntryVersions,
} from '../../../cms/src/api/publish-status/entry-site-state.js';
import { rebuildStatusUrl } from '../../../cms/src/api/publish-status/rebuild-status-url.js';
import { fingerprintOf } from '../../helpers/fake-rebuild.js';

const PAGE = 'api::page.page';
const DOC = 'page-doc-1';
const URL = 'http://localhost:4321/modules/demo/one/';
const at = (minute: number): string => new Date(Date.UTC(2026, 10, 30, 14, minute)).toISOString();
const NOW = Date.parse(at(30));

const page = (publishedAt: string | null, url: string | null = URL): EntryVersions => ({
  uid: PAGE,
  documentId: DOC,
  published: publishedAt === null ? null : { publishedAt, url },
});
const build = (minute: number, result: 'success' | 'failed', extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `r-${String(minute)}`,
  trigger: 'entry.publish api::page.page',
  requests: 1,
  startedAt: at(minute),
  durationMs: 60_000,
  result,
  ...extra,
});
/** A live release whose pages were last published at `latestPublishMinute`. */
const status = (latestPublishMinute: number, extra: Partial<RebuildStatus> = {}): RebuildStatus => {
  const fingerprint = fingerprintOf(1);
  fingerprint.pages.latestPublish = at(latestPublishMinute);
  return {
    live: { id: 'live', builtAt: at(latestPublishMinute + 1), fingerprint, pageCount: 7 },
    running: null,
    queued: false,
    history: [],
    deliveries: [],
    reconcile: { lastAt: null, result: null, error: null },
    ...extra,
  };
};
const named = [{ event: 'entry.publish', uid: PAGE, documentId: DOC }];

describe('entrySiteState', () => {
  const cases: Array<[string, EntryVersions, RebuildStatus | null, EntrySiteState]> = [
    ['never published', page(null), status(5), { state: 'draft' }],
    ['never published, service down', page(null), null, { state: 'draft' }],
    [
      'live: the first build started after the publish gives the time',
      page(at(2)),
      status(2, { history: [build(20, 'success'), build(3, 'success'), build(1, 'success')] }),
      { state: 'live', since: at(4), url: URL },
    ],
    [
      'live, history rotated: the live release’s time',
      page(at(2)),
      status(9, { history: [] }),
      { state: 'live', since: at(10), url: URL },
    ],
    ['published but its section is a draft', page(at(2), null), status(2), { state: 'hidden' }],
    [
      'a running build names it',
      page(at(12)),
      status(5, { running: { id: 'x', trigger: 't', startedAt: at(29), entries: named } }),
      { state: 'building', startedAt: at(29), elapsedMs: 60_000 },
    ],
    [
      'unpublished, the build taking it off runs',
      page(null),
      status(5, { running: { id: 'x', trigger: 't', startedAt: at(29), entries: named } }),
      { state: 'building', startedAt: at(29), elapsedMs: 60_000 },
    ],
    [
      'a running build started after the publish (a content check)',
      page(at(12)),
      status(5, { running: { id: 'x', trigger: 'reconcile (interval)', startedAt: at(13) } }),
      { state: 'building', startedAt: at(13), elapsedMs: 17 * 60_000 },
    ],
    [
      'the waiting build names it',
      page(at(12)),
      status(5, { queued: true, queuedEntries: named }),
      { state: 'queued' },
    ],
    [
      'the build after the publish failed',
      page(at(12)),
      status(5, { history: [build(13, 'failed', { error: 'Aborted: the build took longer than 300 s\nstack' })] }),
      { state: 'failed', reason: 'the build took longer than 300 s', failedAt: at(13) },
    ],
    [
      'a failure before the publish is not this entry’s',
      page(at(12)),
      status(5, { history: [build(11, 'failed', { error: 'boom' })] }),
      { state: 'waiting' },
    ],
    [
      'published, service down',
      page(at(12)),
      null,
      {
        state: 'unknown',
        reason: 'The rebuild service is not answering, so the CMS cannot tell whether the site shows it.',
      },
    ],
  ];
  it.each(cases)('%s', (_name, entry, rebuild, expected) => {
    expect(entrySiteState(entry, rebuild, NOW)).toEqual(expected);
  });
});

describe('hasUnpublishedChanges', () => {
  it.each<[string | null, string | null, boolean]>([
    [at(1), at(1), false],
    [at(2), at(1), true],
    [at(1), null, false],
    [null, at(1), false],
  ])('draft %s, published %s: %s', (draft, published, expected) => {
    expect(hasUnpublishedChanges(draft, published)).toBe(expected);
  });
});

describe('plainReason', () => {
  it.each<[string | undefined, string]>([
    ['[rebuild] The release misses 2 pages:\n- /a/\n- /b/', 'The release misses 2 pages:'],
    [undefined, 'the build stopped without saying why'],
    ['x'.repeat(400), `${'x'.repeat(299)}…`],
  ])('%s', (error, expected) => {
    expect(plainReason(error)).toBe(expected);
  });
});

describe('describeTrigger', () => {
  const titles = new Map([[titleKey(PAGE, DOC), 'Overview']]);
  it.each<[string, { trigger: string; entries?: HistoryEntry['entries'] }, string]>([
    [
      'a named page with its title',
      { trigger: 'entry.publish api::page.page', entries: named },
      'Page published: Overview',
    ],
    [
      'several entries',
      {
        trigger: 'entry.publish api::page.page',
        entries: [...named, { event: 'entry.unpublish', uid: 'api::module.module', documentId: 'm' }],
      },
      'Page published: Overview and 1 more',
    ],
    [
      'a deleted entry (no title)',
      {
        trigger: 'entry.delete api::section.section',
        entries: [{ event: 'entry.delete', uid: 'api::section.section', documentId: 'gone' }],
      },
      'Section deleted',
    ],
    ['an old history entry', { trigger: 'entry.unpublish api::module.module' }, 'Module unpublished'],
    ['a media change', { trigger: 'media.update' }, 'A media file was replaced'],
    [
      'the regular check',
      { trigger: 'reconcile (interval): the published content changed' },
      'Regular content check: the published content changed',
    ],
    ['something else', { trigger: 'unknown (interrupted)' }, 'unknown (interrupted)'],
  ])('%s', (_name, built, expected) => {
    expect(describeTrigger(built, titles)).toBe(expected);
  });
});

describe('rebuildStatusUrl', () => {
  it.each<[Record<string, string>, string | null]>([
    [{ REBUILD_WEBHOOK_URL: 'http://127.0.0.1:4322/hooks/strapi' }, 'http://127.0.0.1:4322/status'],
    [
      { REBUILD_WEBHOOK_URL: 'http://a:1/hooks/strapi', REBUILD_STATUS_URL: 'https://b/rebuild/status' },
      'https://b/rebuild/status',
    ],
    [{ REBUILD_WEBHOOK_URL: '' }, null],
    [{}, null],
  ])('%j', (env, expected) => {
    expect(rebuildStatusUrl(env)).toBe(expected);
  });
});
