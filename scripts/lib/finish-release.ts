import { writeNginxRedirectMap } from '../nginx/nginx-redirect-map.js';
import { precompressRelease, type PrecompressResult } from './precompress-release.js';

/**
 * What a built release gets before it is verified and made live, beyond the site's own output:
 * the redirect map in nginx's syntax and the precompressed siblings of its text files, both for
 * the production web server (see scripts/nginx/). The Node server uses neither. Returns what
 * the precompression did (its time goes into the build report as `compressMs`).
 */
export async function finishRelease(dir: string): Promise<PrecompressResult> {
  await writeNginxRedirectMap(dir);
  return precompressRelease(dir);
}
