import type { BuildEntry, EntrySiteState, Fingerprint, RebuildStatus } from '@lm/shared';

/** One entry's versions, as the document service holds them. */
export interface EntryVersions {
  uid: string;
  documentId: string;
  /** The published version, null when the entry has none. */
  published: {
    publishedAt: string;
    /** Its public URL (or path); null when its section or module is not published. */
    url: string | null;
  } | null;
}

/** Where each type's part of the rebuild service's fingerprint is. */
const FINGERPRINT_KEYS: Record<string, keyof Fingerprint> = {
  'api::module.module': 'modules',
  'api::section.section': 'sections',
  'api::page.page': 'pages',
};

const names = (entry: EntryVersions) => (listed: BuildEntry) =>
  listed.uid === entry.uid && listed.documentId === entry.documentId;

/**
 * Whether the live release was built from content that holds this publish. The release keeps the
 * fingerprint read as its build started (before the build read any content), and its latest
 * publish time of the entry's type can only reach the entry's own after the entry was published.
 */
function liveHolds(status: RebuildStatus, uid: string, publishedAt: string): boolean {
  const key = FINGERPRINT_KEYS[uid];
  const latest = key ? status.live?.fingerprint[key].latestPublish : null;
  return typeof latest === 'string' && Date.parse(latest) >= Date.parse(publishedAt);
}

/** A build's error as editors should read it: the first line, without the log's prefixes. */
export function plainReason(error: string | undefined): string {
  const firstLine =
    (error ?? '')
      .split('\n')[0]
      ?.replace(/^\[[a-z-]+\]\s*/i, '')
      .replace(/^Aborted:\s*/, '') ?? '';
  const text = firstLine.trim() || 'the build stopped without saying why';
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/**
 * Tells where one entry stands on the public site from its versions and the rebuild service's
 * /status (null when the service did not answer). A build that names the entry wins, because it
 * is about to change what the site shows; then whether the live release holds the latest publish;
 * then whether a build since that publish failed.
 */
export function entrySiteState(entry: EntryVersions, status: RebuildStatus | null, now: number): EntrySiteState {
  const { published } = entry;
  if (!status) {
    return published
      ? {
          state: 'unknown',
          reason: 'The rebuild service is not answering, so the CMS cannot tell whether the site shows it.',
        }
      : { state: 'draft' };
  }
  const building = (startedAt: string): EntrySiteState => ({
    state: 'building',
    startedAt,
    elapsedMs: Math.max(0, now - Date.parse(startedAt)),
  });
  const { running } = status;
  if (running?.entries?.some(names(entry))) return building(running.startedAt);
  if (status.queued && status.queuedEntries?.some(names(entry))) return { state: 'queued' };
  if (!published) return { state: 'draft' };

  const publishedAt = Date.parse(published.publishedAt);
  if (liveHolds(status, entry.uid, published.publishedAt)) {
    if (published.url === null) return { state: 'hidden' };
    // History is newest first: the last success started after the publish is the one that took it live.
    const wentLive = status.history.filter(
      (build) => build.result === 'success' && Date.parse(build.startedAt) >= publishedAt,
    );
    const first = wentLive[wentLive.length - 1];
    const since =
      first && first.durationMs !== null
        ? new Date(Date.parse(first.startedAt) + first.durationMs).toISOString()
        : (status.live?.builtAt ?? published.publishedAt);
    return { state: 'live', since, url: published.url };
  }
  // A build that started after the publish reads it, whichever delivery (or check) asked for it.
  if (running && Date.parse(running.startedAt) >= publishedAt) return building(running.startedAt);
  if (status.queued) return { state: 'queued' };
  const failed = status.history.find((build) => Date.parse(build.startedAt) >= publishedAt);
  if (failed?.result === 'failed')
    return { state: 'failed', reason: plainReason(failed.error), failedAt: failed.startedAt };
  return { state: 'waiting' };
}

/**
 * Whether the draft was saved after the published version. Publishing copies the draft's
 * `updatedAt` onto the published version; the content manager's "Modified" badge compares the two
 * the same way.
 */
export function hasUnpublishedChanges(draftUpdatedAt: string | null, publishedUpdatedAt: string | null): boolean {
  if (draftUpdatedAt === null || publishedUpdatedAt === null) return false;
  return Date.parse(draftUpdatedAt) > Date.parse(publishedUpdatedAt);
}
