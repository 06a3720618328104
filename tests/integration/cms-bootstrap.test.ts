import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDocument } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { postGraphql } from '../helpers/graphql.js';

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

const image = (url: string, formats: Record<string, { url: string }> = {}) => ({
  type: 'image',
  image: {
    name: 'logo.png',
    // A description, not the file name: "Logo" for logo.png counts as no alternative text.
    alternativeText: 'The library logo',
    url,
    width: 10,
    height: 10,
    formats,
    hash: 'logo',
    ext: '.png',
    mime: 'image/png',
    size: 1,
    provider: 'external',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  },
  children: [{ type: 'text', text: '' }],
});
const link = (url: string) => ({
  type: 'paragraph',
  children: [
    { type: 'text', text: 'See ' },
    { type: 'link', url, children: [{ type: 'text', text: 'this' }] },
  ],
});
const richText = (...content: unknown[]) => ({ __component: 'content.rich-text', content });
const errorSchema = z.object({
  error: z.object({
    message: z.string(),
    details: z.object({ errors: z.array(z.object({ path: z.array(z.string()) })) }),
  }),
});

describe('unsafe URLs in content', () => {
  const safePage = { title: 'Links', number: '1.0', slug: 'links', body: [richText(link('https://example.org/'))] };
  let pageId: string;

  async function write(method: string, path: string, data: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${strapi.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${strapi.write.STRAPI_WRITE_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data }),
    });
    return { status: response.status, body: await response.json() };
  }

  async function draftOf(documentId: string): Promise<string> {
    const response = await fetch(`${strapi.url}/api/pages/${documentId}?status=draft&populate=body`, {
      headers: { Authorization: `Bearer ${strapi.write.STRAPI_WRITE_TOKEN}` },
    });
    return response.text();
  }

  beforeAll(async () => {
    // The CMS publishes a page only inside a published section of a published module.
    const module = await createDocument(strapi.write, 'modules', { title: 'Links', slug: 'links' }, 'published');
    const section = await createDocument(
      strapi.write,
      'sections',
      { module, number: 1, title: 'Links', slug: 'links' },
      'published',
    );
    pageId = await createDocument(strapi.write, 'pages', { ...safePage, section }, 'published');
  });

  it.each([
    ['an image with a javascript: URL', richText(image('javascript:alert(1)')), 'body.0.content.0.image.url'],
    [
      'an image format with a data: URL',
      richText(image('/uploads/logo.png', { small: { url: 'data:text/html,<script>alert(1)</script>' } })),
      'body.0.content.0.image.formats.small.url',
    ],
    [
      'a link with a tab inside javascript:',
      richText(link('java\tscript:alert(1)')),
      'body.0.content.0.children.1.url',
    ],
    [
      'a link with an entity for the colon',
      richText(link('javascript&colon;alert(1)')),
      'body.0.content.0.children.1.url',
    ],
    [
      'a resource item with a leading space',
      {
        __component: 'content.resource-box',
        title: 'Box',
        kind: 'links',
        items: [{ text: 'x', url: ' javascript:x' }],
      },
      'body.0.items.0.url',
    ],
  ])('refuses %s with 400, naming the field, and writes nothing', async (_name, block, path) => {
    const created = await write('POST', '/api/pages?status=published', { ...safePage, slug: 'unsafe', body: [block] });
    expect(created.status).toBe(400);
    const error = errorSchema.parse(created.body).error;
    expect(error.message).toContain(path);
    expect(error.message).toContain('allowed are http(s)://');
    expect(error.details.errors.map((entry) => entry.path.join('.'))).toEqual([path]);

    const updated = await write('PUT', `/api/pages/${pageId}?status=published`, { body: [block] });
    expect(updated.status).toBe(400);
    expect(errorSchema.parse(updated.body).error.message).toContain(path);

    const unsafe = await fetch(`${strapi.url}/api/pages?status=draft&filters[slug][$eq]=unsafe`, {
      headers: { Authorization: `Bearer ${strapi.write.STRAPI_WRITE_TOKEN}` },
    });
    expect(await unsafe.text()).toContain('"total":0');
    expect(await draftOf(pageId)).toContain('https://example.org/');
  });

  it('refuses the same over GraphQL', async () => {
    const result = await postGraphql(
      strapi.url,
      `mutation { updatePage(documentId: "${pageId}", data: { body: [{ __typename: "ComponentContentRichText", content: [{ type: "paragraph", children: [{ type: "link", url: "javascript:alert(1)", children: [{ type: "text", text: "x" }] }] }] }] }) { documentId } }`,
      strapi.write.STRAPI_WRITE_TOKEN,
    );
    expect(JSON.stringify(result.body)).toContain('body.0.content.0.children.0.url');
    expect(await draftOf(pageId)).toContain('https://example.org/');
  });

  it('accepts web, mail, phone and site links, and site or relative images', async () => {
    const body = [
      richText(link('https://example.org/a'), link('mailto:help@example.org'), link('tel:+15555550100')),
      // Strapi itself refuses relative and #fragment links in Blocks; images may be relative.
      richText(link('/modules/links/'), image('/uploads/logo.png'), image('logo.png')),
    ];
    const result = await write('PUT', `/api/pages/${pageId}`, { body });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
  });

  it('refuses to publish a draft that holds an unsafe URL saved before this rule existed', async () => {
    // Plant the URL under Strapi, as an older version of the CMS would have stored it.
    const database = new Database(strapi.env.DATABASE_FILENAME);
    try {
      database
        .prepare('UPDATE components_content_rich_texts SET content = ?')
        .run(JSON.stringify([link('javascript:alert(1)')]));
    } finally {
      database.close();
    }
    const response = await fetch(
      `${strapi.url}/content-manager/collection-types/api::page.page/${pageId}/actions/publish`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
        body: '{}',
      },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('body.0.content.0.children.1.url');
  });
});
