import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { EDITORIAL_ROLES } from './provision-editorial-roles';

const userServiceSchema = z.object({
  exists: z.function().args(z.record(z.unknown())).returns(z.promise(z.boolean())),
  create: z.function().args(z.record(z.unknown())).returns(z.promise(z.unknown())),
});
const roleSchema = z.object({ id: z.number() }).passthrough().nullable().optional();
const roleServiceSchema = z.object({
  getSuperAdmin: z.function().returns(z.promise(roleSchema)),
  findOne: z.function().args(z.record(z.unknown())).returns(z.promise(roleSchema)),
});

/** A login `npm start` writes into `.env`, and the role it gets. */
interface LocalUser {
  emailVariable: string;
  passwordVariable: string;
  firstname: string;
  /** Strapi's role code, or `super-admin` for the role Strapi finds with its own lookup. */
  roleCode: string;
}

const LOCAL_USERS: LocalUser[] = [
  { emailVariable: 'ADMIN_EMAIL', passwordVariable: 'ADMIN_PASSWORD', firstname: 'Admin', roleCode: 'super-admin' },
  {
    emailVariable: 'AUTHOR_EMAIL',
    passwordVariable: 'AUTHOR_PASSWORD',
    firstname: 'Author',
    roleCode: EDITORIAL_ROLES.author.code,
  },
  {
    emailVariable: 'EDITOR_EMAIL',
    passwordVariable: 'EDITOR_PASSWORD',
    firstname: 'Editor',
    roleCode: EDITORIAL_ROLES.editor.code,
  },
];

/**
 * In development, creates the super admin, a local Author and a local Editor named in `.env`, so
 * people can log in at once (and try each role) instead of filling in the registration form.
 * Never runs in production, where the first admin registers through the admin panel with a
 * password nobody else has seen and invites the others. A user whose email already exists is
 * left as it is (its password may have been changed in the admin since).
 */
export async function ensureLocalUsers(strapi: Core.Strapi): Promise<void> {
  if (process.env.NODE_ENV === 'production') return;
  const users = userServiceSchema.parse(strapi.service('admin::user'));
  const roles = roleServiceSchema.parse(strapi.service('admin::role'));

  for (const local of LOCAL_USERS) {
    const email = process.env[local.emailVariable];
    const password = process.env[local.passwordVariable];
    if (!email || !password || (await users.exists({ email }))) continue;
    const role =
      local.roleCode === 'super-admin' ? await roles.getSuperAdmin() : await roles.findOne({ code: local.roleCode });
    if (!role) {
      throw new Error(`[cms] The role for ${local.emailVariable} (${local.roleCode}) is missing, so ${email} was not created.`);
    }
    await users.create({
      email,
      firstname: local.firstname,
      lastname: 'Local',
      password,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    strapi.log.info(`[cms] Created the local ${local.firstname.toLowerCase()} ${email} (password in .env as ${local.passwordVariable}).`);
  }
}
