/**
 * The inline code Astro writes into every page that holds an island, as Content-Security-Policy
 * hashes: the `<script>` defining the astro-island element, the `<script>` of each client
 * directive the site uses (`client:idle`, `client:visible`, and `client:load` for search) and the `<style>` that lays islands
 * out. With them, the policy allows exactly this code and no other inline script or style (no
 * 'unsafe-inline'). They are Astro's own fixed texts (astro/runtime/server/astro-island.prebuilt.js,
 * astro/runtime/client/<directive>.prebuilt.js, astro-island-styles.js) for the Astro version
 * pinned in site/integrations/astro-internals.ts; tests/unit/site/progress-csp-hashes.test.ts
 * fails when a new Astro changes them, and the browser test proves islands hydrate under them.
 */
export const ISLAND_SCRIPT_HASHES: readonly string[] = [
  // The astro-island custom element.
  "'sha256-U7a72oKuFFz8D7GUHLA1NZ0ciymHmDOc9T9aVDg2rWU='",
  // client:idle
  "'sha256-BF0290pkb3jxQsE7z00xR8Imp8X34FLC88L0lkMnrGw='",
  // client:visible
  "'sha256-Q2BPg90ZMplYY+FSdApNErhpWafg2hcRRbndmvxuL/Q='",
  // client:load (the search page)
  "'sha256-QzWFZi+FLIx23tnm9SBU4aEgx4x8DsuASP07mfqol/c='",
];

/** `astro-island,astro-slot,astro-static-slot{display:contents}` */
export const ISLAND_STYLE_HASHES: readonly string[] = ["'sha256-vv9IoKo7BSLbWcUHr3tNmfNVmm5L/9Cfn2H6LMk7/ow='"];
