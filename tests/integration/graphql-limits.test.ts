import { Kind, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as siteDocuments from '@lm/shared/graphql';
import { createDocument } from '../../scripts/lib/strapi-rest-client.js';
import { startThrowawayStrapi, type ThrowawayStrapi } from '../../scripts/lib/throwaway-strapi.js';

/**
 * Depth (10) and page size (100) alone let one small request make Strapi run for tens of seconds:
 * 200 aliases of an 8-level query took 33 s and held /_health for 21.7 s. The CMS also limits
 * aliases and the estimated cost of a request, and the site's own queries must still pass.
 */

let strapi: ThrowawayStrapi;
const documentIds: string[] = [];
/** One document of each type, for the preview's queries, which ask for one document by id. */
const oneOf: Record<string, string> = {};

const responseSchema = z.object({
  data: z.record(z.unknown()).nullable().optional(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

async function query(
  text: string,
  variables: Record<string, unknown> = {},
  token = strapi.read.STRAPI_READ_TOKEN,
): Promise<z.infer<typeof responseSchema> & { status: number }> {
  const response = await fetch(`${strapi.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = responseSchema.parse(await response.json());
  return { ...body, status: response.status };
}

/**
 * The query was refused before any resolver ran, so it cost Strapi nothing: GraphQL leaves `data`
 * out of a response only when the request failed before execution began (a field that failed
 * while running would leave `data` present, if null), and Apollo answers such a request with 400.
 */
function expectRefusedBeforeRunning(result: z.infer<typeof responseSchema> & { status: number }): void {
  expect(result.status).toBe(400);
  expect(result).not.toHaveProperty('data');
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

beforeAll(async () => {
  strapi = await startThrowawayStrapi();
  // A little content of every kind the site's queries read, so each of them returns data.
  const module = await createDocument(strapi.write, 'modules', { title: 'Limits', slug: 'limits' }, 'published');
  documentIds.push(module);
  oneOf.module = module;
  for (const number of [1, 2]) {
    const section = await createDocument(
      strapi.write,
      'sections',
      { title: `Section ${number}`, slug: `section-${number}`, number, module, outcomes: [{ text: 'Explain it' }] },
      'published',
    );
    documentIds.push(section);
    oneOf.section = section;
    for (const page of [0, 1]) {
      const body = [
        { __component: 'content.rich-text', content: [paragraph('Some prose.')] },
        { __component: 'content.outcomes', heading: 'Learning Outcomes For This Section' },
        {
          __component: 'content.resource-box',
          title: 'Questions',
          kind: 'links',
          items: [{ text: 'A guide', url: 'https://example.org/guide' }],
        },
      ];
      const pageId = await createDocument(
        strapi.write,
        'pages',
        {
          title: `Page ${number}.${page}`,
          number: `${number}.${page}`,
          slug: `page-${number}-${page}`,
          section,
          body,
        },
        'published',
      );
      documentIds.push(pageId);
      oneOf.page = pageId;
    }
  }
});

afterAll(async () => {
  await strapi.stop();
});

/** The attack: modules, sections and pages, then back up and down again, eight levels deep. */
const DEEP = 'modules { sections { pages { section { module { sections { pages { title } } } } } } }';

describe('GraphQL limits', () => {
  it('refuses 200 aliases of an 8-level query at once, naming the alias limit', async () => {
    const aliases = Array.from({ length: 200 }, (_, index) => `a${index}: ${DEEP}`).join('\n');
    const result = await query(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/more than 30 aliases/);
    expectRefusedBeforeRunning(result);
  });

  it('refuses the same query without aliases, naming the cost limit', async () => {
    const result = await query(`{ ${DEEP} }`);
    expect(result.errors?.[0]?.message).toMatch(/query cost limit/);
    expectRefusedBeforeRunning(result);
  });

  it('refuses a costly query built from page sizes given as variables', async () => {
    const result = await query(
      'query ($size: Int) { pages(pagination: { limit: $size }) { section { pages(pagination: { limit: $size }) { section { pages(pagination: { limit: $size }) { title } } } } } }',
      { size: 100 },
    );
    expect(result.errors?.[0]?.message).toMatch(/query cost limit/);
  });

  it('lets a few aliases and small pages through', async () => {
    const result = await query(
      '{ first: pages(pagination: { limit: 2 }) { title } second: pages(pagination: { limit: 2 }) { title section { title } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('first');
  });
});

/** The type an operation starts from (`page`, `section`, `module`...): its first root field. */
const rootField = (operation: OperationDefinitionNode): string => {
  const first = operation.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.name.value : '';
};

/** Realistic values for the variables the site's queries declare, by name. */
function variablesFor(operation: OperationDefinitionNode): Record<string, unknown> {
  const realistic: Record<string, unknown> = {
    page: 1,
    pageSize: 100,
    withParents: true,
    ids: documentIds,
    documentId: oneOf[rootField(operation)],
  };
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((definition) => {
      const name = definition.variable.name.value;
      if (!(name in realistic)) {
        throw new Error(
          `The site's query ${operation.name?.value ?? ''} declares $${name}: give it a realistic value here.`,
        );
      }
      return [name, realistic[name]];
    }),
  );
}

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'Document';

const operations = Object.values(siteDocuments)
  .filter(isDocument)
  .flatMap((document) =>
    document.definitions
      .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => ({ name: operation.name?.value ?? 'anonymous', document, operation })),
  );

describe("the site's own queries", () => {
  it('are all here', () => {
    expect(operations.map((operation) => operation.name)).toEqual(
      expect.arrayContaining(['Fingerprint', 'ModuleStamps', 'PagesById', 'SectionsById', 'PageStamps']),
    );
  });

  it.each(operations)('$name still runs with 100 per page', async ({ name, document, operation }) => {
    // The preview server's queries read drafts, which only the preview token may.
    const token = name.startsWith('Preview') ? strapi.env.STRAPI_PREVIEW_TOKEN : strapi.read.STRAPI_READ_TOKEN;
    const result = await query(print(document), variablesFor(operation), token);
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.data)).toMatch(/documentId|updatedAt|slug/);
  });
});
