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

/**
 * The closing lines of `npm start`: where the site, the admin and the status are, and how to log
 * in. The admin password is never printed (terminal scrollback, shared screens and CI logs keep
 * it): the line says where to find it instead.
 */
export function startSummary({ siteUrl, adminUrl, statusUrl, previewUrl, env }: SummaryInput): string[] {
  return [
    '',
    `  Site     ${siteUrl}`,
    `  Admin    ${adminUrl}`,
    `  Login    ${env.ADMIN_EMAIL ?? 'ADMIN_EMAIL in .env'}, password: ADMIN_PASSWORD in .env`,
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
