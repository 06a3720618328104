import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/utils/require-secret';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  // Integration tests boot Strapi without the (slow to build) admin bundle.
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  auth: {
    secret: requireSecret(env, 'ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: requireSecret(env, 'API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: requireSecret(env, 'TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: requireSecret(env, 'ENCRYPTION_KEY'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
});

export default config;
