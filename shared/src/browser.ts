/**
 * What code that runs in a browser outside the site (the Strapi admin panel's extensions) may take
 * from the contract: modules that import no Node built-in. The package's main entry also exports
 * the preview link signing (node:crypto), which the admin's bundler cannot take.
 */
export * from './content-types.js';
export * from './publish-status.js';
export * from './course-check-report.js';
