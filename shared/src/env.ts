import { z } from 'zod';
import { PLACEHOLDER_PREFIX } from './secret-rules.js';

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

/** What the site preview route needs: where Strapi is and the one read token that may read drafts. */
export const previewEnvSchema = z.object({
  /** Base URL of the Strapi server, without a trailing slash. */
  STRAPI_URL: strapiUrl,
  /** API token that reads modules, sections and pages, drafts included; nothing else. */
  STRAPI_PREVIEW_TOKEN: token('STRAPI_PREVIEW_TOKEN'),
});
export type PreviewEnv = z.infer<typeof previewEnvSchema>;

/** What the importer needs: where Strapi is and a token that may write modules, sections and pages. */
export const writeEnvSchema = z.object({
  /** Base URL of the Strapi server, without a trailing slash. */
  STRAPI_URL: strapiUrl,
  /** API token allowed to create, update and publish content. */
  STRAPI_WRITE_TOKEN: token('STRAPI_WRITE_TOKEN'),
});
export type WriteEnv = z.infer<typeof writeEnvSchema>;

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
