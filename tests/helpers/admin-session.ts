import { z } from 'zod';
import type { ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';

const loginSchema = z.object({ data: z.object({ token: z.string() }) });

/**
 * Logs in as the local admin (created from ADMIN_EMAIL / ADMIN_PASSWORD in development) and
 * returns a function calling the admin API as an editor in the admin panel would. Unpublishing has
 * no Content API endpoint in Strapi 5: editors do it here.
 */
export async function adminSession(
  strapi: ThrowawayStrapi,
): Promise<(method: string, path: string) => Promise<number>> {
  const response = await fetch(`${strapi.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: strapi.env.ADMIN_EMAIL, password: strapi.env.ADMIN_PASSWORD }),
  });
  const { token } = loginSchema.parse(await response.json()).data;
  return async (method, path) => {
    const result = await fetch(`${strapi.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: method === 'GET' ? undefined : '{}',
    });
    return result.status;
  };
}
