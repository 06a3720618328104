import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The files worth compressing: text. Images, fonts and Pagefind's fragments are compressed already. */
const TEXT_EXTENSIONS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.webmanifest']);

/**
 * Smaller files gain a few bytes at most, less than the headers of the exchange (nginx's own
 * gzip_min_length is 20 bytes; CDNs use about 1 kB).
 */
export const PRECOMPRESS_MIN_BYTES = 1024;

/** The siblings a text file gets, next to it: `page.html.br`, `page.html.gz` (what nginx looks for). */
export const PRECOMPRESSED_SUFFIXES = ['.br', '.gz'] as const;

/**
 * Files compressed at once. zlib's work runs on libuv's thread pool (4 threads by default), so a
 * few more than that keeps it busy without holding every file of a large release in memory.
 */
const PARALLEL_FILES = 8;

/** What precompressRelease did, for the build report. */
export interface PrecompressResult {
  /** Text files that got (or already had) compressed siblings. */
  files: number;
  /** Their size, and the size of their .br and .gz siblings, in bytes. */
  bytes: { original: number; brotli: number; gzip: number };
  /** Siblings already present (copied with a reused module from the live release), not redone. */
  kept: number;
  durationMs: number;
}

/**
 * Brotli quality 5, not the maximum 11: measured on a 15 kB content page, 11 took about 60 ms and
 * saved 12 % more than 5, which took 6 ms; at 1,000 pages that is a minute of every publish for a
 * few hundred bytes a page. The size hint lets brotli size its buffers.
 */
const BROTLI_QUALITY = 5;
/** gzip's level 9 saved under 1 % over 6 on the same files (for the clients without brotli). */
const GZIP_LEVEL = 6;

const brotliOptions = (size: number) => ({
  params: {
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});

/**
 * Writes `.br` and `.gz` siblings of every text file of a finished release that is at least
 * PRECOMPRESS_MIN_BYTES long, so a web server (nginx's gzip_static and brotli_static) sends them
 * without compressing on each request. A sibling that would not be smaller than its file is not
 * written: the server then sends the file as it is. Siblings that exist already belong to a module
 * folder copied from the live release, where they were written from the same file (releases never
 * change once finished), so they are kept. Runs on the release before it is verified and made live.
 */
export async function precompressRelease(dir: string): Promise<PrecompressResult> {
  const started = performance.now();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const names = new Set(entries.map((entry) => path.join(entry.parentPath, entry.name)));
  const texts = entries
    .filter((entry) => entry.isFile() && TEXT_EXTENSIONS.has(path.extname(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const result: PrecompressResult = { files: 0, bytes: { original: 0, brotli: 0, gzip: 0 }, kept: 0, durationMs: 0 };
  const compressOne = async (file: string): Promise<void> => {
    const missing = PRECOMPRESSED_SUFFIXES.filter((suffix) => !names.has(`${file}${suffix}`));
    if (missing.length === 0) {
      result.kept += 1;
      return;
    }
    const body = await readFile(file);
    if (body.length < PRECOMPRESS_MIN_BYTES) return;
    const [br, gz] = await Promise.all([
      brotli(body, brotliOptions(body.length)),
      gzipAsync(body, { level: GZIP_LEVEL }),
    ]);
    result.files += 1;
    result.bytes.original += body.length;
    result.bytes.brotli += Math.min(br.length, body.length);
    result.bytes.gzip += Math.min(gz.length, body.length);
    for (const suffix of missing) {
      const compressed = suffix === '.br' ? br : gz;
      if (compressed.length < body.length) await writeFile(`${file}${suffix}`, compressed);
    }
  };
  for (let start = 0; start < texts.length; start += PARALLEL_FILES) {
    await Promise.all(texts.slice(start, start + PARALLEL_FILES).map(compressOne));
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/** Whether a file name is a precompressed sibling (`x.html.br`), not a file of the site itself. */
export const isPrecompressedSibling = (name: string): boolean =>
  PRECOMPRESSED_SUFFIXES.some((suffix) => name.endsWith(suffix)) &&
  TEXT_EXTENSIONS.has(path.extname(name.slice(0, -3)));
