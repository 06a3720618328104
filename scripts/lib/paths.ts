import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository's top folder, whatever the current directory is. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cmsDir = path.join(repoRoot, 'cms');
export const siteDir = path.join(repoRoot, 'site');
export const envPath = path.join(repoRoot, '.env');
export const envExamplePath = path.join(repoRoot, '.env.example');
