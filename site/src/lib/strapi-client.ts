import { GraphQLClient } from 'graphql-request';
import { currentSiteBuild } from '@lm/shared';
import { readEnv } from './read-env';
import { retryOnReset } from './retry-on-reset';

let client: GraphQLClient | undefined;
let requests = 0;

/**
 * One GraphQL client for the whole build, authenticated with the read-only token. It counts its
 * requests so the build can report them (in the build's state, see shared/src/build-report.ts):
 * they should grow with N/100, not with N.
 */
export function strapiClient(): GraphQLClient {
  if (client) return client;
  const env = readEnv();
  client = new GraphQLClient(`${env.STRAPI_URL}/graphql`, {
    headers: { Authorization: `Bearer ${env.STRAPI_READ_TOKEN}` },
    fetch: retryOnReset(fetch),
    requestMiddleware: (request) => {
      requests += 1;
      const build = currentSiteBuild();
      if (build) build.graphqlRequests += 1;
      return request;
    },
  });
  return client;
}

/** GraphQL requests this client sent so far, for progress lines. */
export const graphqlRequestCount = (): number => requests;
