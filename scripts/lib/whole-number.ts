import { z } from 'zod';

/** Empty strings (a `KEY=` line in .env) count as unset, so the default applies. */
export const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);

/** A whole number between `min` and `max` from an environment string, `fallback` when unset. */
export const wholeNumber = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d+$/, `${name} must be a whole number.`)
      .default(String(fallback))
      .transform(Number)
      .refine((value) => value >= min && value <= max, `${name} must be between ${min} and ${max}.`),
  );
