/**
 * The header in which Strapi's rebuild webhook carries REBUILD_WEBHOOK_SECRET. The CMS writes it
 * into the webhook at bootstrap and the rebuild service refuses deliveries without it, so a rename
 * on one side alone would silently stop every publish from reaching the site. Lower case, as Node
 * lower-cases the names in `request.headers`.
 */
export const REBUILD_SECRET_HEADER = 'x-rebuild-secret';
