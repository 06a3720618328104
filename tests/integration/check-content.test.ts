import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, updateDocument } from '../../scripts/lib/strapi-rest-client.js';
import { repoRoot } from '../../scripts/lib/paths.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';

/**
 * `npm run check:content` against a real Strapi holding one error (a draft page's resource box
 * without items, which the CMS lets a draft keep) and one warning (a section without outcomes).
 */

let strapi: ThrowawayStrapi;
let draftPage: string;

const box = (items: unknown[]) => ({ __component: 'content.resource-box', title: 'Ask', kind: 'questions', items });

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  const env = strapi.write;
  const module = await createDocument(env, 'modules', { title: 'Checked', slug: 'checked' }, 'published');
  const outcomes = [{ text: 'Plan an outreach visit' }];
  const first = await createDocument(
    env,
    'sections',
    { module, number: 1, title: 'Getting out', slug: 'out', outcomes },
    'published',
  );
  await createDocument(env, 'sections', { module, number: 2, title: 'No outcomes yet', slug: 'later' }, 'draft');
  const page = { section: first, title: 'Visits', number: '1.0', slug: 'visits', body: [box([{ text: 'Who?' }])] };
  await createDocument(env, 'pages', page, 'published');
  draftPage = await createDocument(
    env,
    'pages',
    { ...page, title: 'Unfinished', number: '1.1', slug: 'unfinished', body: [box([])] },
    'draft',
  );
});

afterAll(async () => {
  await strapi.stop();
});

const checkContent = () =>
  execa('npm', ['run', '--silent', 'check:content'], {
    cwd: repoRoot,
    env: { STRAPI_URL: strapi.url, STRAPI_WRITE_TOKEN: strapi.write.STRAPI_WRITE_TOKEN },
    reject: false,
    all: true,
  });

describe('npm run check:content', () => {
  it('prints one line per problem, naming module, section and page, and fails on an error', async () => {
    const result = await checkContent();
    expect(result.exitCode, result.all).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('[check] 1 error, 1 warning in 1 module and 2 pages (drafts included).');
    expect(lines[1]).toBe(
      '  error   module "Checked", section 1, page 1.1 "Unfinished": resource box 1 "Ask" is empty. ' +
        'Add an item, an intro or some content, or remove the box. [field: body.0.items]',
    );
    expect(lines[2]).toBe(
      '  warning module "Checked", section 2 "No outcomes yet" has no learning outcomes: add what a learner ' +
        'will be able to do after it. [field: outcomes]',
    );
    expect(lines.at(-1)).toContain('Fix the errors before publishing');
  });

  it('passes once the error is fixed, still showing the warning', async () => {
    await updateDocument(strapi.write, 'pages', draftPage, { body: [box([{ text: 'When?' }])] }, 'draft');
    const result = await checkContent();
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stdout).toContain('[check] 0 errors, 1 warning');
    expect(result.stdout).toContain('[check] Nothing blocks publishing.');
  });
});
