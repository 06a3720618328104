import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { assertProductionSecret } from '../utils/require-secret';
import { SITE_CONTENT_TYPES } from '../utils/shared';

const READ_ACTIONS = ['find', 'findOne'];
// The Content API has no publish action: the importer publishes by creating or updating with
// `?status=published`, which Strapi allows under `create` and `update`.
const WRITE_ACTIONS = [...READ_ACTIONS, 'create', 'update', 'delete'];
// The importer uploads the files pages reference (images, PDFs) and finds earlier uploads by the
// content hash in their names, so it lists and uploads media; it never deletes any.
const IMPORTER_MEDIA_ACTIONS = ['plugin::upload.content-api.find', 'plugin::upload.content-api.upload'];

/** Rights on the types the site shows, the only ones any API token may touch. */
const permissionsFor = (actions: string[]): string[] =>
  SITE_CONTENT_TYPES.flatMap((uid) => actions.map((action) => `${uid}.${action}`));

interface TokenSpec {
  /** Also how the draft rule recognises the token (names are unique in Strapi). */
  name: string;
  description: string;
  /** Name of the `.env` variable that holds the plaintext token. */
  envName: string;
  permissions: string[];
  /** Whether requests with this token may ask for drafts; all others read published content only. */
  readsDrafts: boolean;
}

const TOKENS: TokenSpec[] = [
  {
    name: 'Site build (read-only)',
    description:
      'Used by the Astro build to read published modules, sections and pages over GraphQL; no drafts. Provisioned from STRAPI_READ_TOKEN.',
    envName: 'STRAPI_READ_TOKEN',
    permissions: permissionsFor(READ_ACTIONS),
    readsDrafts: false,
  },
  {
    name: 'Site preview (drafts)',
    description:
      'Used by the site preview route to read modules, sections and pages, drafts included. Provisioned from STRAPI_PREVIEW_TOKEN.',
    envName: 'STRAPI_PREVIEW_TOKEN',
    permissions: permissionsFor(READ_ACTIONS),
    readsDrafts: true,
  },
  {
    name: 'Importer (write)',
    description:
      'Used by `npm run import` to create, update and publish modules, sections and pages; it reads drafts to find what exists. Provisioned from STRAPI_WRITE_TOKEN.',
    envName: 'STRAPI_WRITE_TOKEN',
    permissions: [...permissionsFor(WRITE_ACTIONS), ...IMPORTER_MEDIA_ACTIONS],
    readsDrafts: true,
  },
];

/** Names of the API tokens whose requests may read drafts: the preview and the importer's. */
export const DRAFT_READER_TOKEN_NAMES: ReadonlySet<string> = new Set(
  TOKENS.filter((spec) => spec.readsDrafts).map((spec) => spec.name),
);

/**
 * The part of Strapi's (untyped) API-token service this module relies on, checked at run time so
 * an upgrade that changes it fails the bootstrap loudly instead of provisioning a broken token.
 */
const tokenServiceSchema = z.object({
  hash: z.function().args(z.string()).returns(z.string()),
  getByName: z
    .function()
    .args(z.string())
    .returns(z.promise(z.object({ id: z.number() }).passthrough().nullable().optional())),
  create: z
    .function()
    .args(z.record(z.unknown()))
    .returns(z.promise(z.object({ id: z.number() }).passthrough())),
  update: z.function().args(z.number(), z.record(z.unknown())).returns(z.promise(z.unknown())),
});
const encryptionServiceSchema = z.object({
  encrypt: z.function().args(z.string()).returns(z.string().nullable()),
});

/**
 * Makes the API tokens in `.env` valid in this Strapi, so that neither the site build, the preview
 * nor the importer needs a click in the admin. Each is a custom token limited to our three types
 * (find and findOne only, plus create, update and delete for the importer), rewritten on every start
 * so a right ticked in the admin does not last. Strapi generates random keys itself, so after
 * creating (or finding) each token we overwrite its stored hash with the hash of the key from `.env`.
 * Skipped when a variable is unset: production may create tokens in the admin instead. In production
 * a token that is set must be a real secret, since anyone who knows a placeholder could use it.
 */
export async function provisionApiTokens(strapi: Core.Strapi): Promise<void> {
  const isProduction = process.env.NODE_ENV === 'production';
  const tokens = tokenServiceSchema.parse(strapi.service('admin::api-token-content-api'));
  const encryption = encryptionServiceSchema.parse(strapi.service('admin::encryption'));
  for (const spec of TOKENS) {
    const accessKey = process.env[spec.envName];
    if (isProduction && accessKey !== undefined) assertProductionSecret(spec.envName, accessKey);
    if (!accessKey) {
      strapi.log.warn(`[cms] ${spec.envName} is not set; the "${spec.name}" API token was not provisioned.`);
      continue;
    }
    const attributes = {
      name: spec.name,
      description: spec.description,
      type: 'custom',
      permissions: spec.permissions,
    };
    const existing = await tokens.getByName(spec.name);
    const id = existing ? existing.id : (await tokens.create({ ...attributes, lifespan: null })).id;
    if (existing) await tokens.update(id, attributes);
    await strapi.db.query('admin::api-token').update({
      where: { id },
      data: { accessKey: tokens.hash(accessKey), encryptedKey: encryption.encrypt(accessKey) },
    });
  }
}
