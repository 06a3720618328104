import type { Core } from '@strapi/strapi';
import { publishStatusRouter } from './publish-status-router';

/**
 * An API folder's routes are always Content API routes (under /api, for tokens); the admin's
 * publish status needs the admin's session, so its router is added as an admin router here, once
 * Strapi has set up routing.
 */
export default {
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    strapi.server.routes(publishStatusRouter(strapi));
  },
};
