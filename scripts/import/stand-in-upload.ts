import path from 'node:path';
import { IMAGE_EXTENSIONS, type SiteMediaFile } from './site-media-files.js';
import { mediaName, type UploadedFile } from './upload-media.js';

/** The formats Strapi makes of an uploaded image, largest set: what an image node may carry. */
const FORMATS = ['thumbnail', 'small', 'medium', 'large'];
/** Strapi's stored hash: the file's name made safe, then 10 random characters. */
const HASH_SUFFIX = '_0123456789';

/**
 * What the media library is expected to answer for `file`, before it is uploaded: the same name
 * and URL lengths, every format an image can get, numbers as wide as real ones. The size checks
 * run on pages pointed at these, so a page refused for its size is refused before its files are
 * uploaded; the real records are measured again before each write.
 */
export function standInUpload(file: SiteMediaFile): UploadedFile {
  const name = mediaName(file);
  const ext = path.posix.extname(file.sitePath).toLowerCase();
  const image = IMAGE_EXTENSIONS.has(ext);
  const hash = `${path.posix.basename(name, ext).replace(/[^\w-]/g, '_')}${HASH_SUFFIX}`;
  const mime = image ? `image/${ext.slice(1)}` : 'application/octet-stream';
  const stamp = new Date(0).toISOString();
  const format = (prefix: string) => ({
    ext,
    url: `/uploads/${prefix}_${hash}${ext}`,
    hash: `${prefix}_${hash}`,
    mime,
    name: `${prefix}_${name}`,
    path: null,
    size: 99999.99,
    width: 9999,
    height: 9999,
    sizeInBytes: 99999999,
  });
  return {
    id: 999999,
    name,
    alternativeText: file.alternativeText,
    caption: null,
    url: `/uploads/${hash}${ext}`,
    width: image ? 9999 : null,
    height: image ? 9999 : null,
    formats: image ? Object.fromEntries(FORMATS.map((prefix) => [prefix, format(prefix)])) : null,
    hash,
    ext,
    mime,
    size: 99999.99,
    previewUrl: null,
    provider: 'local',
    provider_metadata: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
}
