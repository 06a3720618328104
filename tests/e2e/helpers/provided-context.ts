/**
 * What the e2e global setup hands to every test file (through vitest's `provide`/`inject`).
 * Importing this file (type-only is enough) makes `inject('siteUrl')` and friends typed.
 */
export interface E2eContext {
  /** Base URL of the live demo site. */
  siteUrl: string;
  /** Base URL of the rebuild service's HTTP API. */
  rebuilderUrl: string;
  /** The secret the rebuild service's webhook expects. */
  webhookSecret: string;
  /** Strapi's write settings (STRAPI_URL, STRAPI_WRITE_TOKEN and the rest) for the REST client. */
  strapiWriteEnv: Record<string, string>;
  /** The local Author's and Editor's admin logins of the test Strapi. */
  editorialLogins: Record<'author' | 'editor', { email: string; password: string }>;
}

declare module 'vitest' {
  // Vitest merges this interface with its own; the keys are what `provide` may hand out.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface ProvidedContext extends E2eContext {}
}
