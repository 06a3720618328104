/**
 * Settings a person may choose on the command line before the first start
 * (`PORT=1400 SITE_PORT=8080 npm start`). They are written into the new `.env`, so later starts
 * keep them without the variables. Only these are taken from the shell: a shell's own variables
 * (HOST on some systems, NODE_ENV in CI) must not end up in `.env` by accident.
 */
const CHOOSABLE = [
  'PORT',
  'STRAPI_URL',
  'SITE_PORT',
  'SITE_URL',
  'PREVIEW_PORT',
  'PREVIEW_URL',
  'REBUILD_PORT',
  'REBUILD_WEBHOOK_URL',
  'DATABASE_CLIENT',
  'DATABASE_HOST',
  'DATABASE_PORT',
  'DATABASE_NAME',
  'DATABASE_USERNAME',
  'DATABASE_PASSWORD',
] as const;

/**
 * The URLs that name a port. When only the port is chosen, the URL follows it, or Strapi would
 * listen on one port while the site, the webhook and the admin links name the default.
 */
const URL_OF_PORT: Record<string, (port: string) => [string, string]> = {
  PORT: (port) => ['STRAPI_URL', `http://localhost:${port}`],
  SITE_PORT: (port) => ['SITE_URL', `http://localhost:${port}`],
  PREVIEW_PORT: (port) => ['PREVIEW_URL', `http://localhost:${port}`],
  REBUILD_PORT: (port) => ['REBUILD_WEBHOOK_URL', `http://127.0.0.1:${port}/hooks/strapi`],
};

/** The values of the choosable settings that `processEnv` sets, with the URLs that follow a chosen port. */
export function firstStartValues(processEnv: Record<string, string | undefined>): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const name of CHOOSABLE) {
    const value = processEnv[name]?.trim();
    if (value) chosen[name] = value;
  }
  for (const [portName, urlFor] of Object.entries(URL_OF_PORT)) {
    const port = chosen[portName];
    if (port === undefined) continue;
    const [urlName, url] = urlFor(port);
    chosen[urlName] ??= url;
  }
  return chosen;
}

/** `.env.example`'s text with each `NAME=` line of a chosen setting given the chosen value. */
export function applyValues(example: string, values: Record<string, string>): string {
  return example
    .split('\n')
    .map((line) => {
      const name = /^([A-Z0-9_]+)=/.exec(line)?.[1];
      const value = name === undefined ? undefined : values[name];
      return value === undefined ? line : `${name}=${value}`;
    })
    .join('\n');
}
