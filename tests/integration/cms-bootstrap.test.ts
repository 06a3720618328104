import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';

let strapi: ThrowawayStrapi;
let adminToken: string;

const loginSchema = z.object({ data: z.object({ token: z.string() }) });
const configurationSchema = z.object({
  data: z.object({
    contentType: z.object({
      settings: z.object({ mainField: z.string(), defaultSortBy: z.string(), defaultSortOrder: z.string() }),
      metadatas: z.record(
        z.object({ edit: z.object({ label: z.string().optional(), description: z.string().optional() }) }),
      ),
      layouts: z.object({ list: z.array(z.string()) }),
    }),
  }),
});

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  const response = await fetch(`${strapi.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: strapi.env.ADMIN_EMAIL, password: strapi.env.ADMIN_PASSWORD }),
  });
  adminToken = loginSchema.parse(await response.json()).data.token;
});

afterAll(async () => {
  await strapi.stop();
});

async function configuration(uid: string): Promise<z.infer<typeof configurationSchema>['data']['contentType']> {
  const response = await fetch(`${strapi.url}/content-manager/content-types/${uid}/configuration`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  return configurationSchema.parse(await response.json()).data.contentType;
}

describe('CMS bootstrap in development', () => {
  it('creates the local admin from .env, who can log in at once', () => {
    expect(adminToken.length).toBeGreaterThan(20);
  });

  it.each([
    ['api::module.module', 'order', ['order', 'title', 'slug', 'sections']],
    ['api::section.section', 'number', ['number', 'title', 'module', 'pages']],
    ['api::page.page', 'number', ['number', 'title', 'section', 'slug']],
  ])('gives %s editor labels, list columns and a default sort by %s', async (uid, sortBy, columns) => {
    const config = await configuration(uid);
    expect(config.settings).toMatchObject({ mainField: 'title', defaultSortBy: sortBy, defaultSortOrder: 'ASC' });
    expect(config.layouts.list).toEqual(columns);
    expect(config.metadatas.title?.edit.label).toBe('Title');
  });

  it('explains the page slug to editors', async () => {
    const config = await configuration('api::page.page');
    expect(config.metadatas.slug?.edit).toMatchObject({ label: 'URL slug' });
    expect(config.metadatas.slug?.edit.description).toContain('/modules/{module}/{page}/');
  });
});
