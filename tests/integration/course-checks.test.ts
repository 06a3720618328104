import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { courseCheckReportSchema } from '@lm/shared';
import { createDocument, listDocuments } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';

/**
 * The course checks against a real Strapi: each rule refuses a save or publish with its message on
 * the field's path (what the admin needs to mark the field and keep the form), allows what is
 * right, and writes nothing when it refuses.
 */

let strapi: ThrowawayStrapi;
let adminToken: string;
const ids: Record<string, string> = {};

const loginSchema = z.object({ data: z.object({ token: z.string() }) });
const errorSchema = z.object({
  error: z.object({
    name: z.string(),
    message: z.string(),
    details: z
      .object({ errors: z.array(z.object({ path: z.array(z.string()), message: z.string() })).optional() })
      .optional(),
  }),
});

interface Answer {
  status: number;
  body: unknown;
}

async function call(method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  const response = await fetch(`${strapi.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token ?? strapi.write.STRAPI_WRITE_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

/** A REST write of one page, section or module: POST without an id, PUT with one. */
const write = (collection: string, data: Record<string, unknown>, status: 'draft' | 'published', id?: string) =>
  call(id ? 'PUT' : 'POST', `/api/${collection}${id ? `/${id}` : ''}?status=${status}`, { data });

/** The refusal's message and the dotted paths of its field errors. */
function refusal(answer: Answer): { message: string; paths: string[] } {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  const { error } = errorSchema.parse(answer.body);
  expect(error.name).toBe('ValidationError');
  return { message: error.message, paths: (error.details?.errors ?? []).map((entry) => entry.path.join('.')) };
}

function accepted(answer: Answer): string {
  expect([200, 201], JSON.stringify(answer.body)).toContain(answer.status);
  return z.object({ data: z.object({ documentId: z.string() }) }).parse(answer.body).data.documentId;
}

const link = (url: string) => ({
  __component: 'content.rich-text',
  content: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'see' }] }] }],
});
const box = (items: unknown[]) => ({ __component: 'content.resource-box', title: 'Ask', kind: 'questions', items });

/** Where a page's draft sits now, to prove a refused write changed nothing. */
async function sectionOfPage(documentId: string): Promise<string | undefined> {
  const [page] = await listDocuments(
    strapi.write,
    'pages',
    new URLSearchParams({ status: 'draft', 'filters[documentId][$eq]': documentId, 'populate[section]': 'true' }),
  );
  return z.object({ section: z.object({ documentId: z.string() }).nullable() }).parse(page).section?.documentId;
}

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  const login = await fetch(`${strapi.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: strapi.env.ADMIN_EMAIL, password: strapi.env.ADMIN_PASSWORD }),
  });
  adminToken = loginSchema.parse(await login.json()).data.token;

  const outcomes = [{ text: 'Describe a partnership' }];
  ids.module = await createDocument(strapi.write, 'modules', { title: 'Checks', slug: 'checks' }, 'published');
  ids.other = await createDocument(strapi.write, 'modules', { title: 'Other', slug: 'other' }, 'published');
  const section = (module: string, number: number, slug: string) =>
    createDocument(strapi.write, 'sections', { module, number, title: `Section ${slug}`, slug, outcomes }, 'published');
  ids.s2 = await section(ids.module, 2, 's2');
  ids.s3 = await section(ids.module, 3, 's3');
  ids.otherS2 = await section(ids.other, 2, 'other-s2');
  const page = (section: string, number: string, slug: string) =>
    createDocument(strapi.write, 'pages', { section, number, slug, title: `Page ${number}`, body: [] }, 'published');
  ids.p20 = await page(ids.s2, '2.0', 'two-zero');
  ids.p30 = await page(ids.s3, '3.0', 'three-zero');
  ids.guest = await page(ids.otherS2, '2.7', 'three-zero');
});

afterAll(async () => {
  await strapi.stop();
});

