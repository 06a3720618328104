import { z } from 'zod';
import type { WriteEnv } from '@lm/shared';

/** Collections the platform's scripts read and write, by their REST plural name. */
export type Collection = 'modules' | 'sections' | 'pages';
/** Strapi 5 reads and writes the draft unless told otherwise; a write without it publishes. */
export type Status = 'draft' | 'published';

/**
 * How a caller's errors read. Several programs share this client (the importer, `npm start`, the
 * benchmark), so each names itself in the messages it shows: `prefix` is "[import]" for the
 * importer, and "[strapi]" when a caller does not say.
 */
export interface StrapiClientOptions {
  readonly prefix?: string;
}

const DEFAULT_PREFIX = '[strapi]';

const errorBodySchema = z.object({
  error: z.object({
    status: z.number().optional(),
    name: z.string().optional(),
    message: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
const listBodySchema = z.object({
  data: z.array(z.record(z.unknown())),
  meta: z.object({ pagination: z.object({ pageCount: z.number(), total: z.number() }) }),
});
const documentBodySchema = z.object({ data: z.object({ documentId: z.string() }).passthrough() });

/** A request Strapi refused or could not answer, with what to do about it. */
export class StrapiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StrapiRequestError';
  }
}

function describeDetails(details: unknown): string {
  const parsed = z
    .object({ errors: z.array(z.object({ path: z.array(z.unknown()), message: z.string() })) })
    .safeParse(details);
  if (!parsed.success) return '';
  return parsed.data.errors.map((error) => ` ${error.path.join('.')}: ${error.message}.`).join('');
}

/**
 * Methods whose request may be sent twice with the same effect. A keep-alive connection that
 * Strapi closed while the caller was busy parsing fails the next request before Strapi sees
 * it ("other side closed"); those are sent once more. A create (POST) never is, since a lost
 * answer could mean it was made, and a second one would duplicate it.
 */
const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);

/** Sends one request; a network failure of an idempotent one (not a timeout) is retried once. */
async function send(url: string, init: RequestInit & { method: string }): Promise<Response> {
  const attempts = IDEMPOTENT.has(init.method) ? 2 : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      if (attempt >= attempts || timedOut) throw error;
    }
  }
}

/**
 * A small client for Strapi's REST API, authenticated with the write token. It works against any
 * Strapi (local or remote), since it only speaks HTTP.
 */
export async function strapiRequest(
  env: WriteEnv,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  options: StrapiClientOptions = {},
): Promise<unknown> {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const url = `${env.STRAPI_URL}${pathAndQuery}`;
  let response: Response;
  try {
    response = await send(url, {
      method,
      headers: {
        Authorization: `Bearer ${env.STRAPI_WRITE_TOKEN}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new StrapiRequestError(
      `${prefix} Cannot reach Strapi at ${env.STRAPI_URL} (${method} ${pathAndQuery.split('?')[0] ?? ''}). Start it with \`npm start\` or set STRAPI_URL in .env.`,
      undefined,
      { cause: error },
    );
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch (error) {
    throw new StrapiRequestError(
      `${prefix} ${method} ${pathAndQuery} answered ${response.status} with a body that is not JSON.`,
      response.status,
      {
        cause: error,
      },
    );
  }
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(json);
    const reason = parsed.success
      ? `${parsed.data.error.name ?? 'Error'}: ${parsed.data.error.message ?? ''}${describeDetails(parsed.data.error.details)}`
      : text.slice(0, 300);
    const hint =
      response.status === 401 || response.status === 403
        ? ' Check STRAPI_WRITE_TOKEN in .env: it must be a token that may write modules, sections and pages.'
        : response.status === 413
          ? " The request is larger than Strapi's body limit (strapi::body jsonLimit); split the page into smaller pages."
          : '';
    throw new StrapiRequestError(
      `${prefix} Strapi refused ${method} ${pathAndQuery.split('?')[0] ?? ''} (${response.status} ${reason}).${hint}`,
      response.status,
    );
  }
  return json;
}

/** All documents of a collection matching `query`, fetched 100 at a time. */
export async function listDocuments(
  env: WriteEnv,
  collection: Collection,
  query: URLSearchParams,
  options: StrapiClientOptions = {},
): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for (let page = 1; ; page += 1) {
    const params = new URLSearchParams(query);
    params.set('pagination[page]', String(page));
    params.set('pagination[pageSize]', '100');
    const body = listBodySchema.parse(
      await strapiRequest(env, 'GET', `/api/${collection}?${params.toString()}`, undefined, options),
    );
    all.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return all;
  }
}

/** How many documents a collection has (drafts included). */
export async function countDocuments(
  env: WriteEnv,
  collection: Collection,
  options: StrapiClientOptions = {},
): Promise<number> {
  const body = listBodySchema.parse(
    await strapiRequest(
      env,
      'GET',
      `/api/${collection}?status=draft&pagination[pageSize]=1&fields[0]=documentId`,
      undefined,
      options,
    ),
  );
  return body.meta.pagination.total;
}

/** Creates a document as a draft or published, returning its documentId. */
export async function createDocument(
  env: WriteEnv,
  collection: Collection,
  data: Record<string, unknown>,
  status: Status,
  options: StrapiClientOptions = {},
): Promise<string> {
  const body = documentBodySchema.parse(
    await strapiRequest(env, 'POST', `/api/${collection}?status=${status}`, { data }, options),
  );
  return body.data.documentId;
}

/** Updates a document's draft, and publishes it when `status` is "published". */
export async function updateDocument(
  env: WriteEnv,
  collection: Collection,
  documentId: string,
  data: Record<string, unknown>,
  status: Status,
  options: StrapiClientOptions = {},
): Promise<void> {
  documentBodySchema.parse(
    await strapiRequest(env, 'PUT', `/api/${collection}/${documentId}?status=${status}`, { data }, options),
  );
}

/**
 * Publishes a document's draft as it stands. Strapi 5's REST API has no publish route: an update
 * with `?status=published` writes the draft and then publishes it, so an update that changes
 * nothing publishes the draft unchanged (relations, components and dynamic zones included). Needs
 * only the token's `update` permission.
 */
export async function publishDocument(
  env: WriteEnv,
  collection: Collection,
  documentId: string,
  options: StrapiClientOptions = {},
): Promise<void> {
  await updateDocument(env, collection, documentId, {}, 'published', options);
}

/** Deletes a document, its draft and its published version. Needs the token's `delete` permission. */
export async function deleteDocument(
  env: WriteEnv,
  collection: Collection,
  documentId: string,
  options: StrapiClientOptions = {},
): Promise<void> {
  await strapiRequest(env, 'DELETE', `/api/${collection}/${documentId}`, undefined, options);
}
