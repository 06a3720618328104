/**
 * Where the CMS asks the rebuild service what it is doing: REBUILD_STATUS_URL when set (a service
 * behind a proxy), else /status at the origin of REBUILD_WEBHOOK_URL, which the CMS already
 * knows. Null when neither is set: no rebuild service is configured.
 */
export function rebuildStatusUrl(env: Readonly<Record<string, string | undefined>>): string | null {
  const explicit = env.REBUILD_STATUS_URL?.trim();
  if (explicit) return explicit;
  const webhook = env.REBUILD_WEBHOOK_URL?.trim();
  if (!webhook || !URL.canParse(webhook)) return null;
  return new URL('/status', webhook).toString();
}
