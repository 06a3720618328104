import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ImportError } from './import-error.js';
import { parseYaml } from './parse-yaml.js';
import type { SiteValues } from './prepare-kramdown.js';

/** One post of a module: `modules/<module>/_posts/YYYY-MM-DD-<name>.md`. */
export interface CibPostFile {
  file: string;
  /** `YYYY-MM-DD` from the file name: the page order within the module. */
  date: string;
  /** The file name without date and extension: Jekyll's `:title`, the page slug. */
  name: string;
}

/** A course-in-a-box site as found on disk, before any page is parsed. */
export interface CibSite {
  root: string;
  /** `site.*` values for Liquid, from `_config.yml` (`baseurl` without its trailing slash). */
  site: SiteValues;
  /** `_config.yml`'s `permalink`, the template of post URLs. */
  permalink: string;
  /** Modules by folder name, in name order; posts in date order. */
  modules: Array<{ slug: string; posts: CibPostFile[] }>;
  /** The landing page (`index.md` or `index.html`), when there is one. */
  landingPage: string | null;
}

const POST_NAME = /^(\d{4}-\d{2}-\d{2})-(.+)\.(md|markdown)$/i;

const configSchema = z
  .object({ permalink: z.string().optional(), baseurl: z.string().nullish() })
  .passthrough()
  .nullable();

/** True for a folder holding `_config.yml` and a `modules` folder: a course-in-a-box site. */
export async function isCibSite(folder: string): Promise<boolean> {
  const exists = async (target: string): Promise<boolean> =>
    stat(target).then(
      () => true,
      () => false,
    );
  return (await exists(path.join(folder, '_config.yml'))) && (await exists(path.join(folder, 'modules')));
}

/**
 * Lists a course-in-a-box site: its `_config.yml` values and, per module folder, the Markdown
 * posts under `_posts` in date order. Files outside `_posts` are not pages of a module and are
 * ignored, as Jekyll's post collection does.
 * @throws ImportError when `_config.yml` is not valid YAML
 */
export async function readCibSite(root: string): Promise<CibSite> {
  const configFile = path.join(root, '_config.yml');
  let config: z.infer<typeof configSchema>;
  try {
    config = configSchema.parse(parseYaml(await readFile(configFile, 'utf8')));
  } catch (error) {
    throw new ImportError(configFile, 'is not a valid Jekyll _config.yml (YAML with top-level keys); fix it', {
      cause: error,
    });
  }
  const site = new Map<string, string>();
  for (const [key, value] of Object.entries(config ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') site.set(key, String(value));
  }
  // `{{ site.baseurl }}/x` must give `/x` whether baseurl is "", "/" or "/repo/".
  site.set('baseurl', (config?.baseurl ?? '').replace(/\/+$/, ''));
  const modulesDir = path.join(root, 'modules');
  const modules: CibSite['modules'] = [];
  for (const slug of (await readdir(modulesDir)).sort()) {
    const postsDir = path.join(modulesDir, slug, '_posts');
    const names = await readdir(postsDir).catch(() => null);
    if (names === null) continue;
    const posts = names.flatMap((name): CibPostFile[] => {
      const match = POST_NAME.exec(name);
      return match?.[1] && match[2] ? [{ file: path.join(postsDir, name), date: match[1], name: match[2] }] : [];
    });
    posts.sort((left, right) => left.date.localeCompare(right.date) || left.name.localeCompare(right.name));
    modules.push({ slug, posts });
  }
  const landing = ['index.md', 'index.markdown', 'index.html'].map((name) => path.join(root, name));
  let landingPage: string | null = null;
  for (const candidate of landing) {
    if (
      await stat(candidate).then(
        () => true,
        () => false,
      )
    ) {
      landingPage = candidate;
      break;
    }
  }
  return { root, site, permalink: config?.permalink ?? '/:categories/:title/', modules, landingPage };
}