describe('page numbers', () => {
  it('refuses a number another page of the section has, on the number field', async () => {
    const { message, paths } = refusal(
      await write('pages', { section: ids.s2, number: '2.0', slug: 'twin', title: 'Twin' }, 'draft'),
    );
    expect(paths).toEqual(['number']);
    expect(message).toContain('page "Page 2.0" of the same section also has the number "2.0"');
  });

  it('refuses a number that does not start with the section number', async () => {
    const { message, paths } = refusal(
      await write('pages', { section: ids.s2, number: '3.5', slug: 'misfiled', title: 'Misfiled' }, 'draft'),
    );
    expect(paths).toEqual(['number']);
    expect(message).toContain('Pages of section 2 are numbered 2.0, 2.1');
  });

  it('accepts a number of its own in the section', async () => {
    accepted(await write('pages', { section: ids.s2, number: '2.1', slug: 'two-one', title: 'Two one' }, 'draft'));
  });
});

describe('page slugs', () => {
  it('refuses a slug another page of the module uses, on the slug field, in another section too', async () => {
    const { message, paths } = refusal(
      await write('pages', { section: ids.s3, number: '3.1', slug: 'two-zero', title: 'Copy' }, 'draft'),
    );
    expect(paths).toEqual(['slug']);
    expect(message).toContain('page 2.0 "Page 2.0" of the same module already uses the slug "two-zero"');
  });

  it('refuses it through the admin with the path, so the form is kept and the field marked', async () => {
    const answer = await call(
      'PUT',
      `/content-manager/collection-types/api::page.page/${ids.p30}`,
      { slug: 'two-zero' },
      adminToken,
    );
    expect(refusal(answer).paths).toEqual(['slug']);
  });

  it('refuses a duplicate saved without a section as soon as the section is chosen', async () => {
    const draft = accepted(await write('pages', { number: '3.2', slug: 'two-zero', title: 'Loose' }, 'draft'));
    expect(refusal(await write('pages', { section: ids.s3 }, 'draft', draft)).paths).toEqual(['slug']);
    expect(await sectionOfPage(draft)).toBeUndefined();
  });

  it('refuses pages connected from the section side whose slug the module already uses', async () => {
    const answer = await write('sections', { pages: { connect: [ids.guest] } }, 'draft', ids.s2);
    const { message, paths } = refusal(answer);
    expect(message).toContain('already uses the slug "three-zero"');
    expect(paths).toContain('pages');
    expect(await sectionOfPage(ids.guest ?? '')).toBe(ids.otherS2);
  });

  it('refuses a section moved to a module where its pages clash, on the module field', async () => {
    const { message, paths } = refusal(await write('sections', { module: ids.module }, 'draft', ids.otherS2));
    expect(message).toContain('already uses the slug "three-zero"');
    expect(paths).toContain('module');
  });

  it('allows the same slug in another module', async () => {
    accepted(await write('pages', { section: ids.otherS2, number: '2.0', slug: 'two-zero', title: 'Other' }, 'draft'));
  });
});

