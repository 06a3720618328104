import { z } from 'zod';
import type { Core } from '@strapi/strapi';

const userServiceSchema = z.object({
  exists: z.function().args(z.record(z.unknown())).returns(z.promise(z.boolean())),
  create: z.function().args(z.record(z.unknown())).returns(z.promise(z.unknown())),
});
const roleServiceSchema = z.object({
  getSuperAdmin: z.function().returns(z.promise(z.object({ id: z.number() }).passthrough().nullable().optional())),
});

/**
 * In development, creates the super admin named in `.env` so an editor can log in at once instead
 * of filling in the registration form. Never runs in production, where the first admin registers
 * through the admin panel with a password nobody else has seen.
 */
export async function ensureLocalAdmin(strapi: Core.Strapi): Promise<void> {
  if (process.env.NODE_ENV === 'production') return;
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;

  const users = userServiceSchema.parse(strapi.service('admin::user'));
  if (await users.exists({ email })) return;
  const roles = roleServiceSchema.parse(strapi.service('admin::role'));
  const superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) {
    throw new Error('[cms] The Super Admin role is missing, so the local admin could not be created.');
  }
  await users.create({
    email,
    firstname: 'Local',
    lastname: 'Editor',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`[cms] Created the local admin ${email} (password in .env as ADMIN_PASSWORD).`);
}
