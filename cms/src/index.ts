import type { Core } from '@strapi/strapi';
import { configureAdminViews } from './bootstrap/configure-admin-views';
import { disablePublicRegistration } from './bootstrap/disable-public-registration';
import { ensureLocalUsers } from './bootstrap/ensure-local-users';
import { lockDownPublicRole } from './bootstrap/lock-down-public-role';
import { DRAFT_READER_TOKEN_NAMES, provisionApiTokens } from './bootstrap/provision-api-tokens';
import { provisionEditorialRoles } from './bootstrap/provision-editorial-roles';
import { registerRebuildWebhook } from './bootstrap/register-rebuild-webhook';
import { registerCourseChecksRoute } from './course-checks/course-checks-route';
import { disableAccountMutations } from './graphql/disable-account-mutations';
import { draftsForPreviewOnly } from './middlewares/drafts-for-preview-only';
import { legacyPathsValid } from './middlewares/legacy-paths-valid';
import { courseChecksOnWrite } from './middlewares/course-checks-on-write';
import { pageSlugNotReserved } from './middlewares/page-slug-not-reserved';
import { refuseUnsafeUrls } from './middlewares/refuse-unsafe-urls';
import { slugFromTitle } from './middlewares/slug-from-title';
import { videoIdsValid } from './middlewares/video-ids-valid';
import { SITE_CONTENT_TYPES } from './utils/shared';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(draftsForPreviewOnly(strapi, SITE_CONTENT_TYPES, DRAFT_READER_TOKEN_NAMES));
    strapi.documents.use(refuseUnsafeUrls(strapi, SITE_CONTENT_TYPES));
    // Before the slug checks, which judge a generated slug like a typed one.
    strapi.documents.use(slugFromTitle(strapi));
    strapi.documents.use(pageSlugNotReserved());
    strapi.documents.use(legacyPathsValid(strapi));
    strapi.documents.use(videoIdsValid());
    // Last: it writes first and judges the result, so the cheaper checks above refuse before any write.
    strapi.documents.use(courseChecksOnWrite(strapi));
    disableAccountMutations(strapi);
    registerCourseChecksRoute(strapi);
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
