import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import {
  courseJsonLd,
  learningResourceJsonLd,
  serializeJsonLd,
  type JsonValue,
} from '../../../site/src/lib/json-ld.js';
import { moduleEntry, pageEntry, sectionEntry } from './content-entries.js';

const site = new URL('https://learn.example.org/');
const hostile = 'Overview</script><script>alert(1)</script> & <!-- more';

/** What a browser makes of the script element as the JsonLd component writes it. */
function parsedScripts(data: JsonValue) {
  const html = `<!doctype html><html><head><script type="application/ld+json">${serializeJsonLd(data)}</script></head><body></body></html>`;
  return selectAll('script', fromHtml(html));
}

describe('serializeJsonLd', () => {
  it('keeps a title holding </script><script>alert(1)</script> inside the one script element', () => {
    const data = learningResourceJsonLd(
      { module: moduleEntry(), section: sectionEntry(), page: pageEntry({ title: hostile }), description: hostile },
      site,
    );
    const scripts = parsedScripts(data);
    expect(scripts).toHaveLength(1);
    // And readers of the JSON get the title back exactly as the editor typed it.
    const [script] = scripts;
    expect(script && JSON.parse(toText(script))).toEqual(data);
  });

  it('writes no <, > or & at all', () => {
    const text = serializeJsonLd({ name: hostile, list: ['<b>', 'a && b'] });
    expect(text).not.toMatch(/[<>&]/);
    expect(text).toContain('\\u003c/script\\u003e');
  });
});

describe('structured data', () => {
  const module = moduleEntry();
  const section = sectionEntry();
  const pages = [pageEntry(), pageEntry({ documentId: 'p2', number: '3.0', title: 'Building', slug: 'three-zero' })];

  it('describes a module as a Course with its pages, outcomes and provider', () => {
    expect(courseJsonLd({ module, description: 'About.', pages, outcomes: section.outcomes }, site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: 'Community Partnerships',
      description: 'About.',
      url: 'https://learn.example.org/modules/partnerships/',
      provider: { '@type': 'Organization', name: 'Library Learning Modules', url: 'https://learn.example.org/' },
      teaches: ['Describe the ways that partnerships can benefit libraries'],
      hasPart: [
        {
          '@type': 'LearningResource',
          name: '2.0 Overview',
          url: 'https://learn.example.org/modules/partnerships/two-zero/',
        },
        {
          '@type': 'LearningResource',
          name: '3.0 Building',
          url: 'https://learn.example.org/modules/partnerships/three-zero/',
        },
      ],
    });
  });

  it('describes a page as a LearningResource, part of its course, teaching its section outcomes', () => {
    const data = learningResourceJsonLd({ module, section, page: pageEntry(), description: 'Page.' }, site);
    expect(data).toMatchObject({
      '@type': 'LearningResource',
      name: '2.0 Overview',
      url: 'https://learn.example.org/modules/partnerships/two-zero/',
      isPartOf: { '@type': 'Course', name: 'Community Partnerships', url: 'https://learn.example.org/modules/partnerships/' },
      teaches: ['Describe the ways that partnerships can benefit libraries'],
    });
  });
});
