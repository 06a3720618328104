import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real Jekyll page the importer was built against. */
export const FIXTURE_FILE = 'tests/fixtures/jekyll/partnerships-two-zero.md';

/** The fixture's text, read once per test file. */
export function readFixture(): string {
  return readFileSync(fileURLToPath(new URL(`../../../${FIXTURE_FILE}`, import.meta.url)), 'utf8');
}

/** Front matter keys of a valid page; tests override or remove one at a time. */
export const VALID_FRONT_MATTER: Readonly<Record<string, string>> = {
  layout: 'module',
  title: '2.0 Overview',
  module_name: 'partnerships',
  module_full_name: 'Community Partnerships',
  section: '2. What is a Community Partnership?',
  subsection: 'two-zero',
};

/** A Jekyll page with the given body; `undefined` removes a front matter key. */
export function jekyllSource(body: string, frontMatter: Readonly<Record<string, string | undefined>> = {}): string {
  const keys = Object.entries({ ...VALID_FRONT_MATTER, ...frontMatter }).filter(([, value]) => value !== undefined);
  const yaml = keys.map(([key, value]) => `${key}: ${value ?? ''}`).join('\n');
  return `---\n${yaml}\n---\n\n${body}`;
}

/** The 1-based line of the file on which `needle` first occurs, as a person would count it. */
export function lineOf(source: string, needle: string): number {
  const index = source.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in the source`);
  return source.slice(0, index).split('\n').length;
}
