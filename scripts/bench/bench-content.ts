import { generateContent, type GeneratedContent } from '../lib/generate-content.js';
import type { ThrowawayStrapi } from '../lib/throwaway-strapi.js';

/** The seed's shape: modules of numbered sections of pages, with outcomes and resource boxes. */
export interface ContentShape {
  modules: number;
  sectionsPerModule: number;
  pagesPerSection: number;
}

export const pagesOf = (shape: ContentShape): number => shape.modules * shape.sectionsPerModule * shape.pagesPerSection;

/** Generates and publishes the content through the REST API (the import); returns it and how long it took. */
export async function seedContent(
  strapi: ThrowawayStrapi,
  shape: ContentShape,
): Promise<{ content: GeneratedContent; ms: number }> {
  const started = performance.now();
  const total = pagesOf(shape);
  const every = Math.max(100, Math.round(total / 10 / 100) * 100);
  const content = await generateContent({
    env: strapi.write,
    ...shape,
    log: (line) => {
      const done = /(\d+)\//.exec(line)?.[1];
      if (done !== undefined && Number(done) % every === 0) console.log(`[bench] ${line}`);
    },
  });
  return { content, ms: Math.round(performance.now() - started) };
}
