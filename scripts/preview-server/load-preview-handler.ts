import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { AstroHandler } from './preview-server.js';
import { previewEntry } from './preview-build.js';

/** The built entry exports `handler` (the adapter's middleware mode): checked to be a function. */
const entrySchema = z.object({
  handler: z.custom<AstroHandler>((value) => typeof value === 'function', 'the built preview exports no handler'),
});

/** Loads the built preview's request handler (site/preview/dist/server/entry.mjs). */
export async function loadPreviewHandler(entry: string = previewEntry): Promise<AstroHandler> {
  let loaded: unknown;
  try {
    loaded = await import(pathToFileURL(entry).href);
  } catch (error) {
    throw new Error(`[preview] Cannot load the built preview at ${entry}. Build it: npm run preview:build.`, {
      cause: error,
    });
  }
  const parsed = entrySchema.safeParse(loaded);
  if (!parsed.success) throw new Error(`[preview] ${entry} is not a built preview.`, { cause: parsed.error });
  return parsed.data.handler;
}
