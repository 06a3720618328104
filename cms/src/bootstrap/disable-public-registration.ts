import { z } from 'zod';
import type { Core } from '@strapi/strapi';

const advancedSchema = z.object({ allow_register: z.boolean().optional() }).passthrough();

/**
 * Turns off users-permissions' public sign-up (its "allow register" advanced setting, on by default),
 * on every start, so a tick in the admin does not last either. Nobody has an account on the Content
 * API: editors use the admin panel, programs use API tokens.
 */
export async function disablePublicRegistration(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const parsed = advancedSchema.safeParse(await store.get());
  if (!parsed.success) {
    throw new Error(
      '[cms] The users-permissions advanced settings are missing or changed shape, so public registration could not be turned off. Check @strapi/plugin-users-permissions.',
      { cause: parsed.error },
    );
  }
  if (parsed.data.allow_register === false) return;
  await store.set({ value: { ...parsed.data, allow_register: false } });
  strapi.log.info('[cms] Turned off public registration (users-permissions "allow register").');
}
