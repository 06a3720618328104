import type { IncomingMessage } from 'node:http';
import { webhookPayloadSchema, type WebhookPayload } from '../webhook-payload.js';
import { readBody } from './read-body.js';

/** Largest webhook body accepted. Strapi's are a few kB (relations are not populated). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A delivery that passed every check, or the answer to refuse it with. */
export type PayloadResult =
  | { ok: true; payload: WebhookPayload }
  | { ok: false; status: number; body: Record<string, unknown>; headers?: Record<string, string> };

/** application/json, with or without parameters such as charset. */
const isJson = (contentType: string | undefined): boolean =>
  contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType.trim());

/**
 * Reads and checks a webhook body: 415 when it is not JSON, 413 over MAX_BODY_BYTES, 400 when it
 * cannot be read, is malformed JSON or is not a Strapi webhook. A refusal before the body is read
 * in full closes the connection, so the client stops sending.
 */
export async function readWebhookPayload(request: IncomingMessage): Promise<PayloadResult> {
  const close = { Connection: 'close' };
  if (!isJson(request.headers['content-type'])) {
    return { ok: false, status: 415, body: { error: 'the body must be application/json' }, headers: close };
  }
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    return body.reason === 'too-large'
      ? { ok: false, status: 413, body: { error: `the body is larger than ${MAX_BODY_BYTES} bytes` }, headers: close }
      : { ok: false, status: 400, body: { error: 'the request body could not be read' }, headers: close };
  }
  let json: unknown;
  try {
    json = JSON.parse(body.body.toString('utf8'));
  } catch {
    return { ok: false, status: 400, body: { error: 'the body is not valid JSON' } };
  }
  const parsed = webhookPayloadSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    return { ok: false, status: 400, body: { error: 'the body is not a Strapi webhook', issues } };
  }
  return { ok: true, payload: parsed.data };
}
