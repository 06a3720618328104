import { z } from 'zod';
import type { Core } from '@strapi/strapi';

const roleSchema = z.object({ id: z.number() }).nullable();
const deletedSchema = z.object({ count: z.number() });

/**
 * The public site is built with a read-only API token, so anonymous visitors of the CMS must not
 * read anything, drafts or published. Removing every permission of the Public role on each start
 * also undoes a permission an admin ticked by mistake.
 */
export async function lockDownPublicRole(strapi: Core.Strapi): Promise<void> {
  const publicRole = roleSchema.parse(
    await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } }),
  );
  if (!publicRole) {
    throw new Error('[cms] The users-permissions Public role is missing; the plugin did not bootstrap.');
  }
  const deleted = deletedSchema.parse(
    await strapi.db
      .query('plugin::users-permissions.permission')
      .deleteMany({ where: { role: { id: publicRole.id } } }),
  );
  if (deleted.count > 0) {
    strapi.log.info(`[cms] Removed ${deleted.count} permission(s) from the Public role.`);
  }
}
