/** Where the rebuild service reports what it does; every line starts with `[rebuild]`. */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** A logger that writes prefixed lines to the given functions (stdout and stderr by default). */
export function createLogger(
  write: (line: string) => void = (line) => {
    console.log(line);
  },
  writeError: (line: string) => void = (line) => {
    console.error(line);
  },
): Logger {
  return {
    info: (message) => {
      write(`[rebuild] ${message}`);
    },
    error: (message) => {
      writeError(`[rebuild] ${message}`);
    },
  };
}
