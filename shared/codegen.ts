import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Turns Strapi's committed schema artifact and our queries into typed documents, so every query
 * result's type comes from the schema rather than from a cast. Run with `npm run codegen`.
 */
const config: CodegenConfig = {
  schema: 'shared/schema.graphql',
  documents: ['shared/queries/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'shared/src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: false,
        scalars: { DateTime: 'string', JSON: 'unknown', ID: 'string' },
      },
    },
  },
};

export default config;
