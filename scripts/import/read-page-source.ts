import { open } from 'node:fs/promises';
import { ImportError } from './import-error.js';
import { sourceSizeError } from './size-limits.js';

/**
 * Reads one Markdown file as UTF-8, refusing it before reading when it is over `maxBytes`, so an
 * oversized page costs no memory. The read never takes more than the size checked, plus one byte
 * to notice a file that grew in between.
 * @throws ImportError naming the file: unreadable, over the limit, or changed while being read
 */
export async function readPageSource(file: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new ImportError(file, 'cannot be read; check that it exists and is readable', { cause: error });
  }
  try {
    const { size } = await handle.stat();
    const tooLarge = sourceSizeError(file, size, maxBytes);
    if (tooLarge) throw tooLarge;
    const buffer = Buffer.alloc(size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > size) throw new ImportError(file, 'changed while it was being read; import it again');
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(file, 'cannot be read; check that it exists and is readable', { cause: error });
  } finally {
    await handle.close();
  }
}