describe('publishing', () => {
  const publishPage = (slug: string, number: string, body: unknown[], section: string | null = ids.s2 ?? null) =>
    write('pages', { section, number, slug, title: `Page ${slug}`, body }, 'published');

  it('refuses an empty resource box (no items, intro or content), on the box', async () => {
    const { message, paths } = refusal(await publishPage('empty-box', '2.2', [link('https://example.org/'), box([])]));
    expect(paths).toEqual(['body.1.items']);
    expect(message).toContain('resource box 1 "Ask" is empty');
  });

  it('refuses a link to a page that does not exist', async () => {
    const { message, paths } = refusal(await publishPage('bad-link', '2.3', [link('/modules/checks/nowhere/')]));
    expect(paths).toEqual(['body.0.content']);
    expect(message).toContain('module "Checks" has no page with the slug "nowhere"');
  });

  it('publishes a box with an item and links to existing pages, even unpublished ones', async () => {
    accepted(
      await publishPage('good', '2.4', [
        link('/modules/checks/two-zero/'),
        link('/modules/checks/two-one/'),
        box([{ text: 'Who else is involved?' }]),
      ]),
    );
  });

  it('refuses a link to a page that another module does not have, or to a module that does not exist', async () => {
    // "two-one" is a page of module "Checks", not of "Other": a link resolves within the module it names.
    const page = refusal(await publishPage('far-bad', '2.5', [link('/modules/other/two-one/')]));
    expect(page.paths).toEqual(['body.0.content']);
    expect(page.message).toContain('module "Other" has no page with the slug "two-one"');
    const module = refusal(await publishPage('far-gone', '2.5', [link('/modules/gone/two-one/')]));
    expect(module.message).toContain('no module has the slug "gone"');
  });

  it('publishes links to pages of another module, and reports one not published yet as a warning', async () => {
    accepted(
      await write('pages', { section: ids.otherS2, number: '2.3', slug: 'far-draft', title: 'Far draft' }, 'draft'),
    );
    const linking = accepted(
      await publishPage('far-good', '2.5', [link('/modules/other/three-zero/'), link('/modules/other/far-draft/')]),
    );
    const answer = await call('GET', `/lm/course-checks/api::page.page/${linking}`, undefined, adminToken);
    const report = courseCheckReportSchema.parse(answer.body);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('leads to module "Other", section 2, page 2.3 "Far draft", which is not published yet'),
    ]);
  });

  it('publishes links to old addresses of a page in another module, however the address is written', async () => {
    const legacyPaths = [{ path: '/modules/old-name/moved.html' }, { path: '/modules/old-name/caf%C3%A9/' }];
    accepted(
      await write(
        'pages',
        { section: ids.otherS2, number: '2.4', slug: 'moved', title: 'Moved', legacyPaths },
        'draft',
      ),
    );
    // No module is called "old-name": only the old addresses make these links lead somewhere.
    accepted(
      await publishPage('old-links', '2.6', [
        link('/modules/old-name/moved.html'),
        link('/modules/old-name/caf%c3%a9'),
        link('/modules/old-name/café/'),
      ]),
    );
    const { message } = refusal(await publishPage('old-gone', '2.7', [link('/modules/old-name/gone.html')]));
    expect(message).toContain('no module has the slug "old-name"');
  });

  it('refuses a page without a section, and one whose section is not published', async () => {
    const orphan = refusal(await publishPage('orphan', '9.0', [], null));
    expect(orphan.paths).toEqual(['section']);
    expect(orphan.message).toContain('appears nowhere on the site. Choose its section');
    const draftSection = accepted(
      await write('sections', { module: ids.module, number: 4, title: 'Later', slug: 's4', outcomes: [] }, 'draft'),
    );
    const early = refusal(await publishPage('early', '4.0', [], draftSection));
    expect(early.paths).toEqual(['section']);
    expect(early.message).toContain('Publish its section first');
  });

  it('refuses a section without a module', async () => {
    const { paths } = refusal(await write('sections', { number: 5, title: 'Adrift', slug: 'adrift' }, 'published'));
    expect(paths).toEqual(['module']);
  });

  it('refuses to unpublish a section while a page in it is published, naming the page', async () => {
    const path = (uid: string, id: string) => `/content-manager/collection-types/${uid}/${id}/actions/unpublish`;
    const answer = await call('POST', path('api::section.section', ids.s3 ?? ''), {}, adminToken);
    const { message } = refusal(answer);
    expect(message).toContain('page 3.0 "Page 3.0"');
    expect(message).toContain('Unpublish them first');
    expect((await call('POST', path('api::page.page', ids.p30 ?? ''), {}, adminToken)).status).toBe(200);
    expect((await call('POST', path('api::section.section', ids.s3 ?? ''), {}, adminToken)).status).toBe(200);
  });
});

