import { inspect } from 'node:util';

/** Longest error text kept in /status and the history, so one huge build log cannot bloat them. */
const MAX_LENGTH = 4_000;
/** A cause's own message is cut shorter: the first message already says what failed. */
const MAX_CAUSE_LENGTH = 500;

const cut = (text: string, length: number): string => (text.length > length ? `${text.slice(0, length)}…` : text);

/**
 * One readable text for an error and its chain of causes ("what failed — caused by: why"), as
 * /status and the logs show it. Unknown throwables are stringified rather than lost.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  // Causes can form a cycle; a handful of levels is always enough to say why.
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const limit = depth === 0 ? MAX_LENGTH : MAX_CAUSE_LENGTH;
    if (current instanceof Error) {
      const message = cut(current.message.trim(), limit);
      if (!parts.includes(message)) parts.push(message);
      current = current.cause;
    } else {
      parts.push(cut(typeof current === 'string' ? current : inspect(current, { depth: 2 }), limit));
      break;
    }
  }
  return cut(parts.join(' — caused by: '), MAX_LENGTH);
}
