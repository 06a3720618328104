/** The public site's URLs, in one place so that links and routes cannot drift apart. */

/** The home page, which lists modules. */
export const homeUrl = (): string => '/';

/** A module's home: its sections in order, their outcomes and pages. */
export const moduleUrl = (moduleSlug: string): string => `/modules/${moduleSlug}/`;

/** One page of a module, such as `/modules/partnerships/two-zero/`. */
export const pageUrl = (moduleSlug: string, pageSlug: string): string => `/modules/${moduleSlug}/${pageSlug}/`;
