import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { assertProductionSecret } from '../utils/require-secret';

/** The content types the importer writes; the build token reads them (and nothing is public). */
const WRITABLE_TYPES = ['api::module.module', 'api::section.section', 'api::page.page'];
const WRITE_ACTIONS = ['find', 'findOne', 'create', 'update', 'delete'];

interface TokenSpec {
  name: string;
  description: string;
  /** Name of the `.env` variable that holds the plaintext token. */
  envName: string;
  type: 'read-only' | 'custom';
  permissions: string[];
}

const TOKENS: TokenSpec[] = [
  {
    name: 'Site build (read-only)',
    description: 'Used by the Astro build to read published content over GraphQL. Provisioned from STRAPI_READ_TOKEN.',
    envName: 'STRAPI_READ_TOKEN',
    type: 'read-only',
    permissions: [],
  },
  {
    name: 'Importer (write)',
    description:
      'Used by `npm run import` to create, update and publish modules, sections and pages. Provisioned from STRAPI_WRITE_TOKEN.',
    envName: 'STRAPI_WRITE_TOKEN',
    type: 'custom',
    permissions: WRITABLE_TYPES.flatMap((uid) => WRITE_ACTIONS.map((action) => `${uid}.${action}`)),
  },
];

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
 * Makes the API tokens in `.env` valid in this Strapi, so that neither the site build nor the
 * importer needs a click in the admin. Strapi generates random keys itself, so after creating (or
 * finding) each token we overwrite its stored hash with the hash of the key from `.env`.
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
      type: spec.type,
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
