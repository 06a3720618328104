import type { SiteBuildResult } from '../lib/warm-site-builder.js';
import { percentile } from './percentile.js';

/** One rebuild as the benchmark saw it: the worker's result and the service's whole build. */
export interface MeasuredRebuild {
  build: SiteBuildResult;
  /** The rebuild service's build of the release: build, verify and swap (from /status). */
  serviceMs: number;
}

/** Phases of a rebuild, in the order they happen, with what each one covers. */
const PHASES: Array<{ name: string; of: (rebuild: MeasuredRebuild) => number }> = [
  {
    name: 'astro setup (config, integrations)',
    of: ({ build: { report } }) => report.phases.astroMs - sumOfAstroPhases(report.phases),
  },
  { name: 'content sync', of: ({ build }) => build.report.phases.contentMs },
  { name: 'server bundle (Vite)', of: ({ build }) => build.report.phases.serverBundleMs },
  { name: 'client bundle (Vite, islands)', of: ({ build }) => build.report.phases.clientBundleMs },
  { name: 'page generation (wall clock)', of: ({ build }) => build.report.phases.generateMs },
  { name: '  content pages (summed)', of: ({ build }) => build.report.phases.pageRenderMs.content },
  { name: '  print page (summed)', of: ({ build }) => build.report.phases.pageRenderMs.print },
  { name: '  other pages (summed)', of: ({ build }) => build.report.phases.pageRenderMs.other },
  { name: 'search index', of: ({ build }) => build.report.phases.indexMs },
  { name: 'copy reused modules', of: ({ build }) => build.report.phases.copyMs },
  { name: 'precompression (.br, .gz)', of: ({ build }) => build.report.phases.compressMs ?? 0 },
  { name: 'worker total', of: ({ build }) => build.durationMs },
  { name: 'verify and swap (service)', of: ({ build, serviceMs }) => serviceMs - build.durationMs },
  { name: 'service build total', of: ({ serviceMs }) => serviceMs },
];

type Phases = SiteBuildResult['report']['phases'];

/** Astro's phases the report names: whatever else Astro's build call took is its setup. */
function sumOfAstroPhases(phases: Phases): number {
  return phases.contentMs + phases.renderMs + phases.indexMs;
}

/** The median of each phase over the rebuilds, as rows of a Markdown table (one column per dataset). */
export function phaseMedianRows(datasets: ReadonlyArray<{ dataset: string; rebuilds: MeasuredRebuild[] }>): string[] {
  const withRebuilds = datasets.filter(({ rebuilds }) => rebuilds.length > 0);
  const header = `| phase (median ms per rebuild) | ${withRebuilds.map(({ dataset }) => dataset).join(' | ')} |`;
  const rule = `| --- | ${withRebuilds.map(() => '---:').join(' | ')} |`;
  const rows = PHASES.map(
    ({ name, of }) =>
      `| ${name} | ${withRebuilds.map(({ rebuilds }) => String(Math.round(percentile(rebuilds.map(of), 50)))).join(' | ')} |`,
  );
  return [header, rule, ...rows];
}
