import type { CourseData } from './course-data.js';

function firstOfEach<T extends { documentId: string }>(records: readonly T[]): T[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    if (seen.has(record.documentId)) return false;
    seen.add(record.documentId);
    return true;
  });
}

/**
 * Several partial reads of the course as one, each document once. A document read twice keeps its
 * first record (callers put the read that holds bodies first): twice in the data it would count as
 * its own twin in the page-number and page-slug rules.
 */
export function mergeCourseData(parts: readonly CourseData[]): CourseData {
  return {
    modules: firstOfEach(parts.flatMap((part) => part.modules)),
    sections: firstOfEach(parts.flatMap((part) => part.sections)),
    pages: firstOfEach(parts.flatMap((part) => part.pages)),
  };
}
