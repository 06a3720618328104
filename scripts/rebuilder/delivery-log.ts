import type { Delivery } from '@lm/shared';
import type { RebuildDecision } from './rebuild-decision.js';
import type { WebhookPayload } from './webhook-payload.js';

/** Deliveries listed in /status. */
const DELIVERY_LOG_SIZE = 20;

/** The documentId of the entry a delivery names, when Strapi sent one. */
function documentIdOf(payload: WebhookPayload): string | null {
  const id = payload.entry?.documentId;
  return typeof id === 'string' ? id : null;
}

/**
 * The latest webhook deliveries and what the service decided for each, newest first, for /status:
 * an operator (or a test) can see that a draft save arrived and was deliberately not built, rather
 * than guess from a build that never came. Kept in memory only; a restart starts a new list.
 */
export class DeliveryLog {
  #entries: Delivery[] = [];

  /** Adds a delivery with its decision; the oldest falls off past DELIVERY_LOG_SIZE. */
  record(payload: WebhookPayload, decision: RebuildDecision, receivedAt: string): void {
    const entry: Delivery = {
      receivedAt,
      event: payload.event,
      uid: payload.uid ?? null,
      documentId: documentIdOf(payload),
      rebuild: decision.rebuild,
      reason: decision.rebuild ? null : decision.reason,
    };
    this.#entries = [entry, ...this.#entries].slice(0, DELIVERY_LOG_SIZE);
  }

  /** Newest first. */
  list(): Delivery[] {
    return [...this.#entries];
  }
}
