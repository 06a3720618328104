const BLOCK = 512;

/** A NUL-terminated text field of a tar header. */
const field = (header: Buffer, start: number, length: number): string =>
  header
    .subarray(start, start + length)
    .toString('utf8')
    .replace(/\0[\s\S]*$/, '');

/** One regular file of a tar stream: its path and, when asked for, its bytes. */
export interface TarFile {
  name: string;
  size: number;
  content?: Buffer;
}

/**
 * Walks a tar stream chunk by chunk without holding it in memory (a backup's media can be large):
 * reports each regular file, with its content for the names `keep` accepts. Throws on anything
 * that is not a well-formed ustar stream, which is how an archive decrypted with the wrong key
 * shows up once gzip lets it through.
 */
export class TarEntries {
  readonly files: TarFile[] = [];
  #pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current entry, padding included, still to come. */
  #remaining = 0;
  #current: { file: TarFile; parts: Buffer[] | undefined } | undefined;
  #ended = false;

  constructor(private readonly keep: (name: string) => boolean = () => false) {}

  /** Feeds the next bytes of the stream. */
  push(chunk: Buffer): void {
    this.#pending = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    while (!this.#ended) {
      if (this.#remaining > 0) {
        const take = Math.min(this.#remaining, this.#pending.length);
        if (take === 0) return;
        this.#current?.parts?.push(this.#pending.subarray(0, take));
        this.#pending = this.#pending.subarray(take);
        this.#remaining -= take;
        if (this.#remaining === 0) this.#finishEntry();
        continue;
      }
      if (this.#pending.length < BLOCK) return;
      this.#readHeader(this.#pending.subarray(0, BLOCK));
      this.#pending = this.#pending.subarray(BLOCK);
    }
  }

  /** Call when the stream ended: throws when it stopped inside an entry or before the end marker. */
  end(): TarFile[] {
    if (!this.#ended || this.#remaining > 0) throw new Error('the archive is cut short');
    return this.files;
  }

  #readHeader(header: Buffer): void {
    if (header.every((byte) => byte === 0)) {
      this.#ended = true;
      return;
    }
    if (field(header, 257, 5) !== 'ustar') throw new Error('it is not a tar archive (no ustar header)');
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size < 0) throw new Error('a tar entry has an unreadable size');
    const name = [field(header, 345, 155), field(header, 0, 100)].filter(Boolean).join('/');
    const type = field(header, 156, 1);
    // Regular files only ('0', or empty in old archives); pax headers and folders describe them.
    const file = type === '0' || type === '' ? { name, size } : undefined;
    this.#current = file ? { file, parts: this.keep(name) ? [] : undefined } : undefined;
    this.#remaining = Math.ceil(size / BLOCK) * BLOCK;
    if (this.#remaining === 0) this.#finishEntry();
  }

  #finishEntry(): void {
    const current = this.#current;
    this.#current = undefined;
    if (!current) return;
    const { file, parts } = current;
    this.files.push(parts ? { ...file, content: Buffer.concat(parts).subarray(0, file.size) } : file);
  }
}
