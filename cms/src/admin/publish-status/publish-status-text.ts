import type { EntryPublishStatus, PublishBuild } from '@lm/shared/browser';

/** What the side panel says about one entry. */
export interface EntryStatusText {
  /** The main line, e.g. "Live on the site since 14:02". */
  headline: string;
  /** The live page, linked as "View live page". */
  link: string | null;
  /** A second line, e.g. "Changes not published yet". */
  note: string | null;
  /** The state is about to change, so the panel asks again soon. */
  publishing: boolean;
}

/** Editors read times on the clock of their own computer; a date only when it is not today. */
export function clockTime(iso: string, now: Date, timeZone?: string): string {
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
  const day = (value: Date): string => value.toLocaleDateString('en-GB', { timeZone });
  const time = date.toLocaleTimeString('en-GB', options);
  if (day(date) === day(now)) return time;
  return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone })}, ${time}`;
}

/** "3 s", "2 min 5 s". */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${String(seconds)} s`;
  const rest = seconds % 60;
  return `${String(Math.floor(seconds / 60))} min${rest > 0 ? ` ${String(rest)} s` : ''}`;
}

/** The side panel's words for one entry's publish status. */
export function entryStatusText(status: EntryPublishStatus, now: Date, timeZone?: string): EntryStatusText {
  const { site } = status;
  const note = status.unpublishedChanges ? 'Changes not published yet' : null;
  const text = (headline: string, extra: Partial<EntryStatusText> = {}): EntryStatusText => ({
    headline,
    link: null,
    note,
    publishing: false,
    ...extra,
  });
  switch (site.state) {
    case 'live':
      return text(`Live on the site since ${clockTime(site.since, now, timeZone)}`, { link: site.url });
    case 'building':
      return text(`Publishing… (building, ${duration(site.elapsedMs)})`, { publishing: true });
    case 'queued':
      return text('Publishing… (queued)', { publishing: true });
    case 'waiting':
      return text('Publishing… (waiting for the rebuild service)', { publishing: true });
    case 'failed':
      return text(`Not live: the build failed: ${site.reason}`);
    case 'draft':
      return text('Draft only', { note: null });
    case 'hidden':
      return text('Published, but not on the site: its section or module is not published yet');
    case 'unknown':
      return text(site.reason);
  }
}

/** One line of the homepage widget's build list: "14:02 · 4 s · Page published: Overview". */
export function buildLine(build: PublishBuild, now: Date, timeZone?: string): string {
  const took = build.durationMs === null ? 'interrupted' : duration(build.durationMs);
  return `${clockTime(build.startedAt, now, timeZone)} · ${took} · ${build.trigger}`;
}
