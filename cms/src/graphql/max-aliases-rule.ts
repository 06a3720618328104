import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * A GraphQL validation rule that refuses a request with more than `limit` aliased fields. Aliases
 * let one request repeat the same expensive selection hundreds of times (the query cost limit
 * bounds the total, this keeps the request small and the reason plain). The site's own queries use
 * a handful.
 */
export function maxAliasesRule(limit: number): ValidationRule {
  return (context) => {
    let count = 0;
    return {
      Field(node) {
        if (!node.alias) return;
        count += 1;
        if (count === limit + 1) {
          context.reportError(
            new GraphQLError(
              `[cms] This request uses more than ${limit} aliases, the most one GraphQL request may use. ` +
                'Split it into several requests.',
              { nodes: node },
            ),
          );
        }
      },
    };
  };
}
