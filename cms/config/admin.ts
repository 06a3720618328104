import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/utils/require-secret';
import { isSiteContentType, previewLinkUrl, signPreviewLink } from '../src/utils/shared';

/**
 * Strapi's Preview: the admin frames the preview server (scripts/preview-server), which renders a
 * draft with the public site's own pages. The link carries a short-lived HMAC over the document
 * and an expiry, signed with PREVIEW_SECRET, so only someone the admin gave a link sees drafts.
 * An empty PREVIEW_URL turns the Preview button off.
 */
function previewConfig(env: Core.Config.Shared.ConfigParams['env']): Core.Config.Admin['preview'] {
  const previewUrl = env('PREVIEW_URL', 'http://localhost:4323').trim();
  if (previewUrl === '') return { enabled: false, config: { handler: () => null } };
  const origin = new URL(previewUrl).origin;
  const secret = requireSecret(env, 'PREVIEW_SECRET');
  return {
    enabled: true,
    config: {
      // Strapi adds these to the admin's Content-Security-Policy (frame-src) so it may frame them.
      allowedOrigins: [origin],
      handler: (uid, { documentId }) => {
        // Other types (users, media) have no page on the site: no Preview button for them.
        if (!isSiteContentType(uid) || !documentId) return null;
        return previewLinkUrl(origin, signPreviewLink(secret, { uid, documentId }));
      },
    },
  };
}

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
  preview: previewConfig(env),
  flags: {
    nps: false,
    promoteEE: false,
  },
});

export default config;
