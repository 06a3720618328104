import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/utils/require-secret';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: {
    keys: requireSecret(env, 'APP_KEYS').split(','),
  },
  webhooks: {
    // The rebuilder treats a delivery as a signal and reads content from the API, so relations
    // in the payload would only make each delivery larger.
    populateRelations: false,
  },
});

export default config;
