import { execa } from 'execa';
import { cmsDir } from '../../scripts/lib/paths.js';

/**
 * Vitest global setup for the integration tests: compiles the CMS once (TypeScript to cms/dist),
 * which `strapi start` needs; the admin panel is not built, since tests do not serve it.
 */
export default async function compileCms(): Promise<void> {
  await execa('tsc', ['-p', 'tsconfig.json'], { cwd: cmsDir, preferLocal: true });
}
