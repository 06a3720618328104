/**
 * Items per GraphQL list request. The CMS caps every list at this many (the GraphQL plugin's
 * amountLimit, defaultLimit and maxLimit), and the site's loaders and the rebuild service page
 * through lists this many at a time: a reader asking for more would get fewer than it asked for and
 * could take a full page for the last one, so both sides read the number from here.
 */
export const GRAPHQL_PAGE_SIZE = 100;
