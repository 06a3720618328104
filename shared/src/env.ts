import { z } from 'zod';
import { MAKE_SECRET_HINT, MIN_SECRET_LENGTH, PLACEHOLDER_PREFIX, secretProblem } from './secret-rules.js';

const token = (name: string) =>
  z
    .string({ required_error: `${name} is missing. Run \`npm start\` once to write .env, or copy .env.example.` })
    .min(16, `${name} is too short to be a Strapi API token.`)
    .refine((value) => !value.startsWith(PLACEHOLDER_PREFIX), `${name} is still the placeholder from .env.example.`);

const strapiUrl = z
  .string()
  .url('STRAPI_URL must be a URL such as http://localhost:1337.')
  .default('http://localhost:1337')
  .transform((value) => value.replace(/\/+$/, ''));

/** What the site build needs: where Strapi is and a token that may only read. */
export const readEnvSchema = z.object({
  /** Base URL of the Strapi server, without a trailing slash. */
  STRAPI_URL: strapiUrl,
  /** The build's API token: reads published content only. */
  STRAPI_READ_TOKEN: token('STRAPI_READ_TOKEN'),
});
export type ReadEnv = z.infer<typeof readEnvSchema>;

/**
 * Where the site build reads its content from. Unset (every public build): Strapi. Set: a JSON
 * snapshot of what Strapi served (site/src/lib/content-snapshot.ts), for benchmarks that measure
 * the build without the fetch; nothing sets it but the one who runs such a benchmark.
 */
export const contentSourceEnvSchema = z.object({
  /** Path of a content snapshot to build from instead of Strapi. */
  SITE_CONTENT_SNAPSHOT: z.string().min(1, 'SITE_CONTENT_SNAPSHOT must be the path of a content snapshot, or unset.').optional(),
  /**
   * How a build with nothing cached reads Strapi: every entry in full at once (`direct`, the
   * default), or as incremental builds do, stamps first and then the entries by id (`stamps`, the
   * way before `direct`; `npm run bench:build` measures both).
   */
  SITE_COLD_FETCH: z.enum(['direct', 'stamps'], { message: 'SITE_COLD_FETCH must be direct or stamps.' }).default('direct'),
});
export type ContentSourceEnv = z.infer<typeof contentSourceEnvSchema>;

/** What the site preview route needs: where Strapi is and the one read token that may read drafts. */
export const previewEnvSchema = z.object({
  /** Base URL of the Strapi server, without a trailing slash. */
  STRAPI_URL: strapiUrl,
  /** API token that reads modules, sections and pages, drafts included; nothing else. */
  STRAPI_PREVIEW_TOKEN: token('STRAPI_PREVIEW_TOKEN'),
});
export type PreviewEnv = z.infer<typeof previewEnvSchema>;

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ invalid_type_error: `${name} must be a port number.` })
    .int(`${name} must be a whole number.`)
    .min(1, `${name} must be a port between 1 and 65535.`)
    .max(65535, `${name} must be a port between 1 and 65535.`)
    .default(fallback);

/**
 * What the preview server needs besides the preview token: the secret the admin signs preview
 * links with, where it listens, and the admin's origin (STRAPI_URL), the only page that may frame it.
 */
export const previewServerEnvSchema = previewEnvSchema.extend({
  /** HMAC key shared with the CMS, which signs the links its Preview button opens. */
  PREVIEW_SECRET: z
    .string({
      required_error: 'PREVIEW_SECRET is missing. Run `npm start` once to add it to .env, or copy .env.example.',
    })
    .min(
      MIN_SECRET_LENGTH,
      `PREVIEW_SECRET is too short (at least ${String(MIN_SECRET_LENGTH)} characters; ${MAKE_SECRET_HINT}).`,
    )
    .refine(
      (value) => !value.startsWith(PLACEHOLDER_PREFIX),
      'PREVIEW_SECRET is still the placeholder from .env.example.',
    ),
  /** Where editors' browsers reach the preview server (the admin frames it); https marks its cookie Secure. */
  PREVIEW_URL: z
    .string()
    .url('PREVIEW_URL must be a URL such as http://localhost:4323.')
    .default('http://localhost:4323')
    .transform((value) => value.replace(/\/+$/, '')),
  /** Where the preview server listens (default 127.0.0.1:4323). */
  PREVIEW_HOST: z.string().min(1).default('127.0.0.1'),
  PREVIEW_PORT: port('PREVIEW_PORT', 4323),
  /** The public site's canonical URL: the preview's canonical links point there, as the site's do. */
  SITE_URL: z.string().url('SITE_URL must be a URL such as http://localhost:4321.').default('http://localhost:4321'),
});
export type PreviewServerEnv = z.infer<typeof previewServerEnvSchema>;

/** What the importer needs: where Strapi is and a token that may write modules, sections and pages. */
export const writeEnvSchema = z.object({
  /** Base URL of the Strapi server, without a trailing slash. */
  STRAPI_URL: strapiUrl,
  /** API token allowed to create, update and publish content. */
  STRAPI_WRITE_TOKEN: token('STRAPI_WRITE_TOKEN'),
});
export type WriteEnv = z.infer<typeof writeEnvSchema>;

const BACKUP_KEY_FIX = `Run \`npm start\` once to add a fresh one to .env, or add BACKUP_ENCRYPTION_KEY=<key> to .env (make one with: ${MAKE_SECRET_HINT}).`;

/**
 * What `npm run backup` and `npm run restore` need besides Strapi's own settings: the key that
 * encrypts the archive. There is no default: an archive anyone could decrypt is no protection.
 */
export const backupEnvSchema = z.object({
  /** Key the archives are encrypted with; losing it makes every backup made with it unreadable. */
  BACKUP_ENCRYPTION_KEY: z
    .string({ required_error: `BACKUP_ENCRYPTION_KEY is missing. ${BACKUP_KEY_FIX}` })
    .superRefine((value, context) => {
      const problem = secretProblem(value);
      if (problem)
        context.addIssue({ code: 'custom', message: `BACKUP_ENCRYPTION_KEY is ${problem}. ${BACKUP_KEY_FIX}` });
    }),
});
export type BackupEnv = z.infer<typeof backupEnvSchema>;

/**
 * Parses an environment with a schema and turns every problem into one readable message that
 * names the variables, instead of a zod stack trace.
 */
export function parseEnv<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  env: Record<string, string | undefined>,
  prefix: string,
): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || 'env'}: ${issue.message}`);
  throw new Error(`${prefix} The environment is not usable:\n${problems.join('\n')}`, { cause: result.error });
}
