/**
 * The Strapi content types the site shows, by their uids. All three have draft and publish, so
 * saving a draft of one changes nothing public; the CMS, the rebuild service and the tests name
 * them from here.
 */
export const CONTENT_TYPE_UIDS = {
  module: 'api::module.module',
  section: 'api::section.section',
  page: 'api::page.page',
} as const;

/** A uid of a type the site shows. */
export type ContentTypeUid = (typeof CONTENT_TYPE_UIDS)[keyof typeof CONTENT_TYPE_UIDS];

/** Every type the site shows, for checks such as "does this event change the site?". */
export const SITE_CONTENT_TYPES: readonly ContentTypeUid[] = Object.values(CONTENT_TYPE_UIDS);

/** Whether a uid names a type the site shows. */
export const isSiteContentType = (uid: string): uid is ContentTypeUid =>
  SITE_CONTENT_TYPES.some((siteType) => siteType === uid);
