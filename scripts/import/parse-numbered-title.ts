import { slugify } from '@lm/shared';

/** A number and the words after it, as Jekyll titles combine them. */
export interface NumberedTitle<N> {
  number: N;
  title: string;
}

// The dot after the number is optional for a page ("2.0 Overview", "2.0. Overview"), and so is the
// section's ("2. What…", "2 What…"): writers were not consistent, the numbers themselves are.
const PAGE_TITLE = /^\s*(\d+(?:\.\d+)*)\.?\s+(\S.*?)\s*$/;
const SECTION_TITLE = /^\s*(\d+)\.?\s+(\S.*?)\s*$/;

/**
 * Splits a page title such as "2.0 Overview" into number "2.0" and title "Overview".
 * Returns null when the title has no leading number or no words after it.
 */
export function parsePageTitle(value: string): NumberedTitle<string> | null {
  const match = PAGE_TITLE.exec(value);
  if (!match?.[1] || !match[2]) return null;
  return { number: match[1], title: match[2] };
}

/**
 * Splits a section heading such as "2. What is a Community Partnership?" into number 2 and its title.
 * Returns null when it has no leading whole number, or when the title has nothing a slug could be
 * made of (sections get their slug from the title).
 */
export function parseSectionTitle(value: string): NumberedTitle<number> | null {
  const match = SECTION_TITLE.exec(value);
  if (!match?.[1] || !match[2] || slugify(match[2]) === '') return null;
  return { number: Number.parseInt(match[1], 10), title: match[2] };
}