describe('deleting', () => {
  const path = (uid: string, id: string) => `/content-manager/collection-types/${uid}/${id}`;

  it('refuses to delete a section or module while published pages or sections are in it, and deletes nothing', async () => {
    const section = refusal(await call('DELETE', path('api::section.section', ids.s2 ?? ''), undefined, adminToken));
    expect(section.message).toContain('cannot be deleted while these are published in it: page 2.0 "Page 2.0"');
    expect(section.message).toContain('Unpublish them first');
    const module = refusal(await call('DELETE', `/api/modules/${ids.module ?? ''}`));
    expect(module.message).toContain('cannot be deleted while these are published in it: section 2 "Section s2"');
    expect(await sectionOfPage(ids.p20 ?? '')).toBe(ids.s2);
  });

  it('deletes a section once nothing published is left in it', async () => {
    const empty = accepted(
      await write('sections', { module: ids.module, number: 7, title: 'Empty', slug: 's7', outcomes: [] }, 'published'),
    );
    expect((await call('DELETE', path('api::section.section', empty), undefined, adminToken)).status).toBe(200);
    const left = await listDocuments(
      strapi.write,
      'sections',
      new URLSearchParams({ status: 'draft', 'filters[documentId][$eq]': empty }),
    );
    expect(left).toEqual([]);
  });
});

describe('slugs from titles', () => {
  const slugOf = async (collection: 'pages' | 'sections', documentId: string): Promise<string | null> => {
    const [entry] = await listDocuments(
      strapi.write,
      collection,
      new URLSearchParams({ status: 'draft', 'filters[documentId][$eq]': documentId }),
    );
    return z.object({ slug: z.string().nullable() }).parse(entry).slug;
  };

  it('makes an empty page or section slug from the title, and keeps a typed one', async () => {
    const page = accepted(
      await write('pages', { section: ids.otherS2, number: '2.5', title: 'Meeting Online, Café Style' }, 'draft'),
    );
    expect(await slugOf('pages', page)).toBe('meeting-online-cafe-style');
    const section = accepted(
      await write('sections', { module: ids.other, number: 6, title: 'What Comes Next?', slug: '' }, 'draft'),
    );
    expect(await slugOf('sections', section)).toBe('what-comes-next');
    const typed = accepted(
      await write('pages', { section: ids.otherS2, number: '2.6', title: 'Typed', slug: 'my-own-slug' }, 'draft'),
    );
    expect(await slugOf('pages', typed)).toBe('my-own-slug');
  });

  it('makes it from the saved title when the admin empties the slug', async () => {
    const page = accepted(
      await write('pages', { section: ids.otherS2, number: '2.9', title: 'Closing a Season', slug: 'old' }, 'draft'),
    );
    const answer = await call('PUT', `/content-manager/collection-types/api::page.page/${page}`, { slug: '' }, adminToken);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(await slugOf('pages', page)).toBe('closing-a-season');
  });

  it('refuses a generated slug the module already uses, and a title with nothing to make one from, on the slug', async () => {
    const clash = refusal(await write('pages', { section: ids.s3, number: '3.7', title: 'Two Zero' }, 'draft'));
    expect(clash.paths).toEqual(['slug']);
    expect(clash.message).toContain('already uses the slug "two-zero"');
    const { message, paths } = refusal(await write('pages', { section: ids.s3, number: '3.8', title: '???' }, 'draft'));
    expect(paths).toEqual(['slug']);
    expect(message).toContain('The title "???" has no letters or digits to make a URL slug from: type a slug.');
  });
});

describe('GET /lm/course-checks/:uid/:documentId', () => {
  it('answers an entry draft report with its warnings, to admins only', async () => {
    const linking = accepted(
      await write(
        'pages',
        { section: ids.s2, number: '2.8', slug: 'linking', title: 'Linking', body: [link('/modules/checks/two-one/')] },
        'draft',
      ),
    );
    const path = `/lm/course-checks/api::page.page/${linking}`;
    const answer = await call('GET', path, undefined, adminToken);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const report = courseCheckReportSchema.parse(answer.body);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ documentId: linking, path: 'body.0.content' })]);
    expect(report.warnings[0]?.message).toContain('which is not published yet');

    const section = await call('GET', `/lm/course-checks/api::section.section/${ids.s3 ?? ''}`, undefined, adminToken);
    expect(courseCheckReportSchema.parse(section.body)).toEqual({ errors: [], warnings: [] });
    expect((await call('GET', path, undefined, strapi.write.STRAPI_WRITE_TOKEN)).status).toBe(401);
    expect((await call('GET', `/lm/course-checks/api::page.page/nope`, undefined, adminToken)).status).toBe(404);
  });
});
