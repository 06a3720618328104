import { percentile } from './percentile.js';
import type { ColdBuild } from './cold-build.js';

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

/** The rows of the phase table: what each covers, and how to read it from a cold build. */
const PHASES: Array<{ name: string; of: (build: ColdBuild) => number }> = [
  { name: 'total, process start to release (ms)', of: (build) => build.wallMs },
  {
    name: 'process start, Astro setup (ms)',
    of: ({ wallMs, result: { report, durationMs } }) =>
      wallMs -
      durationMs +
      report.phases.astroMs -
      report.phases.contentMs -
      report.phases.renderMs -
      report.phases.indexMs,
  },
  { name: 'content sync (ms)', of: (build) => build.result.report.phases.contentMs },
  { name: '  fetch, longest collection (ms)', of: (build) => build.fetchMs },
  { name: '  validation, summed (ms)', of: (build) => build.validateMs },
  { name: 'bundling: server (ms)', of: (build) => build.result.report.phases.serverBundleMs },
  { name: 'bundling: client (ms)', of: (build) => build.result.report.phases.clientBundleMs },
  { name: 'rendering, wall clock (ms)', of: (build) => build.result.report.phases.generateMs },
  { name: 'indexing for search (ms)', of: (build) => build.result.report.phases.indexMs },
  { name: 'copying reused modules (ms)', of: (build) => build.result.report.phases.copyMs },
  { name: 'copying: precompression .br/.gz (ms)', of: (build) => build.result.report.phases.compressMs ?? 0 },
  { name: 'GraphQL requests', of: (build) => build.result.report.graphqlRequests },
  { name: 'peak RSS, build process tree (MB)', of: (build) => mb(build.peakRssBytes) },
];

/** Medians of each phase over the runs of each column, as a Markdown table. */
export function buildPhaseRows(columns: ReadonlyArray<{ name: string; builds: readonly ColdBuild[] }>): string[] {
  const header = `| phase (median of runs) | ${columns.map(({ name }) => name).join(' | ')} |`;
  const rule = `| --- | ${columns.map(() => '---:').join(' | ')} |`;
  const rows = PHASES.map(
    ({ name, of }) =>
      `| ${name} | ${columns.map(({ builds }) => String(Math.round(percentile(builds.map(of), 50)))).join(' | ')} |`,
  );
  return [header, rule, ...rows];
}
