/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Modules($page: Int!, $pageSize: Int!) {\n  modules_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"order:asc\", \"title:asc\"]\n  ) {\n    nodes {\n      ...ModuleFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment ModuleFields on Module {\n  documentId\n  title\n  slug\n  summary\n  order\n  icon {\n    url\n    alternativeText\n  }\n}\n\nfragment PageInfoFields on Pagination {\n  page\n  pageCount\n  total\n}": typeof types.ModulesDocument,
    "query Pages($page: Int!, $pageSize: Int!) {\n  pages_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"number:asc\"]\n  ) {\n    nodes {\n      ...PageFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment PageFields on Page {\n  documentId\n  number\n  title\n  slug\n  updatedAt\n  seo {\n    metaTitle\n    metaDescription\n  }\n  section {\n    documentId\n    number\n    title\n    slug\n    module {\n      documentId\n      slug\n      title\n    }\n  }\n  body {\n    __typename\n    ... on ComponentContentRichText {\n      id\n      content\n    }\n    ... on ComponentContentResourceBox {\n      id\n      title\n      intro\n      kind\n      items(pagination: {limit: 100}) {\n        id\n        text\n        url\n      }\n    }\n    ... on ComponentContentOutcomes {\n      id\n      heading\n      lead\n    }\n  }\n}": typeof types.PagesDocument,
    "query Sections($page: Int!, $pageSize: Int!) {\n  sections_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"number:asc\"]\n  ) {\n    nodes {\n      ...SectionFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment SectionFields on Section {\n  documentId\n  number\n  title\n  slug\n  intro\n  outcomes {\n    id\n    text\n  }\n  module {\n    documentId\n    slug\n  }\n}": typeof types.SectionsDocument,
};
const documents: Documents = {
    "query Modules($page: Int!, $pageSize: Int!) {\n  modules_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"order:asc\", \"title:asc\"]\n  ) {\n    nodes {\n      ...ModuleFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment ModuleFields on Module {\n  documentId\n  title\n  slug\n  summary\n  order\n  icon {\n    url\n    alternativeText\n  }\n}\n\nfragment PageInfoFields on Pagination {\n  page\n  pageCount\n  total\n}": types.ModulesDocument,
    "query Pages($page: Int!, $pageSize: Int!) {\n  pages_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"number:asc\"]\n  ) {\n    nodes {\n      ...PageFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment PageFields on Page {\n  documentId\n  number\n  title\n  slug\n  updatedAt\n  seo {\n    metaTitle\n    metaDescription\n  }\n  section {\n    documentId\n    number\n    title\n    slug\n    module {\n      documentId\n      slug\n      title\n    }\n  }\n  body {\n    __typename\n    ... on ComponentContentRichText {\n      id\n      content\n    }\n    ... on ComponentContentResourceBox {\n      id\n      title\n      intro\n      kind\n      items(pagination: {limit: 100}) {\n        id\n        text\n        url\n      }\n    }\n    ... on ComponentContentOutcomes {\n      id\n      heading\n      lead\n    }\n  }\n}": types.PagesDocument,
    "query Sections($page: Int!, $pageSize: Int!) {\n  sections_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"number:asc\"]\n  ) {\n    nodes {\n      ...SectionFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment SectionFields on Section {\n  documentId\n  number\n  title\n  slug\n  intro\n  outcomes {\n    id\n    text\n  }\n  module {\n    documentId\n    slug\n  }\n}": types.SectionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Modules($page: Int!, $pageSize: Int!) {\n  modules_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"order:asc\", \"title:asc\"]\n  ) {\n    nodes {\n      ...ModuleFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment ModuleFields on Module {\n  documentId\n  title\n  slug\n  summary\n  order\n  icon {\n    url\n    alternativeText\n  }\n}\n\nfragment PageInfoFields on Pagination {\n  page\n  pageCount\n  total\n}"): (typeof documents)["query Modules($page: Int!, $pageSize: Int!) {\n  modules_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"order:asc\", \"title:asc\"]\n  ) {\n    nodes {\n      ...ModuleFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment ModuleFields on Module {\n  documentId\n  title\n  slug\n  summary\n  order\n  icon {\n    url\n    alternativeText\n  }\n}\n\nfragment PageInfoFields on Pagination {\n  page\n  pageCount\n  total\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Pages($page: Int!, $pageSize: Int!) {\n  pages_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"number:asc\"]\n  ) {\n    nodes {\n      ...PageFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment PageFields on Page {\n  documentId\n  number\n  title\n  slug\n  updatedAt\n  seo {\n    metaTitle\n    metaDescription\n  }\n  section {\n    documentId\n    number\n    title\n    slug\n    module {\n      documentId\n      slug\n      title\n    }\n  }\n  body {\n    __typename\n    ... on ComponentContentRichText {\n      id\n      content\n    }\n    ... on ComponentContentResourceBox {\n      id\n      title\n      intro\n      kind\n      items(pagination: {limit: 100}) {\n        id\n        text\n        url\n      }\n    }\n    ... on ComponentContentOutcomes {\n      id\n      heading\n      lead\n    }\n  }\n}"): (typeof documents)["query Pages($page: Int!, $pageSize: Int!) {\n  pages_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"number:asc\"]\n  ) {\n    nodes {\n      ...PageFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment PageFields on Page {\n  documentId\n  number\n  title\n  slug\n  updatedAt\n  seo {\n    metaTitle\n    metaDescription\n  }\n  section {\n    documentId\n    number\n    title\n    slug\n    module {\n      documentId\n      slug\n      title\n    }\n  }\n  body {\n    __typename\n    ... on ComponentContentRichText {\n      id\n      content\n    }\n    ... on ComponentContentResourceBox {\n      id\n      title\n      intro\n      kind\n      items(pagination: {limit: 100}) {\n        id\n        text\n        url\n      }\n    }\n    ... on ComponentContentOutcomes {\n      id\n      heading\n      lead\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Sections($page: Int!, $pageSize: Int!) {\n  sections_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"number:asc\"]\n  ) {\n    nodes {\n      ...SectionFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment SectionFields on Section {\n  documentId\n  number\n  title\n  slug\n  intro\n  outcomes {\n    id\n    text\n  }\n  module {\n    documentId\n    slug\n  }\n}"): (typeof documents)["query Sections($page: Int!, $pageSize: Int!) {\n  sections_connection(\n    pagination: {page: $page, pageSize: $pageSize}\n    sort: [\"number:asc\"]\n  ) {\n    nodes {\n      ...SectionFields\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nfragment SectionFields on Section {\n  documentId\n  number\n  title\n  slug\n  intro\n  outcomes {\n    id\n    text\n  }\n  module {\n    documentId\n    slug\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;