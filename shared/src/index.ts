export * from './blocks.js';
export * from './content.js';
export * from './env.js';
export * from './slug.js';
export * from './urls.js';
export * from './render-manifest.js';
export * from './safe-url.js';
export * from './secret-rules.js';
