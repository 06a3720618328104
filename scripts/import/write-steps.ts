import { slugKey, type ImportPlan, type PlanAction } from './import-plan.js';
import type { Collection } from '../lib/strapi-rest-client.js';

/** One write of the plan: which document, the files that need it, and the body to send. */
export interface WriteStep {
  collection: Collection;
  /** For messages, e.g. "page partnerships/two-zero". */
  label: string;
  /** Names this entity among the run's, so its children can find its documentId. */
  key: string;
  /** The parent entity's key (a section's module, a page's section); null for a module. */
  parentKey: string | null;
  action: PlanAction;
  /** The Strapi document to update, or null when it is to be created. */
  documentId: string | null;
  /** The source files that need this entity: it is published when one of them fully succeeds. */
  files: string[];
  /** The `data` of the write request, given the parent's documentId (null for a module). */
  data: (parentId: string | null) => Record<string, unknown>;
}

/**
 * Strapi's documentIds are 24-character cuid2 strings; the size checks made before the parents
 * exist measure bodies with this stand-in, and every write is measured again with the real one.
 */
export const PLACEHOLDER_DOCUMENT_ID = 'x'.repeat(24);

const moduleKey = (slug: string): string => `module ${slug}`;
const sectionKey = (moduleSlug: string, slug: string): string => `section ${slugKey(moduleSlug, slug)}`;

/**
 * The plan as writes in order, parents first: modules, sections, pages. The request bodies come
 * from here both for the size checks before the first write and for the writes themselves, so
 * what is measured is what is sent.
 */
export function writeSteps(plan: ImportPlan): WriteStep[] {
  const modules = plan.modules.map(
    (entity): WriteStep => ({
      collection: 'modules',
      label: `module ${entity.fields.slug}`,
      key: moduleKey(entity.fields.slug),
      parentKey: null,
      action: entity.action,
      documentId: entity.documentId,
      files: entity.files,
      data: () => ({ ...entity.fields }),
    }),
  );
  const sections = plan.sections.map((entity): WriteStep => {
    const { outcomes, ...fields } = entity.fields;
    return {
      collection: 'sections',
      label: `section ${entity.moduleSlug}/${entity.fields.slug}`,
      key: sectionKey(entity.moduleSlug, entity.fields.slug),
      parentKey: moduleKey(entity.moduleSlug),
      action: entity.action,
      documentId: entity.documentId,
      files: entity.files,
      data: (moduleId) => ({ ...fields, module: moduleId, outcomes: outcomes.map((text) => ({ text })) }),
    };
  });
  const pages = plan.pages.map((entity): WriteStep => {
    const { sectionSlug, legacyPaths, ...fields } = entity.fields;
    return {
      collection: 'pages',
      label: `page ${entity.moduleSlug}/${entity.fields.slug}`,
      key: `page ${slugKey(entity.moduleSlug, entity.fields.slug)}`,
      parentKey: sectionKey(entity.moduleSlug, sectionSlug),
      action: entity.action,
      documentId: entity.documentId,
      files: entity.files,
      data: (sectionId) => ({ ...fields, section: sectionId, legacyPaths: legacyPaths.map((path) => ({ path })) }),
    };
  });
  return [...modules, ...sections, ...pages];
}
