import { describe, expect, it } from 'vitest';
import type { EntryPublishStatus, EntrySiteState, PublishBuild } from '@lm/shared';
import {
  buildLine,
  clockTime,
  duration,
  entryStatusText,
  type EntryStatusText,
} from '../../../cms/src/admin/publish-status/publish-status-text.js';

const NOW = new Date('2026-11-30T14:30:00.000Z');
const URL = 'http://localhost:4321/modules/partnerships/two-zero/';
const status = (site: EntrySiteState, unpublishedChanges = false): EntryPublishStatus => ({
  uid: 'api::page.page',
  documentId: 'd',
  publishedAt: '2026-11-30T14:00:00.000Z',
  unpublishedChanges,
  site,
  checkedAt: NOW.toISOString(),
});
const text = (headline: string, extra: Partial<EntryStatusText> = {}): EntryStatusText => ({
  headline,
  link: null,
  note: null,
  publishing: false,
  ...extra,
});

describe('entryStatusText', () => {
  it.each<[string, EntryPublishStatus, EntryStatusText]>([
    [
      'live',
      status({ state: 'live', since: '2026-11-30T14:02:00.000Z', url: URL }),
      text('Live on the site since 14:02', { link: URL }),
    ],
    [
      'live with newer draft',
      status({ state: 'live', since: '2026-11-30T14:02:00.000Z', url: URL }, true),
      text('Live on the site since 14:02', { link: URL, note: 'Changes not published yet' }),
    ],
    [
      'building',
      status({ state: 'building', startedAt: '2026-11-30T14:29:57.000Z', elapsedMs: 3200 }),
      text('Publishing… (building, 3 s)', { publishing: true }),
    ],
    ['queued', status({ state: 'queued' }), text('Publishing… (queued)', { publishing: true })],
    [
      'failed',
      status({ state: 'failed', reason: 'the build took longer than 300 s', failedAt: NOW.toISOString() }),
      text('Not live: the build failed: the build took longer than 300 s'),
    ],
    ['draft only', status({ state: 'draft' }, true), text('Draft only')],
    [
      'rebuild service down',
      status({ state: 'unknown', reason: 'The rebuild service is not answering.' }),
      text('The rebuild service is not answering.'),
    ],
  ])('%s', (_name, given, expected) => {
    expect(entryStatusText(given, NOW, 'UTC')).toEqual(expected);
  });
});

describe('clockTime and duration', () => {
  it('shows the time alone today, with the date on another day', () => {
    expect(clockTime('2026-11-30T09:05:00.000Z', NOW, 'UTC')).toBe('09:05');
    expect(clockTime('2026-11-28T09:05:00.000Z', NOW, 'UTC')).toBe('28 Nov, 09:05');
  });
  it.each<[number, string]>([
    [400, '0 s'],
    [3_200, '3 s'],
    [125_000, '2 min 5 s'],
    [120_000, '2 min'],
  ])('%d ms is %s', (ms, expected) => {
    expect(duration(ms)).toBe(expected);
  });
  it('lists a build with its time, duration and trigger', () => {
    const build: PublishBuild = {
      id: 'r',
      trigger: 'Page published: Overview',
      startedAt: '2026-11-30T14:02:00.000Z',
      durationMs: 4_000,
      result: 'success',
      error: null,
      warnings: 0,
    };
    expect(buildLine(build, NOW, 'UTC')).toBe('14:02 · 4 s · Page published: Overview');
  });
});
