import { z } from 'zod';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isLeafType,
  isListType,
  isUnionType,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Items in a list of components (a page body, a resource box's items, a section's outcomes). Their
 * number is the editors' doing, not the caller's, whatever page size a query asks for, and a
 * component never leads back to a relation, so it cannot multiply a query. Imported pages hold a
 * handful of blocks and boxes a handful of items.
 */
const COMPONENT_ITEMS_ESTIMATE = 5;
/**
 * What a database query costs against what one more record in its result costs. Measured on SQLite
 * with 200 pages: Strapi spends about 2.5 ms per relation it resolves (a query, validation and
 * sanitising of the arguments), while records within one result are cheap.
 */
const QUERY_COST = 1;
const RECORD_COST = 0.1;

const paginationSchema = z
  .object({ pagination: z.object({ limit: z.number().nullish(), pageSize: z.number().nullish() }).nullish() })
  .passthrough();

export interface QueryCostLimits {
  /** The most a request may cost; see `queryCostEstimator`. */
  maxCost: number;
  /** Items a list returns without a page size (the plugin's `defaultLimit`). */
  defaultLimit: number;
  /** Items a list returns at most (the plugin's `maxLimit`). */
  maxLimit: number;
}

/**
 * Whether a type is a component, or a dynamic zone (a union of components plus Strapi's `Error`).
 * A media file's `related` is a union too, of every type, and may lead back to documents.
 */
function isComponentList(type: GraphQLNamedType): boolean {
  const isComponent = (member: GraphQLNamedType): boolean => member.name.startsWith('Component');
  if (isUnionType(type)) return type.getTypes().every((member) => isComponent(member) || member.name === 'Error');
  return isComponent(type);
}

/**
 * Estimates what a field costs Strapi, in database queries: nothing for a value (a title, a JSON
 * body); for an object or a list one query plus, per item it may return, a tenth for the record and
 * whatever the item's own selection costs. Strapi resolves every relation and component with a query
 * per parent, so the cost grows with the product of the page sizes down a nested selection, which
 * is exactly what a small-looking query abuses. A list of documents counts as many items as its page
 * size allows (the default or the maximum when none is given), a list of components five, a single
 * relation one. A connection (`pages_connection`) makes one query for its nodes and one to count.
 */
export function queryCostEstimator(limits: Omit<QueryCostLimits, 'maxCost'>): ComplexityEstimator {
  const pageSize = (args: Record<string, unknown>): number => {
    const pagination = paginationSchema.safeParse(args).data?.pagination;
    const size = pagination?.limit ?? pagination?.pageSize ?? limits.defaultLimit;
    // Strapi caps every page at maxLimit, and reads "-1" (all) as that cap too.
    return size > 0 ? Math.min(size, limits.maxLimit) : limits.maxLimit;
  };
  return ({ type, field, args, childComplexity }) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return 0;
    // A connection's `nodes` and `pageInfo` are priced by the connection itself, below.
    if (type.name.endsWith('ResponseCollection')) return childComplexity;
    if (field.name.endsWith('_connection')) {
      return 2 * QUERY_COST + pageSize(args) * (RECORD_COST + childComplexity);
    }
    if (!isListType(getNullableType(field.type))) return QUERY_COST + RECORD_COST + childComplexity;
    let items: number;
    if (isComponentList(named)) items = COMPONENT_ITEMS_ESTIMATE;
    else if (field.args.some((arg) => arg.name === 'pagination')) items = pageSize(args);
    else items = limits.maxLimit;
    return QUERY_COST + items * (RECORD_COST + childComplexity);
  };
}

/** What Apollo hands a plugin once it knows which operation a request runs. */
interface ResolvedOperation {
  request: { variables?: Record<string, unknown>; operationName?: string | null };
  document: DocumentNode;
  schema: GraphQLSchema;
}

/**
 * An Apollo Server plugin that refuses, before anything runs, a GraphQL operation whose estimated
 * cost exceeds `maxCost`. A plugin rather than a validation rule because the cost depends on the
 * variables (page sizes), which validation does not see.
 */
export function queryCostPlugin(limits: QueryCostLimits) {
  const estimator = queryCostEstimator(limits);
  return {
    // Apollo calls these hooks as async functions; nothing here awaits.
    // eslint-disable-next-line @typescript-eslint/require-await
    async requestDidStart() {
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async didResolveOperation({ request, document, schema }: ResolvedOperation): Promise<void> {
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [estimator],
          });
          if (cost <= limits.maxCost) return;
          throw new GraphQLError(
            `[cms] This query could cost Strapi about ${Math.round(cost).toLocaleString('en')} database queries, ` +
              `more than the ${limits.maxCost.toLocaleString('en')} one GraphQL request may (the query cost limit). ` +
              'Select fewer nested lists, ask for smaller pages (pagination) or split it into several requests.',
            { extensions: { code: 'QUERY_TOO_COSTLY', cost: Math.round(cost), maxCost: limits.maxCost, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
