import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDocument, updateDocument } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';
import { postGraphql } from '../helpers/graphql.js';

/**
 * What each API token may do, proved against a real Strapi: the build (read) token reads published
 * content of our types and nothing else, only the preview token (and the importer's write token)
 * reads drafts, and nobody registers, resets passwords, lists users, roles or uploads.
 */

let strapi: ThrowawayStrapi;
let adminToken: string;
let publishedPage: string;
let draftOnlyPage: string;

const PUBLISHED_TITLE = 'Published overview';
const DRAFT_TITLE = 'Draft overview, not yet published';
const DRAFT_ONLY_TITLE = 'Draft-only page nobody published';

type TokenName = 'read' | 'preview' | 'write' | 'none';
const TOKENS: TokenName[] = ['read', 'preview', 'write', 'none'];

function tokenOf(name: TokenName): string | undefined {
  const env = strapi.env;
  if (name === 'read') return env.STRAPI_READ_TOKEN;
  if (name === 'preview') return env.STRAPI_PREVIEW_TOKEN;
  if (name === 'write') return env.STRAPI_WRITE_TOKEN;
  return undefined;
}

async function rest(
  name: TokenName,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const token = tokenOf(name);
  const response = await fetch(`${strapi.url}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const graphqlBodySchema = z.object({
  data: z.record(z.unknown()).nullable().optional(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

interface GraphqlResult extends z.infer<typeof graphqlBodySchema> {
  status: number;
}

async function graphql(name: TokenName, query: string): Promise<GraphqlResult> {
  const { status, body } = await postGraphql(strapi.url, query, tokenOf(name));
  return { status, ...graphqlBodySchema.parse(body) };
}

const loginSchema = z.object({ data: z.object({ token: z.string() }) });
const listSchema = z.object({ pagination: z.object({ total: z.number() }) });

/** How many users-permissions users exist, asked as the admin (the Content API must not tell). */
async function userCount(): Promise<number> {
  const response = await fetch(`${strapi.url}/content-manager/collection-types/plugin::users-permissions.user`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  return listSchema.parse(await response.json()).pagination.total;
}

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  const login = await fetch(`${strapi.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: strapi.env.ADMIN_EMAIL, password: strapi.env.ADMIN_PASSWORD }),
  });
  adminToken = loginSchema.parse(await login.json()).data.token;

  // As the importer plants content: published, then a draft edit, and a page never published.
  const module = await createDocument(strapi.write, 'modules', { title: 'Rights', slug: 'rights' }, 'published');
  const section = await createDocument(
    strapi.write,
    'sections',
    { title: 'Tokens', slug: 'tokens', number: 1, module },
    'published',
  );
  const page = { number: '1.0', slug: 'overview', section, body: [] };
  publishedPage = await createDocument(strapi.write, 'pages', { ...page, title: PUBLISHED_TITLE }, 'published');
  await updateDocument(strapi.write, 'pages', publishedPage, { title: DRAFT_TITLE }, 'draft');
  draftOnlyPage = await createDocument(
    strapi.write,
    'pages',
    { ...page, number: '1.1', slug: 'draft-only', title: DRAFT_ONLY_TITLE },
    'draft',
  );
});

afterAll(async () => {
  await strapi.stop();
});

const draftReads: Array<{ name: string; rest?: () => string; graphql?: () => string }> = [
  { name: 'REST list of drafts', rest: () => '/api/pages?status=draft' },
  { name: 'REST draft by documentId', rest: () => `/api/pages/${publishedPage}?status=draft` },
  { name: 'REST draft-only page', rest: () => `/api/pages/${draftOnlyPage}?status=draft` },
  { name: 'REST drafts through a section', rest: () => '/api/sections?status=draft&populate[pages][fields][0]=title' },
  { name: 'GraphQL pages(status: DRAFT)', graphql: () => '{ pages(status: DRAFT) { title } }' },
  {
    name: 'GraphQL pages_connection(status: DRAFT)',
    graphql: () => '{ pages_connection(status: DRAFT) { nodes { title } pageInfo { total } } }',
  },
  {
    name: 'GraphQL page(documentId, status: DRAFT)',
    graphql: () => `{ page(documentId: "${publishedPage}", status: DRAFT) { title } }`,
  },
  {
    name: 'GraphQL drafts nested under a draft section',
    graphql: () => '{ sections(status: DRAFT) { pages { title } } }',
  },
];

