import { GraphQLClient } from 'graphql-request';
import { parseEnv, previewEnvSchema } from '@lm/shared';

let client: GraphQLClient | undefined;

/**
 * The GraphQL client of the preview, authenticated with the preview token: the one read token
 * Strapi lets read drafts (cms/src/middlewares/drafts-for-preview-only.ts). Never the Public role,
 * which reads nothing. Read from the environment of the process serving the preview.
 */
export function draftClient(): GraphQLClient {
  if (client) return client;
  const env = parseEnv(previewEnvSchema, process.env, '[preview]');
  client = new GraphQLClient(`${env.STRAPI_URL}/graphql`, {
    headers: { Authorization: `Bearer ${env.STRAPI_PREVIEW_TOKEN}` },
  });
  return client;
}
