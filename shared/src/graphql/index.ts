export { ModulesDocument, PagesDocument, SectionsDocument } from './generated/graphql.js';
export type { ModulesQuery, PagesQuery, SectionsQuery } from './generated/graphql.js';