const bodyOf = (draftRead: (typeof draftReads)[number]): Promise<string> =>
  draftRead.rest
    ? rest('read', 'GET', draftRead.rest()).then((result) => result.text)
    : graphql('read', draftRead.graphql?.() ?? '').then((result) => JSON.stringify(result));

describe('drafts', () => {
  it.each(draftReads)('the read token cannot read drafts: $name', async (draftRead) => {
    const token = tokenOf('read');
    expect(token).toBeDefined();
    const text = await bodyOf(draftRead);
    expect(text).not.toContain(DRAFT_TITLE);
    expect(text).not.toContain(DRAFT_ONLY_TITLE);
    // Refused outright, saying which token may read drafts, rather than answered with something else.
    expect(text).toContain('STRAPI_PREVIEW_TOKEN');
  });

  it('the read token still reads the published version, also through relations', async () => {
    const list = await rest('read', 'GET', '/api/pages?populate[section][populate][pages][fields][0]=title');
    expect(list.status).toBe(200);
    expect(list.text).toContain(PUBLISHED_TITLE);
    expect(list.text).not.toContain(DRAFT_TITLE);
    const nested = await graphql('read', '{ pages { title section { pages { title } } } }');
    expect(nested.errors).toBeUndefined();
    expect(JSON.stringify(nested.data)).toContain(PUBLISHED_TITLE);
    expect(JSON.stringify(nested.data)).not.toMatch(/Draft/);
  });

  it.each(['preview', 'write'] satisfies TokenName[])('the %s token reads drafts over REST', async (name) => {
    const list = await rest(name, 'GET', '/api/pages?status=draft');
    expect(list.status).toBe(200);
    expect(list.text).toContain(DRAFT_TITLE);
    expect(list.text).toContain(DRAFT_ONLY_TITLE);
  });

  it('the preview token reads drafts over GraphQL', async () => {
    const result = await graphql(
      'preview',
      `{ pages(status: DRAFT) { title } page(documentId: "${draftOnlyPage}", status: DRAFT) { title } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toContain(DRAFT_TITLE);
    expect(JSON.stringify(result.data)).toContain(DRAFT_ONLY_TITLE);
  });

  it('editors in the admin still see drafts', async () => {
    const response = await fetch(`${strapi.url}/content-manager/collection-types/api::page.page/${publishedPage}`, {
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(DRAFT_TITLE);
  });
});

const account = { username: 'intruder', email: 'intruder@example.org', password: 'Intruder-password-1' };

/** Operations nobody may perform over the Content API, whichever token (or none) is sent. */
const forbiddenRest: Array<[string, string, unknown?]> = [
  ['POST', '/api/auth/local/register', account],
  ['POST', '/api/auth/forgot-password', { email: account.email }],
  [
    'POST',
    '/api/auth/reset-password',
    { code: 'x', password: account.password, passwordConfirmation: account.password },
  ],
  ['GET', '/api/users'],
  ['GET', '/api/users/me'],
  ['GET', '/api/users-permissions/roles'],
];
/** The media library: only the importer's token lists and uploads files (the files its pages reference). */
const forbiddenMediaRest: Array<[string, string, unknown?]> = [['GET', '/api/upload/files']];
const forbiddenGraphql: Array<[string, string]> = [
  [
    'register',
    `mutation { register(input: { username: "${account.username}", email: "${account.email}", password: "${account.password}" }) { jwt } }`,
  ],
  ['forgotPassword', `mutation { forgotPassword(email: "${account.email}") { ok } }`],
  [
    'resetPassword',
    `mutation { resetPassword(code: "x", password: "${account.password}", passwordConfirmation: "${account.password}") { jwt } }`,
  ],
  [
    'changePassword',
    `mutation { changePassword(currentPassword: "x", password: "${account.password}", passwordConfirmation: "${account.password}") { jwt } }`,
  ],
  ['emailConfirmation', 'mutation { emailConfirmation(confirmation: "x") { jwt } }'],
  [
    'createUsersPermissionsUser',
    `mutation { createUsersPermissionsUser(data: { username: "${account.username}", email: "${account.email}", password: "${account.password}" }) { data { documentId } } }`,
  ],
  ['usersPermissionsUsers', '{ usersPermissionsUsers { username } }'],
  ['usersPermissionsRoles', '{ usersPermissionsRoles { name } }'],
];
const forbiddenMediaGraphql: Array<[string, string]> = [['uploadFiles', '{ uploadFiles { url } }']];

const cross = <T extends unknown[]>(names: TokenName[], rows: T[]): Array<[TokenName, ...T]> =>
  names.flatMap((name) => rows.map((row): [TokenName, ...T] => [name, ...row]));

/**
 * Refused means the request was not authenticated (401, as Strapi answers a request without a
 * token) or nothing came back but errors: no field holds data.
 */
function expectRefused(result: GraphqlResult): void {
  if (result.status !== 401) expect(result.errors?.length ?? 0).toBeGreaterThan(0);
  expect(Object.values(result.data ?? {}).every((value) => value === null)).toBe(true);
}

describe('forbidden operations', () => {
  it.each(cross(TOKENS, forbiddenRest))('%s token: %s %s is refused', async (name, method, path, body) => {
    const result = await rest(name, method, path, body);
    expect([401, 403]).toContain(result.status);
  });

  it.each(cross(TOKENS, forbiddenGraphql))('%s token: GraphQL %s is refused', async (name, _operation, query) => {
    expectRefused(await graphql(name, query));
  });

  const notImporter: TokenName[] = ['read', 'preview', 'none'];
  it.each(cross(notImporter, forbiddenMediaRest))('%s token: %s %s is refused', async (name, method, path, body) => {
    const result = await rest(name, method, path, body);
    expect([401, 403]).toContain(result.status);
  });

  it.each(cross(notImporter, forbiddenMediaGraphql))(
    '%s token: GraphQL %s is refused',
    async (name, _operation, query) => {
      expectRefused(await graphql(name, query));
    },
  );

  it('the importer token lists the media library (to find earlier uploads by content hash)', async () => {
    const result = await rest('write', 'GET', '/api/upload/files');
    expect(result.status).toBe(200);
  });

  const writes = (['modules', 'sections', 'pages'] as const).flatMap(
    (collection): Array<[string, string, unknown?]> => [
      ['POST', `/api/${collection}`, { data: { title: 'Intruder', slug: 'intruder', number: '9' } }],
      ['PUT', `/api/${collection}/DOCUMENT`, { data: { title: 'Intruder' } }],
      ['DELETE', `/api/${collection}/DOCUMENT`],
    ],
  );
  it.each(cross(['read', 'preview', 'none'], writes))(
    '%s token: %s %s is refused',
    async (name, method, path, body) => {
      const result = await rest(name, method, path.replace('DOCUMENT', publishedPage), body);
      expect([401, 403]).toContain(result.status);
    },
  );

  const graphqlWrites: Array<[string, () => string]> = [
    [
      'createPage',
      () => 'mutation { createPage(data: { title: "Intruder", number: "9", slug: "intruder" }) { documentId } }',
    ],
    [
      'updatePage',
      () => `mutation { updatePage(documentId: "${publishedPage}", data: { title: "Intruder" }) { documentId } }`,
    ],
    ['deletePage', () => `mutation { deletePage(documentId: "${publishedPage}") { documentId } }`],
    ['createModule', () => 'mutation { createModule(data: { title: "Intruder", slug: "intruder" }) { documentId } }'],
    [
      'createSection',
      () => 'mutation { createSection(data: { title: "Intruder", slug: "intruder", number: 9 }) { documentId } }',
    ],
  ];
  it.each(cross(['read', 'preview', 'none'], graphqlWrites))(
    '%s token: GraphQL %s is refused',
    async (name, _op, query) => {
      expectRefused(await graphql(name, query()));
    },
  );

  it('nothing above created a user or changed the content', async () => {
    expect(await userCount()).toBe(0);
    const page = await rest('preview', 'GET', `/api/pages/${publishedPage}?status=draft`);
    expect(page.text).toContain(DRAFT_TITLE);
    const intruders = await rest('write', 'GET', '/api/pages?status=draft&filters[title][$eq]=Intruder');
    expect(intruders.text).toContain('"total":0');
  });
});
