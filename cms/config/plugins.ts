import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { maxAliasesRule } from '../src/graphql/max-aliases-rule';
import { queryCostPlugin } from '../src/graphql/query-cost-plugin';
import { requireSecret } from '../src/utils/require-secret';
import { s3Media, s3UploadConfig } from '../src/utils/s3-media';
import { GRAPHQL_PAGE_SIZE } from '../src/utils/shared';

/** Items per list: the site and the rebuild service page through everything this many at a time. */
const PAGE_LIMIT = GRAPHQL_PAGE_SIZE;
/**
 * The most one GraphQL request may cost, in estimated database queries (see query-cost-plugin).
 * The site's costliest queries (ReleaseSections, PagesById: 100 sections or pages with what they
 * hold) cost about 1,200; the rest leaves room for the site to grow, while a query that
 * multiplies nested lists (100 modules x 100 sections x 100 pages...) is refused before it runs.
 */
const MAX_QUERY_COST = 2_000;
/** Aliases per request: the site's own queries use at most six. */
const MAX_ALIASES = 30;

/** The committed schema artifact that `shared/` generates typed documents from. */
const schemaArtifact = path.resolve(__dirname, '..', '..', '..', 'shared', 'schema.graphql');

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  const media = s3Media(env);
  return {
    // Several Strapi instances must share their media: in a bucket, when the S3_* values are set.
    ...(media === null ? {} : { upload: { config: s3UploadConfig(media) } }),
    'users-permissions': {
      config: {
        jwtSecret: requireSecret(env, 'JWT_SECRET'),
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // The playground is a development aid; it must not be reachable on a deployed CMS.
        landingPage: env('NODE_ENV', 'development') === 'development',
        depthLimit: 10,
        amountLimit: PAGE_LIMIT,
        defaultLimit: PAGE_LIMIT,
        maxLimit: PAGE_LIMIT,
        // Depth alone does not bound a query: breadth (aliases) and nested page sizes do the damage.
        // Strapi appends these to its own validation rules and Apollo plugins.
        apolloServer: {
          introspection: env('NODE_ENV', 'development') === 'development',
          validationRules: [maxAliasesRule(MAX_ALIASES)],
          plugins: [queryCostPlugin({ maxCost: MAX_QUERY_COST, defaultLimit: PAGE_LIMIT, maxLimit: PAGE_LIMIT })],
        },
        // Only `npm run schema` writes the artifact, so an ordinary start never dirties the repo.
        generateArtifacts: env.bool('GRAPHQL_GENERATE_ARTIFACTS', false),
        artifacts: {
          schema: schemaArtifact,
          typegen: false,
        },
      },
    },
  };
};

export default config;
