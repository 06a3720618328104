import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/utils/require-secret';

/** The committed schema artifact that `shared/` generates typed documents from. */
const schemaArtifact = path.resolve(__dirname, '..', '..', '..', 'shared', 'schema.graphql');

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
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
      amountLimit: 100,
      defaultLimit: 100,
      maxLimit: 100,
      apolloServer: {
        introspection: env('NODE_ENV', 'development') === 'development',
      },
      // Only `npm run schema` writes the artifact, so an ordinary start never dirties the repo.
      generateArtifacts: env.bool('GRAPHQL_GENERATE_ARTIFACTS', false),
      artifacts: {
        schema: schemaArtifact,
        typegen: false,
      },
    },
  },
});

export default config;
