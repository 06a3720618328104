import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { assertProductionSecret } from '../utils/require-secret';
import { PLACEHOLDER_PREFIX, REBUILD_SECRET_HEADER } from '../utils/shared';

/** The webhook is found by this name on every start and updated in place. */
export const REBUILD_WEBHOOK_NAME = 'Rebuild the public site';
/**
 * Every event that can change the site. Draft saves (create, update of draft-and-publish types)
 * are sent too: the rebuild service decides, since only it knows which types publish directly.
 */
const EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'media.create',
  'media.update',
  'media.delete',
];

const webhookSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  url: z.string().nullable(),
  headers: z.record(z.string()).nullable(),
  events: z.array(z.string()).nullable(),
  isEnabled: z.boolean().nullable(),
});
type StoredWebhook = z.infer<typeof webhookSchema>;
interface WebhookData {
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

/** The part of Strapi's webhook store (core_store backed) used here; called on the store itself. */
interface WebhookStore {
  allowedEvents: Map<string, string>;
  findWebhooks(): Promise<unknown>;
  createWebhook(data: WebhookData): Promise<unknown>;
  updateWebhook(id: string, data: WebhookData): Promise<unknown>;
  deleteWebhook(id: string): Promise<unknown>;
}
/** The in-memory runner that sends deliveries; it loaded the stored webhooks before this bootstrap. */
interface WebhookRunner {
  add(webhook: StoredWebhook): void;
  update(webhook: StoredWebhook): void;
  remove(webhook: StoredWebhook): void;
}

const hasFunctions = (value: unknown, names: string[]): value is object =>
  typeof value === 'object' &&
  value !== null &&
  names.every((name) => {
    const member: unknown = Reflect.get(value, name);
    return typeof member === 'function';
  });

function isWebhookStore(value: unknown): value is WebhookStore {
  return (
    hasFunctions(value, ['findWebhooks', 'createWebhook', 'updateWebhook', 'deleteWebhook']) &&
    Reflect.get(value, 'allowedEvents') instanceof Map
  );
}

function isWebhookRunner(value: unknown): value is WebhookRunner {
  return hasFunctions(value, ['add', 'update', 'remove']);
}

/** Strapi's webhook store and runner, checked at run time so an upgrade that changes them fails loudly. */
function webhookServices(strapi: Core.Strapi): { store: WebhookStore; runner: WebhookRunner } {
  const store: unknown = strapi.get('webhookStore');
  const runner: unknown = strapi.get('webhookRunner');
  if (!isWebhookStore(store) || !isWebhookRunner(runner)) {
    throw new Error(
      "[cms] Strapi's webhookStore or webhookRunner does not have the expected methods; the rebuild webhook cannot be registered. Check the @strapi/core version.",
    );
  }
  return { store, runner };
}

/**
 * Registers the webhook that tells the rebuild service to rebuild the site, from `.env`:
 * REBUILD_WEBHOOK_URL and REBUILD_WEBHOOK_SECRET (sent in the x-rebuild-secret header). It is found
 * by name and updated in place on every start, so changing `.env` and restarting is all it takes,
 * and duplicates (e.g. one copied in the admin) are removed. Without a URL the webhook is disabled
 * with a warning; with a URL but no usable secret the bootstrap fails (in production: a secret
 * shorter than 32 characters is not usable either).
 */
export async function registerRebuildWebhook(strapi: Core.Strapi): Promise<void> {
  const url = process.env.REBUILD_WEBHOOK_URL?.trim() ?? '';
  const secret = process.env.REBUILD_WEBHOOK_SECRET?.trim() ?? '';
  const { store, runner } = webhookServices(strapi);
  const existing = z
    .array(webhookSchema)
    .parse(await store.findWebhooks())
    .filter((webhook) => webhook.name === REBUILD_WEBHOOK_NAME);
  const [current, ...duplicates] = existing;
  for (const duplicate of duplicates) {
    await store.deleteWebhook(duplicate.id);
    runner.remove(duplicate);
  }

  if (url === '') {
    strapi.log.warn('[cms] REBUILD_WEBHOOK_URL is not set, so publishing will not rebuild the public site.');
    if (current?.isEnabled) {
      const disabled = webhookSchema.parse(
        await store.updateWebhook(current.id, { ...toData(current), isEnabled: false }),
      );
      runner.update(disabled);
      strapi.log.warn(`[cms] Disabled the "${REBUILD_WEBHOOK_NAME}" webhook.`);
    }
    return;
  }
  if (!URL.canParse(url)) {
    throw new Error(`[cms] REBUILD_WEBHOOK_URL is not a URL: "${url}". Use e.g. http://127.0.0.1:4322/hooks/strapi.`);
  }
  // Production holds the secret to the same rule as Strapi's own; a development .env written
  // before that rule existed may hold a shorter one, which is still accepted there.
  if (process.env.NODE_ENV === 'production') assertProductionSecret('REBUILD_WEBHOOK_SECRET', secret);
  if (secret.length < 16 || secret.startsWith(PLACEHOLDER_PREFIX)) {
    throw new Error(
      '[cms] REBUILD_WEBHOOK_SECRET is missing, too short or still the .env.example placeholder, so the rebuild ' +
        'webhook cannot be registered. Set it to a long random value (the rebuild service needs the same one).',
    );
  }

  // The upload plugin registers the media events; without it they do not exist and are left out.
  const allowed = new Set(store.allowedEvents.values());
  const data: WebhookData = {
    name: REBUILD_WEBHOOK_NAME,
    url,
    headers: { [REBUILD_SECRET_HEADER]: secret },
    events: EVENTS.filter((event) => allowed.has(event)),
    isEnabled: true,
  };
  if (current) {
    const updated = webhookSchema.parse(await store.updateWebhook(current.id, data));
    runner.update(updated);
  } else {
    const created = webhookSchema.parse(await store.createWebhook(data));
    runner.add(created);
  }
  strapi.log.info(
    `[cms] Rebuild webhook ${current ? 'updated' : 'registered'}: ${url} (${data.events.length} events).`,
  );
}

function toData(webhook: StoredWebhook): WebhookData {
  return {
    name: webhook.name ?? REBUILD_WEBHOOK_NAME,
    url: webhook.url ?? '',
    headers: webhook.headers ?? {},
    events: webhook.events ?? [],
    isEnabled: webhook.isEnabled ?? false,
  };
}
