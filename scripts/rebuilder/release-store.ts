import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findLink } from '../lib/find-link.js';
import { RELEASE_ID_PATTERN, compareReleaseIds, releaseId } from './release-id.js';
import { RELEASE_META_FILE, releaseMetaSchema, type ReleaseMeta } from './release-meta.js';
import { selectPrunable } from './select-prunable.js';
import { serviceStateSchema, type ServiceState } from './service-state.js';
import { TEMP_LINK_PREFIX, swapSymlink } from './swap-symlink.js';

const PARTIAL_SUFFIX = '.partial';
const STATE_FILE = 'state.json';

/** A folder removed at start because a previous run stopped while writing it. */
export interface LeftOver {
  name: string;
  /** When it was last written (ISO). */
  modifiedAt: string;
}

const isMissing = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');

/**
 * The releases folder: `<id>.partial` while a build writes, `<id>` once verified, `live` a symlink
 * to the release being served, `state.json` the service's memory. Nothing half-written is ever
 * reachable through `live`: a release is renamed into place complete, then the link is swapped.
 */
export class ReleaseStore {
  constructor(
    /** Absolute path of the releases folder. */
    readonly dir: string,
    /** Releases to keep; the live one is always kept as well. */
    readonly keep: number,
  ) {}

  /** The `live` symlink the static server resolves on every request. */
  get livePath(): string {
    return path.join(this.dir, 'live');
  }

  /**
   * Creates the folder if needed and removes what a killed run left behind: partial releases and
   * temporary links or state files. The live release is not touched.
   */
  async prepare(): Promise<LeftOver[]> {
    await mkdir(this.dir, { recursive: true });
    const removed: LeftOver[] = [];
    for (const name of await readdir(this.dir)) {
      const partial = name.endsWith(PARTIAL_SUFFIX);
      if (!partial && !name.startsWith(TEMP_LINK_PREFIX) && !name.startsWith(`${STATE_FILE}.tmp`)) continue;
      const full = path.join(this.dir, name);
      const modifiedAt = partial ? (await stat(full)).mtime.toISOString() : '';
      await rm(full, { recursive: true, force: true });
      if (partial) removed.push({ name, modifiedAt });
    }
    return removed;
  }

  /** Ids of the finished releases, oldest first. */
  async ids(): Promise<string[]> {
    const entries = await readdir(this.dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && RELEASE_ID_PATTERN.test(entry.name))
      .map((entry) => entry.name)
      .sort(compareReleaseIds);
  }

  /** The id `live` points at, or null when nothing is live yet. */
  async liveId(): Promise<string | null> {
    try {
      const target = path.basename(await readlink(this.livePath));
      return RELEASE_ID_PATTERN.test(target) ? target : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** A release's description, or null when it is missing or unreadable. */
  async meta(id: string): Promise<ReleaseMeta | null> {
    try {
      const parsed = releaseMetaSchema.safeParse(
        JSON.parse(await readFile(path.join(this.dir, id, RELEASE_META_FILE), 'utf8')),
      );
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** The live release's description, or null when nothing (readable) is live. */
  async live(): Promise<ReleaseMeta | null> {
    const id = await this.liveId();
    return id ? this.meta(id) : null;
  }

  /** The folder of a finished release. */
  releaseDir(id: string): string {
    return path.join(this.dir, id);
  }

  /** Reserves a new release id and creates its partial folder, where the build writes. */
  async begin(now: number): Promise<{ id: string; dir: string }> {
    const taken = new Set((await readdir(this.dir)).map((name) => name.replace(PARTIAL_SUFFIX, '')));
    const id = releaseId(now, taken);
    const dir = path.join(this.dir, `${id}${PARTIAL_SUFFIX}`);
    await mkdir(dir);
    return { id, dir };
  }

  /** Removes a partial release after a failed build. */
  async discard(id: string): Promise<void> {
    await rm(path.join(this.dir, `${id}${PARTIAL_SUFFIX}`), { recursive: true, force: true });
  }

  /**
   * Makes a verified partial release live: writes its description, renames it into place, swaps
   * `live` to it, then deletes releases beyond the retention. Returns the ids deleted. Refuses a
   * release holding a symlink (or anything but files and folders), which stays partial.
   */
  async publish(meta: ReleaseMeta): Promise<string[]> {
    const partial = path.join(this.dir, `${meta.id}${PARTIAL_SUFFIX}`);
    const link = await findLink(partial);
    if (link !== null) {
      throw new Error(
        `[rebuild] Release ${meta.id} holds ${link}, a symbolic link (or not a plain file or folder), so it ` +
          'is not published and the live release stays. A release holds only files and folders: find what ' +
          'put it into the build output.',
      );
    }
    await writeFile(path.join(partial, RELEASE_META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
    await rename(partial, path.join(this.dir, meta.id));
    await swapSymlink(this.livePath, meta.id);
    return this.prune();
  }

  /** Deletes the releases beyond the newest `keep`, never the live one. */
  async prune(): Promise<string[]> {
    const prunable = selectPrunable(await this.ids(), await this.liveId(), this.keep);
    for (const id of prunable) await rm(path.join(this.dir, id), { recursive: true, force: true });
    return prunable;
  }

  /**
   * Points `live` at the newest finished release older than the live one, without building.
   * Returns it, or null when there is none to go back to.
   */
  async rollback(): Promise<ReleaseMeta | null> {
    const liveId = await this.liveId();
    if (!liveId) return null;
    const older = (await this.ids()).filter((id) => compareReleaseIds(id, liveId) < 0).reverse();
    for (const id of older) {
      const meta = await this.meta(id);
      if (!meta) continue;
      await swapSymlink(this.livePath, id);
      return meta;
    }
    return null;
  }

  /** The remembered state, or null when there is none (first start) or it is unreadable. */
  async readState(): Promise<ServiceState | null> {
    try {
      const parsed = serviceStateSchema.safeParse(JSON.parse(await readFile(path.join(this.dir, STATE_FILE), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Replaces the state file atomically (write beside it, then rename). */
  async writeState(state: ServiceState): Promise<void> {
    const file = path.join(this.dir, STATE_FILE);
    const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
    await rename(temporary, file);
  }
}
