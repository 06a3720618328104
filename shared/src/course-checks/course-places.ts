import type { CheckedModule, CheckedPage, CheckedSection, CourseData } from './course-data.js';

/** Finds a document's parents and names documents as an editor finds them in the admin. */
export interface CoursePlaces {
  sectionOf: (page: CheckedPage) => CheckedSection | undefined;
  moduleOf: (section: CheckedSection) => CheckedModule | undefined;
  /** The module a page sits in, through its section. */
  moduleOfPage: (page: CheckedPage) => CheckedModule | undefined;
  /** `module "Community Partnerships"` */
  describeModule: (module: CheckedModule) => string;
  /** `module "Community Partnerships", section 2 "What is a partnership?"` */
  describeSection: (section: CheckedSection) => string;
  /** `module "Community Partnerships", section 2, page 2.1 "Overview"` */
  describePage: (page: CheckedPage) => string;
}

export function coursePlaces(data: CourseData): CoursePlaces {
  const modules = new Map(data.modules.map((module) => [module.documentId, module]));
  const sections = new Map(data.sections.map((section) => [section.documentId, section]));
  const sectionOf = (page: CheckedPage) => (page.sectionId === null ? undefined : sections.get(page.sectionId));
  const moduleOf = (section: CheckedSection) => (section.moduleId === null ? undefined : modules.get(section.moduleId));
  const moduleOfPage = (page: CheckedPage) => {
    const section = sectionOf(page);
    return section === undefined ? undefined : moduleOf(section);
  };
  const describeModule = (module: CheckedModule) => `module "${module.title}"`;
  const describeSection = (section: CheckedSection) => {
    const module = moduleOf(section);
    const own = `section ${String(section.number)} "${section.title}"`;
    return module === undefined ? `${own} (in no module)` : `${describeModule(module)}, ${own}`;
  };
  const describePage = (page: CheckedPage) => {
    const section = sectionOf(page);
    const own = `page ${page.number} "${page.title}"`;
    if (section === undefined) return `${own} (in no section)`;
    const module = moduleOf(section);
    const where = `section ${String(section.number)}`;
    return module === undefined ? `${where} (in no module), ${own}` : `${describeModule(module)}, ${where}, ${own}`;
  };
  return { sectionOf, moduleOf, moduleOfPage, describeModule, describeSection, describePage };
}
