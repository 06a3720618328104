import type { Enum_Componentcontentresourcebox_Kind } from './graphql/generated/graphql.js';

/**
 * How a resource box presents its items: questions to ask, a checklist, a list of links or a tip;
 * or which course-in-a-box callout it was: an activity, videos, a reflection, resources, a note.
 * The CMS defines them (the enumeration in cms/src/components/content/resource-box.json) and
 * codegen emits them as a union type only (`enumsAsTypes`), which zod cannot read at run time; so
 * they are listed here once, and the check below fails typecheck when the list and the generated
 * union differ (a kind added in the CMS and regenerated, or one removed).
 */
export const RESOURCE_BOX_KINDS = [
  'questions',
  'checklist',
  'links',
  'tip',
  // Course-in-a-box callouts (`<div class="callout KIND">`); `note` for a callout of another kind.
  'activity',
  'videos',
  'reflection',
  'resources',
  'note',
] as const satisfies readonly Enum_Componentcontentresourcebox_Kind[];

/** A kind of resource box. */
export type ResourceBoxKind = (typeof RESOURCE_BOX_KINDS)[number];

/** True when A and B have exactly the same members (neither is wider). */
type SameMembers<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type MustBeTrue<T extends true> = T;

/**
 * Compiles only while RESOURCE_BOX_KINDS lists every kind of the GraphQL schema: `satisfies` above
 * refuses a kind the schema lacks, this refuses a schema kind the list lacks.
 */
export type ResourceBoxKindsMatchSchema = MustBeTrue<
  SameMembers<ResourceBoxKind, Enum_Componentcontentresourcebox_Kind>
>;
