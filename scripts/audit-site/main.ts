import { moduleUrl, pageUrl, homeUrl } from '@lm/shared';
import { compileCms, startDemoSite } from '../lib/demo-site.js';
import { formatAuditTable } from './format-audit-table.js';
import { withLighthouse } from './run-lighthouse.js';
import { summarizeRuns, type PageSummary } from './summarize-runs.js';

/** Lighthouse runs per page; the table shows their medians. */
const RUNS = 3;

/** The pages audited, with the content page's byte budget (50 KB transferred). */
const PAGES = [
  { name: 'home', path: homeUrl(), byteBudget: null },
  { name: 'module home', path: moduleUrl('partnerships'), byteBudget: null },
  { name: 'content page', path: pageUrl('partnerships', 'two-one'), byteBudget: 50 * 1024 },
];

/**
 * `npm run audit:site`: starts the demo site as the browser tests do (throwaway Strapi, demo
 * import, rebuild service, static server), runs Lighthouse three times on the home, a module home
 * and a content page, and prints the medians against the goals.
 */
async function main(): Promise<void> {
  console.log('[audit] compiling the CMS and starting the demo site…');
  await compileCms();
  const site = await startDemoSite({
    log: (line) => {
      console.log(line);
    },
  });
  try {
    const summaries: PageSummary[] = await withLighthouse(async (audit) => {
      const done: PageSummary[] = [];
      for (const page of PAGES) {
        const runs = [];
        for (let run = 1; run <= RUNS; run++) {
          console.log(`[audit] ${page.name}: Lighthouse run ${String(run)}/${String(RUNS)}…`);
          runs.push(await audit(`${site.siteUrl}${page.path}`));
        }
        done.push(summarizeRuns(page, runs));
      }
      return done;
    });
    console.log('');
    console.log(formatAuditTable(summaries));
  } finally {
    await site.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  if (error instanceof Error && error.cause !== undefined) console.error(error.cause);
  process.exitCode = 1;
});
