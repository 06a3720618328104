import { z } from 'zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { strapiRequest } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { postgresForTest, type TestDatabase } from '../helpers/postgres-for-test.js';

/**
 * Two Strapi instances on one PostgreSQL database, as behind a load balancer on two machines: the
 * second is started with the first one's secrets and tokens (what every instance must share), on
 * a port of its own. What one writes, the other reads; a login on one is good on the other, so the
 * balancer needs no sticky sessions.
 */

/** Variables that belong to one instance (its port, its URL, its files), not to the deployment. */
const PER_INSTANCE = new Set(['PORT', 'STRAPI_URL', 'ENV_PATH', 'HOME', 'PATH']);

let database: TestDatabase;
let first: ThrowawayStrapi;
let second: ThrowawayStrapi;

const documentSchema = z.object({ data: z.object({ documentId: z.string(), title: z.string() }) });
const loginSchema = z.object({ data: z.object({ token: z.string() }) });

beforeAll(async () => {
  database = await postgresForTest('lm_two_instances');
  first = await startThrowawayStrapi(database.env);
  const shared = Object.fromEntries(Object.entries(first.env).filter(([key]) => !PER_INSTANCE.has(key)));
  second = await startThrowawayStrapi(shared);
});

afterAll(async () => {
  await second.stop();
  await first.stop();
  await database.stop();
});

it('reads through one instance the document written through the other', async () => {
  expect(second.url).not.toBe(first.url);
  const created = documentSchema.parse(
    await strapiRequest(first.write, 'POST', '/api/modules', {
      data: { title: 'Written on the first', slug: 'written-on-the-first', summary: 'Two instances.', order: 1 },
    }),
  );
  const read = documentSchema.parse(
    await strapiRequest(second.write, 'GET', `/api/modules/${created.data.documentId}?status=draft`),
  );
  expect(read.data.title).toBe('Written on the first');
});

it('accepts on one instance the admin login made on the other', async () => {
  const login = await fetch(`${first.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: first.env.ADMIN_EMAIL, password: first.env.ADMIN_PASSWORD }),
  });
  const { token } = loginSchema.parse(await login.json()).data;
  const me = await fetch(`${second.url}/admin/users/me`, { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
});
