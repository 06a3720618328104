/**
 * A failure the person running the import can fix in the named Markdown file. The message always
 * starts with `[import] <file>:` so that, among many files, it is clear which one to open.
 */
export class ImportError extends Error {
  /** The source file the problem is in, as given to the importer (e.g. `content/x.md`). */
  readonly file: string;

  /**
   * @param file the source file the problem is in
   * @param problem what is wrong and how to fix it, without the `[import] file:` prefix
   * @param options `cause`: the underlying error, kept for debugging
   */
  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`[import] ${file}: ${problem}`, options);
    this.name = 'ImportError';
    this.file = file;
  }
}
