import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/utils/require-secret';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  // Uploads live under public/uploads. A restore empties that folder, so a throwaway CMS (the
  // tests) points this at a folder of its own rather than at the developer's media.
  dirs: {
    public: env('PUBLIC_DIR', './public'),
  },
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
