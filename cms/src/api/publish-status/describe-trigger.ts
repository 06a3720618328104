import type { BuildEntry } from '@lm/shared';

/** How editors call the types the site shows. */
const TYPE_NAMES: Record<string, string> = {
  'api::module.module': 'Module',
  'api::section.section': 'Section',
  'api::page.page': 'Page',
};

/** What an event did, in words. */
const EVENT_WORDS: Record<string, string> = {
  'entry.publish': 'published',
  'entry.unpublish': 'unpublished',
  'entry.delete': 'deleted',
  'entry.create': 'created',
  'entry.update': 'saved',
};

const MEDIA_WORDS: Record<string, string> = {
  'media.update': 'A media file was replaced',
  'media.delete': 'A media file was deleted',
};

/** Where the rebuild service's own checks came from (`reconcile (<reason>): <why>`). */
const RECONCILE_WORDS: Record<string, string> = {
  startup: 'Check at the rebuild service’s start',
  interval: 'Regular content check',
};

/** The key under which `titles` holds an entry's title. */
export const titleKey = (uid: string, documentId: string): string => `${uid}/${documentId}`;

/** "Page published", from an event and a uid. */
function eventInWords(event: string, uid: string | undefined): string | null {
  const verb = EVENT_WORDS[event];
  if (!verb) return MEDIA_WORDS[event] ?? null;
  return `${(uid && TYPE_NAMES[uid]) ?? 'An entry'} ${verb}`;
}

/**
 * What asked for a build, in the words an editor uses: "Page published: Overview" when the build
 * names the entries its deliveries were about (and their titles are known), else the event
 * ("Page published"), the rebuild service's own check, or the raw trigger as a last resort.
 */
export function describeTrigger(
  build: { trigger: string; entries?: BuildEntry[] },
  titles: ReadonlyMap<string, string>,
): string {
  const [first, ...others] = build.entries ?? [];
  const more = others.length > 0 ? ` and ${others.length} more` : '';
  if (first) {
    const words = eventInWords(first.event, first.uid) ?? first.event;
    const title = titles.get(titleKey(first.uid, first.documentId));
    return `${words}${title ? `: ${title}` : ''}${more}`;
  }
  const reconcile = /^reconcile \(([^)]*)\)(?::\s*(.*))?$/.exec(build.trigger);
  if (reconcile) {
    const origin = RECONCILE_WORDS[reconcile[1] ?? ''] ?? 'Content check';
    return reconcile[2] ? `${origin}: ${reconcile[2]}` : origin;
  }
  const [event = '', uid] = build.trigger.split(' ');
  return eventInWords(event, uid) ?? build.trigger;
}
