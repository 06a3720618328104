import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateCibSite, writeCibSite, type CibSiteShape } from '../../../scripts/bench/generate-cib-site.js';
import { cibSiteDocuments } from '../../../scripts/import/cib-site-documents.js';
import { tempDir } from '../../helpers/temp-dir.js';

const IMAGE = fileURLToPath(new URL('../../fixtures/course-in-a-box/img/outreach/asset-map.png', import.meta.url));

describe('generateCibSite', () => {
  it.each<{ shape: CibSiteShape; pages: number; sections: number; images: number }>([
    { shape: { modules: 1, pagesPerModule: 3, pagesPerSection: 10, imageEvery: 2 }, pages: 3, sections: 2, images: 2 },
    {
      shape: { modules: 2, pagesPerModule: 21, pagesPerSection: 10, imageEvery: 20 },
      pages: 42,
      sections: 6,
      images: 4,
    },
  ])(
    '$pages pages in $sections sections: every page imports, links resolve',
    async ({ shape, pages, sections, images }) => {
      const dir = await tempDir('generated-site');
      try {
        expect(await writeCibSite(dir, shape, IMAGE)).toBe(pages);
        const site = await cibSiteDocuments(dir, 1024 * 1024);
        expect(site.errors).toEqual([]);
        expect(site.documents).toHaveLength(pages);
        expect(new Set(site.documents.map((document) => `${document.module.slug}/${document.section.slug}`)).size).toBe(
          sections,
        );
        // An opening section with the module's objectives as outcomes.
        expect(site.documents[0]?.section).toMatchObject({ title: 'Introduction' });
        expect(site.documents[0]?.section.outcomes).toHaveLength(3);
        const problems = site.warnings.filter((warning) => /names no imported page|missing/.test(warning.message));
        expect(problems).toEqual([]);
        const bodies = site.documents.map((document) => JSON.stringify(document.page.body));
        expect(bodies.filter((body) => body.includes('/img/bench/diagram.png'))).toHaveLength(images);
        expect(bodies[1]).toContain(`"url":"/modules/${site.documents[0]?.module.slug ?? ''}/page-001/"`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  it('is deterministic: the same site every run', () => {
    const shape = { modules: 2, pagesPerModule: 5, pagesPerSection: 2, imageEvery: 3 };
    expect(generateCibSite(shape)).toEqual(generateCibSite(shape));
    expect(path.basename(generateCibSite(shape)[2]?.path ?? '')).toBe('2000-01-01-page-001.md');
  });
});
