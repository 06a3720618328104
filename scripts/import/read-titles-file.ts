import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ImportError } from './import-error.js';
import { parseYaml } from './parse-yaml.js';

const titlesSchema = z.record(z.string().min(1), z.union([z.string(), z.number()]).transform(String));

/**
 * Reads `--titles file.yml`: module slug to title (`outreach: Reaching New Audiences`), which
 * overrides the names a course-in-a-box landing page gives.
 * @throws ImportError naming the file and the expected shape
 */
export async function readTitlesFile(file: string): Promise<Map<string, string>> {
  try {
    const data = titlesSchema.parse(parseYaml(await readFile(file, 'utf8')));
    return new Map(Object.entries(data).map(([slug, title]) => [slug, title.trim()]));
  } catch (error) {
    throw new ImportError(file, 'must be YAML lines "module-slug: Module Title"; fix or remove --titles', {
      cause: error,
    });
  }
}
