import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  bodyBlockSchema,
  moduleEntrySchema,
  outcomesBlockSchema,
  pageEntrySchema,
  resourceBoxBlockSchema,
  richTextBlockSchema,
  sectionEntrySchema,
  videoBlockSchema,
} from '@lm/shared';
import type { ModuleFieldsFragment, PageFieldsFragment, SectionFieldsFragment } from '@lm/shared/graphql';

/**
 * The site's zod content schemas (shared/src/content.ts) are written by hand beside the GraphQL
 * fragments (shared/queries/*.graphql) that fetch the data they check. These assertions are types,
 * so `npm run typecheck` fails when the two name different fields at any depth: a field added to a
 * fragment (and `npm run codegen`) but not to its schema, which the loaders would silently strip,
 * or one added to a schema that no query fetches, which would fail every build. At run time the
 * test only reports that it compiled.
 */

type Scalar = string | number | boolean | bigint | symbol;
/** The object inside a value that may be null or a list. */
type Inner<T> = NonNullable<T extends ReadonlyArray<infer Item> ? Item : T>;
/**
 * The field names of T as a tree: each object becomes its keys, each scalar 'leaf'. Optional or
 * nullable makes no difference: the fragment decides whether a field is fetched, not whether
 * Strapi may leave it empty.
 */
type FieldTree<T> = unknown extends T
  ? 'leaf'
  : Inner<T> extends Scalar
    ? 'leaf'
    : { [K in keyof Inner<T>]-?: FieldTree<Inner<T>[K]> };

type BodyBlock = NonNullable<NonNullable<PageFieldsFragment['body']>[number]>;
/** One body block of the fragment by its GraphQL type name. */
type FragmentBlock<Name extends string> = Extract<BodyBlock, { __typename: Name }>;

describe('the content schemas and the GraphQL fragments', () => {
  it('name the same fields for modules', () => {
    expectTypeOf<FieldTree<z.input<typeof moduleEntrySchema>>>().toEqualTypeOf<FieldTree<ModuleFieldsFragment>>();
  });

  it('name the same fields for sections', () => {
    expectTypeOf<FieldTree<z.input<typeof sectionEntrySchema>>>().toEqualTypeOf<FieldTree<SectionFieldsFragment>>();
  });

  it('name the same fields for pages, apart from the body', () => {
    expectTypeOf<FieldTree<Omit<z.input<typeof pageEntrySchema>, 'body'>>>().toEqualTypeOf<
      FieldTree<Omit<PageFieldsFragment, 'body'>>
    >();
  });

  it('know the same kinds of body block', () => {
    // `Error` is how Strapi's dynamic zones report a component the schema no longer has; the
    // loaders drop it rather than render it.
    expectTypeOf<z.input<typeof bodyBlockSchema>['__typename']>().toEqualTypeOf<
      Exclude<BodyBlock['__typename'], 'Error'>
    >();
  });

  it('name the same fields for each body block', () => {
    // The box's rich content is Blocks too (JSON in GraphQL): compared by key, like rich text below.
    expectTypeOf<FieldTree<Omit<z.input<typeof resourceBoxBlockSchema>, 'richContent'>>>().toEqualTypeOf<
      FieldTree<Omit<FragmentBlock<'ComponentContentResourceBox'>, 'richContent'>>
    >();
    expectTypeOf<keyof z.input<typeof resourceBoxBlockSchema>>().toEqualTypeOf<
      keyof FragmentBlock<'ComponentContentResourceBox'>
    >();
    expectTypeOf<FieldTree<z.input<typeof outcomesBlockSchema>>>().toEqualTypeOf<
      FieldTree<FragmentBlock<'ComponentContentOutcomes'>>
    >();
    expectTypeOf<FieldTree<z.input<typeof videoBlockSchema>>>().toEqualTypeOf<
      FieldTree<FragmentBlock<'ComponentContentVideo'>>
    >();
    // Blocks content is the JSON scalar in GraphQL; blocksSchema checks its structure.
    expectTypeOf<keyof z.input<typeof richTextBlockSchema>>().toEqualTypeOf<
      keyof FragmentBlock<'ComponentContentRichText'>
    >();
  });
});
