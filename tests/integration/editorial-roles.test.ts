import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';

/**
 * The Author and Editor roles, exercised through the admin API the admin panel itself calls, by
 * the local author and editor `npm start` creates from `.env`.
 */
let strapi: ThrowawayStrapi;
const tokens = { admin: '', author: '', editor: '' };

const loginSchema = z.object({ data: z.object({ token: z.string() }) });
const documentSchema = z.object({ data: z.object({ documentId: z.string() }) });

async function login(email: string | undefined, password: string | undefined): Promise<string> {
  const response = await fetch(`${strapi.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status, `login of ${email ?? '(no email)'}`).toBe(200);
  return loginSchema.parse(await response.json()).data.token;
}

async function admin(token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${strapi.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const MODULES = '/content-manager/collection-types/api::module.module';

async function createModule(token: string, slug: string): Promise<string> {
  const response = await admin(token, 'POST', MODULES, { title: `Module ${slug}`, slug });
  expect(response.status, await response.clone().text()).toBe(201);
  return documentSchema.parse(await response.json()).data.documentId;
}

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  tokens.admin = await login(strapi.env.ADMIN_EMAIL, strapi.env.ADMIN_PASSWORD);
  tokens.author = await login(strapi.env.AUTHOR_EMAIL, strapi.env.AUTHOR_PASSWORD);
  tokens.editor = await login(strapi.env.EDITOR_EMAIL, strapi.env.EDITOR_PASSWORD);
});

afterAll(async () => {
  await strapi.stop();
});

describe('an Author', () => {
  it('creates, reads and edits drafts of modules, sections and pages', async () => {
    const id = await createModule(tokens.author, 'by-author');
    expect((await admin(tokens.author, 'PUT', `${MODULES}/${id}`, { title: 'Renamed' })).status).toBe(200);
    const section = await admin(tokens.author, 'POST', '/content-manager/collection-types/api::section.section', {
      number: 1,
      title: 'First',
      slug: 'first',
    });
    expect(section.status, await section.clone().text()).toBe(201);
    const page = await admin(tokens.author, 'POST', '/content-manager/collection-types/api::page.page', {
      number: '1.1',
      title: 'Hello',
      slug: 'hello',
    });
    expect(page.status, await page.clone().text()).toBe(201);
    expect((await admin(tokens.author, 'GET', `${MODULES}?page=1&pageSize=10`)).status).toBe(200);
  });

  it('also edits what others wrote (a module is a team effort)', async () => {
    const id = await createModule(tokens.editor, 'by-editor');
    expect((await admin(tokens.author, 'PUT', `${MODULES}/${id}`, { title: 'Edited by the author' })).status).toBe(200);
  });

  it('cannot publish, unpublish or delete', async () => {
    const id = await createModule(tokens.author, 'not-by-author');
    expect((await admin(tokens.author, 'POST', `${MODULES}/${id}/actions/publish`, {})).status).toBe(403);
    expect((await admin(tokens.editor, 'POST', `${MODULES}/${id}/actions/publish`, {})).status).toBe(200);
    expect((await admin(tokens.author, 'POST', `${MODULES}/${id}/actions/unpublish`, {})).status).toBe(403);
    expect((await admin(tokens.author, 'DELETE', `${MODULES}/${id}`)).status).toBe(403);
  });

  it('uploads media', async () => {
    const form = new FormData();
    form.append('files', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'handout.pdf');
    const response = await fetch(`${strapi.url}/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.author}` },
      body: form,
    });
    expect(response.status, await response.clone().text()).toBe(201);
  });

  it('does not reach the developer tools, users or roles', async () => {
    expect((await admin(tokens.author, 'GET', '/content-type-builder/content-types')).status).toBe(403);
    expect((await admin(tokens.author, 'GET', '/admin/roles')).status).toBe(403);
    expect((await admin(tokens.author, 'GET', '/admin/users')).status).toBe(403);
    const users = await admin(tokens.author, 'GET', '/content-manager/collection-types/plugin::users-permissions.user');
    expect(users.status).toBe(403);
  });
});

describe('an Editor', () => {
  it('publishes, unpublishes and deletes', async () => {
    const id = await createModule(tokens.author, 'for-editor');
    expect((await admin(tokens.editor, 'POST', `${MODULES}/${id}/actions/publish`, {})).status).toBe(200);
    expect((await admin(tokens.editor, 'POST', `${MODULES}/${id}/actions/unpublish`, {})).status).toBe(200);
    expect((await admin(tokens.editor, 'DELETE', `${MODULES}/${id}`)).status).toBe(200);
  });

  it('does not reach the developer tools either', async () => {
    expect((await admin(tokens.editor, 'GET', '/content-type-builder/content-types')).status).toBe(403);
    expect((await admin(tokens.editor, 'GET', '/admin/roles')).status).toBe(403);
  });
});
