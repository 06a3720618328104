import { GraphQLClient } from 'graphql-request';
import { readEnv } from './read-env';

let client: GraphQLClient | undefined;
let requests = 0;

/**
 * One GraphQL client for the whole build, authenticated with the read-only token. It counts its
 * requests so the build can report them: they should grow with N/100, not with N.
 */
export function strapiClient(): GraphQLClient {
  if (client) return client;
  const env = readEnv();
  client = new GraphQLClient(`${env.STRAPI_URL}/graphql`, {
    headers: { Authorization: `Bearer ${env.STRAPI_READ_TOKEN}` },
    requestMiddleware: (request) => {
      requests += 1;
      return request;
    },
  });
  return client;
}

/** GraphQL requests sent so far in this build. */
export const graphqlRequestCount = (): number => requests;
