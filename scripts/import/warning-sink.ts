import type { Node } from 'hast';
import type { ImportWarning } from './page-document.js';

/** Collects the warnings of one file as the converters find things to drop or change. */
export interface WarningSink {
  /** The source file every warning names. */
  readonly file: string;
  /** Everything reported so far, in the order found. */
  readonly warnings: ImportWarning[];
  /** Records a warning at the node's source line (when the node has a position). */
  warn(node: Node | undefined, message: string): void;
}

/** Starts an empty list of warnings for `file`. */
export function createWarningSink(file: string): WarningSink {
  const warnings: ImportWarning[] = [];
  return {
    file,
    warnings,
    warn(node, message) {
      const line = node?.position?.start.line;
      warnings.push(line === undefined ? { file, message } : { file, line, message });
    },
  };
}
