import type { Core } from '@strapi/strapi';
import { configureAdminViews } from './bootstrap/configure-admin-views';
import { disablePublicRegistration } from './bootstrap/disable-public-registration';
import { ensureLocalUsers } from './bootstrap/ensure-local-users';
import { lockDownPublicRole } from './bootstrap/lock-down-public-role';
import { DRAFT_READER_TOKEN_NAMES, provisionApiTokens } from './bootstrap/provision-api-tokens';
import { provisionEditorialRoles } from './bootstrap/provision-editorial-roles';
import { registerRebuildWebhook } from './bootstrap/register-rebuild-webhook';
import { disableAccountMutations } from './graphql/disable-account-mutations';
import { draftsForPreviewOnly } from './middlewares/drafts-for-preview-only';
import { legacyPathsValid } from './middlewares/legacy-paths-valid';
import { pageSlugUniqueInModule } from './middlewares/page-slug-unique-in-module';
import { refuseUnsafeUrls } from './middlewares/refuse-unsafe-urls';
import { SITE_CONTENT_TYPES } from './utils/shared';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(draftsForPreviewOnly(strapi, SITE_CONTENT_TYPES, DRAFT_READER_TOKEN_NAMES));
    strapi.documents.use(refuseUnsafeUrls(strapi, SITE_CONTENT_TYPES));
    strapi.documents.use(pageSlugUniqueInModule(strapi));
    strapi.documents.use(legacyPathsValid(strapi));
    disableAccountMutations(strapi);
  },

  /** A failing step throws, so Strapi stops instead of running half set up. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await lockDownPublicRole(strapi);
    await disablePublicRegistration(strapi);
    await provisionApiTokens(strapi);
    await provisionEditorialRoles(strapi);
    await ensureLocalUsers(strapi);
    await registerRebuildWebhook(strapi);
    await configureAdminViews(strapi);
  },
};
