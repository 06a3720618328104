import { waitForHttp } from '../lib/wait-for-http.js';

/**
 * Waits until the admin panel's page is served: Strapi's health check answers before the admin
 * bundle is, and "admin answers" is what an editor waits for.
 */
export const waitForAdmin = (adminUrl: string, exited: Promise<void>): Promise<void> =>
  waitForHttp(adminUrl, { what: 'The admin panel', timeoutMs: 120_000, exited, intervalMs: 200 });

/** Waits until the site's home page is served (the live release just switched in). */
export const waitForSiteAnswer = (homeUrl: string): Promise<void> =>
  waitForHttp(homeUrl, { what: 'The site', timeoutMs: 30_000, intervalMs: 100 });
