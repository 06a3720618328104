/**
 * The rules the CMS shares with the site and the scripts (`@lm/shared`), loaded once for the whole
 * CMS. TypeScript emits these imports as `require` calls in source order and the call below after
 * them, so `@lm/shared` is compiled by the hook that ./typescript-hook installs, which is then removed.
 */
import { removeTypeScriptHook } from './typescript-hook';

export {
  findUnsafeUrls,
  isSafeUrl,
  MAKE_SECRET_HINT,
  PLACEHOLDER_PREFIX,
  SAFE_URL_RULE,
  secretProblem,
  SITE_CONTENT_TYPES,
  type UnsafeUrl,
} from '@lm/shared';

removeTypeScriptHook();
