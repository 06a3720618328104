import { existsSync } from 'node:fs';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/paths.js';
import { readDotenv } from '../lib/read-dotenv.js';
import { parseSiteServerConfig } from '../lib/site-server-config.js';
import { nginxSiteConfig } from './nginx-site-config.js';
import { nginxStandaloneConfig } from './nginx-standalone-config.js';

/** Where Debian's libnginx-mod-http-brotli-static puts its module. */
const DEBIAN_BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

const USAGE = `Usage: npm run nginx:config -- --out <file> [options]

Writes the nginx config that serves RELEASES_DIR/live (from .env) as the Node site server does.

  --out <file>            where to write it (required)
  --listen <address>      nginx's listen argument (default 80)
  --server-name <names>   nginx's server_name (default _, any host)
  --releases-dir <dir>    the releases folder (default: RELEASES_DIR from .env)
  --brotli <auto|on|off>  serve .br files with brotli_static (default auto: on when
                          ${DEBIAN_BROTLI_MODULE} exists)
  --standalone            a whole nginx.conf rather than a file for /etc/nginx/conf.d/
  --prefix <dir>          with --standalone: where nginx writes its pid, temp files and log
  --mime-types <file>     with --standalone (default /etc/nginx/mime.types)`;

function fail(message: string): never {
  throw new Error(`[nginx] ${message}\n\n${USAGE}`);
}

/** Reads the releases folder's real path when it exists, so nginx's check of `live` compares like with like. */
async function resolvedReleasesDir(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  return existsSync(absolute) ? realpath(absolute) : absolute;
}

/** `npm run nginx:config`: generates the nginx config (see scripts/nginx/nginx-site-config.ts). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      listen: { type: 'string', default: '80' },
      'server-name': { type: 'string', default: '_' },
      'releases-dir': { type: 'string' },
      brotli: { type: 'string', default: 'auto' },
      standalone: { type: 'boolean', default: false },
      prefix: { type: 'string' },
      'mime-types': { type: 'string', default: '/etc/nginx/mime.types' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.out === undefined) fail('--out is missing: say where to write the config.');
  if (!['auto', 'on', 'off'].includes(values.brotli)) fail(`--brotli is "${values.brotli}", not auto, on or off.`);
  const brotli = values.brotli === 'auto' ? existsSync(DEBIAN_BROTLI_MODULE) : values.brotli === 'on';
  const releasesDir = await resolvedReleasesDir(
    values['releases-dir'] ?? parseSiteServerConfig(readDotenv(), repoRoot).RELEASES_DIR,
  );
  const site = { releasesDir, listen: values.listen, serverName: values['server-name'], brotli };
  let text: string;
  if (values.standalone) {
    if (values.prefix === undefined) fail('--standalone needs --prefix: a folder nginx may write to.');
    const prefix = path.resolve(values.prefix);
    await mkdir(prefix, { recursive: true });
    text = nginxStandaloneConfig({
      ...site,
      prefix,
      mimeTypes: values['mime-types'],
      brotliModule: DEBIAN_BROTLI_MODULE,
    });
  } else {
    text = nginxSiteConfig(site);
  }
  const out = path.resolve(values.out);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, text);
  console.log(
    `[nginx] Wrote ${out}: serves ${path.join(releasesDir, 'live')} on ${values.listen}` +
      `${brotli ? ', brotli and gzip' : ', gzip only (no brotli_static module)'}. Check it with nginx -t.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
