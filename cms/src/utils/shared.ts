/**
 * The rules the CMS shares with the site and the scripts (`@lm/shared`), loaded once for the whole
 * CMS. TypeScript emits these imports as `require` calls in source order and the call below after
 * them, so `@lm/shared` is compiled by the hook that ./typescript-hook installs, which is then removed.
 */
import { removeTypeScriptHook } from './typescript-hook';

export {
  checkCourse,
  checkCourseStructure,
  CONTENT_TYPE_UIDS,
  courseCheckReportSchema,
  courseDataSchema,
  type CourseCheckReport,
  type CheckedPage,
  type CourseData,
  type CourseIssue,
  entryPublishStatusSchema,
  findUnsafeUrls,
  GRAPHQL_PAGE_SIZE,
  isSafeUrl,
  isSiteContentType,
  LEGACY_PATH_RULE,
  LEGACY_PATHS_MAX,
  legacyPathKey,
  legacyPathProblem,
  legacyPathVariants,
  linkLookups,
  MAKE_SECRET_HINT,
  mergeCourseData,
  moduleUrl,
  pageUrl,
  parseEnv,
  PLACEHOLDER_PREFIX,
  previewLinkUrl,
  PUBLISH_STATUS_PATH,
  publishedChildrenProblem,
  publishOverviewSchema,
  REBUILD_SECRET_HEADER,
  REBUILD_SERVICE_DOWN,
  rebuildStatusSchema,
  reportFor,
  RESERVED_PAGE_SLUGS,
  RESOURCE_BOX_KINDS,
  S3_ENV_KEYS,
  s3EnvSchema,
  type S3Media,
  SAFE_URL_RULE,
  secretProblem,
  signPreviewLink,
  SITE_CONTENT_TYPES,
  slugify,
  type UnsafeUrl,
  videoProblem,
} from '@lm/shared';

removeTypeScriptHook();
