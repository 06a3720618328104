export * from './blocks.js';
export * from './content.js';
export * from './env.js';
export * from './slug.js';
export * from './urls.js';
export * from './render-manifest.js';
