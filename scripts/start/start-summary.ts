/** What `npm start` prints once everything is up. */
export interface SummaryInput {
  siteUrl: string;
  adminUrl: string;
  statusUrl: string;
  /** The draft preview server, which the admin's Preview button opens; omitted when it is not run. */
  previewUrl?: string;
  /** The environment `npm start` read (`.env` and the process's). */
  env: Record<string, string | undefined>;
}

/** "email, password: X_PASSWORD in .env" for one of the local logins the CMS creates from `.env`. */
const login = (env: Record<string, string | undefined>, who: 'ADMIN' | 'EDITOR' | 'AUTHOR'): string =>
  `${env[`${who}_EMAIL`] ?? `${who}_EMAIL in .env`}, password: ${who}_PASSWORD in .env`;

/**
 * The closing lines of `npm start`: where the site, the admin and the status are, and how to log
 * in as each role. No password is ever printed (terminal scrollback, shared screens and CI logs keep
 * it): the line says where to find it instead.
 */
export function startSummary({ siteUrl, adminUrl, statusUrl, previewUrl, env }: SummaryInput): string[] {
  return [
    '',
    `  Site     ${siteUrl}`,
    `  Admin    ${adminUrl}`,
    `  Login    ${login(env, 'ADMIN')}   (super admin)`,
    `           ${login(env, 'EDITOR')}   (Editor: writes and publishes)`,
    `           ${login(env, 'AUTHOR')}   (Author: writes drafts, cannot publish)`,
    `  Status   ${statusUrl}   (publishing in the admin rebuilds the site within seconds)`,
    ...(previewUrl
      ? [
          `  Preview  ${previewUrl}   (drafts, opened with the Preview button of a page, section or module in the admin)`,
        ]
      : []),
    '  Stop     Ctrl-C',
    '',
  ];
}
