import { loadavg } from 'node:os';

/** A duration in seconds, as every bench prints it. */
export const seconds = (ms: number, digits = 1): string => `${(ms / 1000).toFixed(digits)} s`;

/** Bytes as whole mebibytes ("MB", as `ps` and the figures count them). */
export const megabytes = (bytes: number): string => `${String(Math.round(bytes / 2 ** 20))} MB`;

/**
 * The 1, 5 and 15 minute load averages, printed beside every figure: these machines are shared,
 * and a timing means little without the load it was taken under.
 */
export const loadAverage = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
