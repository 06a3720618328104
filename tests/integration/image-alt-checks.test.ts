import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDocument, listDocuments } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';

/**
 * Alternative text before publish, against a real Strapi: a page showing an undescribed image (no
 * alt text, or the file name Strapi's editor copies into it) cannot be published, the refusal
 * names the rich-text field; a described or decorative image publishes, and drafts stay free.
 */

let strapi: ThrowawayStrapi;
let sectionId: string;

const errorSchema = z.object({
  error: z.object({
    name: z.string(),
    message: z.string(),
    details: z.object({ errors: z.array(z.object({ path: z.array(z.string()) })).optional() }).optional(),
  }),
});

/** An image node as Strapi's editor stores it: a copy of the media-library record. */
const imageBlock = (name: string, alternativeText: string | null) => ({
  __component: 'content.rich-text',
  content: [
    {
      type: 'image',
      image: {
        name,
        alternativeText,
        url: `https://example.org/uploads/${name}`,
        width: 800,
        height: 600,
        hash: name.replace(/\W/g, '_'),
        ext: '.png',
        mime: 'image/png',
        size: 12.5,
        provider: 'external',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
      children: [{ type: 'text', text: '' }],
    },
  ],
});
const intro = {
  __component: 'content.rich-text',
  content: [{ type: 'paragraph', children: [{ type: 'text', text: 'A map of the neighbourhood.' }] }],
};

async function writePage(
  slug: string,
  number: string,
  body: unknown[],
  status: 'draft' | 'published',
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${strapi.url}/api/pages?status=${status}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${strapi.write.STRAPI_WRITE_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { section: sectionId, number, slug, title: `Page ${slug}`, body } }),
  });
  return { status: response.status, body: await response.json() };
}

const publishedSlugs = async (): Promise<string[]> =>
  (await listDocuments(strapi.write, 'pages', new URLSearchParams({ status: 'published' })))
    .map((raw) => z.object({ slug: z.string() }).parse(raw).slug)
    .sort();

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  const moduleId = await createDocument(strapi.write, 'modules', { title: 'Images', slug: 'images' }, 'published');
  const outcomes = [{ text: 'Read a map' }];
  sectionId = await createDocument(
    strapi.write,
    'sections',
    { module: moduleId, number: 1, title: 'Maps', slug: 'maps', outcomes },
    'published',
  );
});

afterAll(async () => {
  await strapi.stop();
});

describe('alternative text before publish', () => {
  it('refuses to publish a page whose image has no alt text, on the rich-text field, with how to fix it', async () => {
    const answer = await writePage('no-alt', '1.1', [intro, imageBlock('map.png', null)], 'published');
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    const { error } = errorSchema.parse(answer.body);
    expect(error.name).toBe('ValidationError');
    expect(error.message).toContain('the image "map.png" has no alternative text');
    expect(error.message).toContain('"decorative"');
    expect((error.details?.errors ?? []).map((entry) => entry.path.join('.'))).toContain('body.1.content');
    expect(await publishedSlugs()).not.toContain('no-alt');
  });

  it("refuses an image whose alt text is the file name the admin's editor filled in", async () => {
    const answer = await writePage('file-name', '1.2', [imageBlock('IMG_2041.png', 'IMG_2041.png')], 'published');
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(errorSchema.parse(answer.body).error.message).toContain('"IMG_2041.png" has no alternative text');
  });

  it('saves such a page as a draft: only publishing needs the description', async () => {
    const answer = await writePage('draft-no-alt', '1.3', [imageBlock('map.png', null)], 'draft');
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  });

  it('publishes a described image and a decorative one', async () => {
    const described = await writePage('described', '1.4', [imageBlock('map.png', 'A map of four blocks')], 'published');
    expect(described.status, JSON.stringify(described.body)).toBe(201);
    const decorative = await writePage('decorative', '1.5', [imageBlock('swirl.png', 'decorative')], 'published');
    expect(decorative.status, JSON.stringify(decorative.body)).toBe(201);
    expect(await publishedSlugs()).toEqual(['decorative', 'described']);
  });
});
