import { compileCms } from '../../scripts/lib/ensure-cms-compiled.js';

/**
 * Vitest global setup for the integration tests: compiles the CMS once (TypeScript to cms/dist),
 * which `strapi start` needs; the admin panel is not built, since tests do not serve it.
 */
export default compileCms;
