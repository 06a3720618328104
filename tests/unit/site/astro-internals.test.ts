import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ASTRO_INTERNALS,
  ASTRO_VERSION_CHECKED,
  DATA_STORE_FILE,
  DATA_STORE_MODULE,
  assertCheckedAstro,
  installedAstroVersion,
  serverBundleDir,
} from '../../../site/integrations/astro-internals.js';
// Astro's own modules, to hold our copies of its internals against them.
import {
  DATA_STORE_FILE as ASTRO_DATA_STORE_FILE,
  RESOLVED_DATA_STORE_VIRTUAL_ID,
} from '../../../node_modules/astro/dist/content/consts.js';
import { getOutDirWithinCwd } from '../../../node_modules/astro/dist/core/build/common.js';

describe('the guard on the Astro internals the build uses', () => {
  it('passes for the installed Astro, the version they were checked against', () => {
    expect(installedAstroVersion()).toBe(ASTRO_VERSION_CHECKED);
    expect(() => {
      assertCheckedAstro();
    }).not.toThrow();
  });

  it('fails for another version, naming both versions and every internal to check', () => {
    let message = '';
    try {
      assertCheckedAstro('5.19.0');
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toContain('[build] Astro 5.19.0 is not the version');
    expect(message).toContain(`(${ASTRO_VERSION_CHECKED})`);
    for (const internal of ASTRO_INTERNALS) expect(message).toContain(internal);
    expect(message).toContain('ASTRO_VERSION_CHECKED');
  });
});

describe('the internals, as the installed Astro has them', () => {
  it('names the content module and its file as Astro does', () => {
    expect(DATA_STORE_MODULE).toBe(RESOLVED_DATA_STORE_VIRTUAL_ID);
    expect(DATA_STORE_FILE).toBe(ASTRO_DATA_STORE_FILE);
  });

  const cwd = process.cwd();
  const cases: Array<[string, string]> = [
    ['outside the working folder (a release)', path.join(path.parse(cwd).root, 'releases', 'r1.partial')],
    ['inside the working folder', path.join(cwd, 'dist')],
  ];
  it.each(cases)('places the server bundle as Astro does, for an output folder %s', (_name, outDir) => {
    const astro = fileURLToPath(getOutDirWithinCwd(pathToFileURL(`${outDir}${path.sep}`)));
    expect(path.resolve(serverBundleDir(outDir, cwd))).toBe(path.resolve(astro));
  });
});
