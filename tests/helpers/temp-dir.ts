import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A new empty folder under the OS temp folder, for one test's files. */
export const tempDir = (prefix: string): Promise<string> => mkdtemp(path.join(tmpdir(), `lm-${prefix}-`));
