import type { Core } from '@strapi/strapi';
import { configureAdminViews } from './bootstrap/configure-admin-views';
import { ensureLocalAdmin } from './bootstrap/ensure-local-admin';
import { lockDownPublicRole } from './bootstrap/lock-down-public-role';
import { provisionApiTokens } from './bootstrap/provision-api-tokens';
import { registerRebuildWebhook } from './bootstrap/register-rebuild-webhook';
import { pageSlugUniqueInModule } from './middlewares/page-slug-unique-in-module';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(pageSlugUniqueInModule(strapi));
  },

  /** A failing step throws, so Strapi stops instead of running half set up. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await lockDownPublicRole(strapi);
    await provisionApiTokens(strapi);
    await ensureLocalAdmin(strapi);
    await registerRebuildWebhook(strapi);
    await configureAdminViews(strapi);
  },
};
