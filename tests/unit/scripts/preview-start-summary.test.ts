import { describe, expect, it } from 'vitest';
import { startSummary } from '../../../scripts/start/start-summary.js';

const urls = {
  siteUrl: 'http://localhost:4321',
  adminUrl: 'http://localhost:1337/admin',
  statusUrl: 'http://localhost:4322/status',
};

describe('startSummary and the draft preview', () => {
  it('says where the preview server is and how editors reach it', () => {
    const lines = startSummary({ ...urls, previewUrl: 'http://localhost:4323', env: {} });
    expect(lines).toContain(
      '  Preview  http://localhost:4323   (drafts, opened with the Preview button of a page, section or module in the admin)',
    );
    expect(lines.indexOf('  Stop     Ctrl-C')).toBeGreaterThan(lines.findIndex((line) => line.startsWith('  Preview')));
  });

  it('says nothing of it when it is not run', () => {
    expect(startSummary({ ...urls, env: {} }).some((line) => line.includes('Preview'))).toBe(false);
  });
});
