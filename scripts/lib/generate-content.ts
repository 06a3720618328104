import type { WriteEnv } from '@lm/shared';
import { createDocument } from './strapi-rest-client.js';

export interface GenerateOptions {
  env: WriteEnv;
  modules: number;
  sectionsPerModule: number;
  pagesPerSection: number;
  /** Prefix for slugs, so generated modules never collide with real ones. */
  prefix?: string;
  /** Writes in flight at once; Strapi on SQLite serialises them anyway, so a few suffice. */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface GeneratedContent {
  moduleSlugs: string[];
  /** Every generated page, in reading order. */
  pages: Array<{ documentId: string; moduleSlug: string; slug: string; title: string }>;
}

const WORDS = (
  'library partner community program outreach patron volunteer budget grant literacy workshop ' +
  'youth family school museum council business network goal plan meeting agreement service ' +
  'learning maker digital story reading collection event survey feedback impact audience'
).split(' ');

/** A small deterministic generator, so every run produces the same site (comparable builds). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(random: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'library');
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

/** A page body like the imported ones: prose, the section's outcomes on x.0 pages, a resource box. */
function pageBody(random: () => number, isFirst: boolean): unknown[] {
  const prose = (count: number) => ({
    __component: 'content.rich-text',
    content: Array.from({ length: count }, () => paragraph(`${sentence(random, 14)} ${sentence(random, 10)}`)),
  });
  return [
    prose(2),
    ...(isFirst
      ? [
          {
            __component: 'content.outcomes',
            heading: 'Learning Outcomes For This Section',
            lead: 'After completing this section you will be able to...',
          },
        ]
      : []),
    prose(3),
    {
      __component: 'content.resource-box',
      title: sentence(random, 4).replace('.', '?'),
      intro: sentence(random, 8),
      kind: 'questions',
      items: Array.from({ length: 4 + Math.floor(random() * 3) }, () => ({
        text: sentence(random, 9).replace('.', '?'),
        url: null,
      })),
    },
    {
      __component: 'content.rich-text',
      content: [
        {
          type: 'list',
          format: 'unordered',
          children: Array.from({ length: 3 }, () => ({
            type: 'list-item',
            children: [{ type: 'text', text: sentence(random, 12) }],
          })),
        },
      ],
    },
  ];
}

/** Runs `tasks` with at most `limit` in flight, preserving result order. */
async function inBatches<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < tasks.length; start += limit) {
    results.push(...(await Promise.all(tasks.slice(start, start + limit).map((task) => task()))));
  }
  return results;
}

/**
 * Creates a realistic, published module set through the REST API (modules, numbered sections
 * with outcomes, pages with prose, outcomes blocks and resource boxes), for benchmarks.
 */
export async function generateContent(options: GenerateOptions): Promise<GeneratedContent> {
  const { env, prefix = 'gen', concurrency = 4, log = () => undefined } = options;
  const random = seeded(42);
  const result: GeneratedContent = { moduleSlugs: [], pages: [] };
  const total = options.modules * options.sectionsPerModule * options.pagesPerSection;
  for (let m = 1; m <= options.modules; m += 1) {
    const moduleSlug = `${prefix}-module-${m}`;
    const moduleId = await createDocument(
      env,
      'modules',
      { title: `Generated Module ${m}`, slug: moduleSlug, summary: sentence(random, 16), order: 100 + m },
      'published',
    );
    result.moduleSlugs.push(moduleSlug);
    for (let s = 1; s <= options.sectionsPerModule; s += 1) {
      const sectionId = await createDocument(
        env,
        'sections',
        {
          module: moduleId,
          number: s,
          title: sentence(random, 5).replace('.', ''),
          slug: `section-${s}`,
          outcomes: Array.from({ length: 3 }, () => ({ text: sentence(random, 8).replace('.', '') })),
        },
        'published',
      );
      const tasks = Array.from({ length: options.pagesPerSection }, (_, index) => async () => {
        const slug = `page-${s}-${index}`;
        const title = sentence(random, 4).replace('.', '');
        const data = { section: sectionId, number: `${s}.${index}`, title, slug, body: pageBody(random, index === 0) };
        const documentId = await createDocument(env, 'pages', data, 'published');
        return { documentId, moduleSlug, slug, title };
      });
      result.pages.push(...(await inBatches(tasks, concurrency)));
      log(`[generate] ${result.pages.length}/${total} pages`);
    }
  }
  return result;
}
