import { ImportError } from './import-error.js';
import type { PageDocument } from './page-document.js';

/**
 * Checks one parsed page against the pages already accepted in the same run. Two files must not
 * claim the same page, and files that share a module or section must describe it the same way,
 * or the run's result would depend on file order. Returns the error for `document` (the later
 * file), naming the earlier one, or null when it fits.
 */
export function findConflict(document: PageDocument, accepted: ReadonlyArray<PageDocument>): ImportError | null {
  for (const earlier of accepted) {
    if (earlier.module.slug !== document.module.slug) continue;
    const problem = describeConflict(document, earlier);
    if (problem) return new ImportError(document.file, problem);
  }
  return null;
}

function describeConflict(document: PageDocument, earlier: PageDocument): string | null {
  const { module, section, page } = document;
  if (earlier.page.slug === page.slug) {
    return `page slug "${page.slug}" in module "${module.slug}" is already used by ${earlier.file}; give one of the two files another "subsection"`;
  }
  if (earlier.module.title !== module.title) {
    return `module "${module.slug}" is called "${module.title}" here but "${earlier.module.title}" in ${earlier.file}; make "module_full_name" the same in both`;
  }
  const sameSlug = earlier.section.slug === section.slug;
  const sameNumber = earlier.section.number === section.number;
  if (sameSlug !== sameNumber || (sameSlug && earlier.section.title !== section.title)) {
    return `section "${section.number}. ${section.title}" clashes with "${earlier.section.number}. ${earlier.section.title}" in ${earlier.file}; one section must have the same number and title in every file`;
  }
  const bothList = earlier.section.outcomes.length > 0 && section.outcomes.length > 0;
  if (sameSlug && bothList && earlier.section.outcomes.join('\n') !== section.outcomes.join('\n')) {
    return `section "${section.title}" lists other outcomes here than in ${earlier.file}; keep the outcomes list on one page of the section`;
  }
  return null;
}
