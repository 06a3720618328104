/** A duration for log lines, e.g. "12.3 s". */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
