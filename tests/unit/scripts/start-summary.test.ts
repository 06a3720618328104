import { describe, expect, it } from 'vitest';
import { startSummary } from '../../../scripts/start/start-summary.js';

const urls = {
  siteUrl: 'http://localhost:4321',
  adminUrl: 'http://localhost:1337/admin',
  statusUrl: 'http://localhost:4322/status',
};

describe('startSummary', () => {
  it('says where the admin password is, never what it is', () => {
    const lines = startSummary({ ...urls, env: { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'Sup3r-s3cret!' } });
    expect(lines.join('\n')).not.toContain('Sup3r-s3cret!');
    expect(lines).toContain('  Login    admin@example.org, password: ADMIN_PASSWORD in .env   (super admin)');
    expect(lines).toContain('  Site     http://localhost:4321');
  });

  it('points at .env for the email too when it is not set', () => {
    expect(startSummary({ ...urls, env: {} })).toContain(
      '  Login    ADMIN_EMAIL in .env, password: ADMIN_PASSWORD in .env   (super admin)',
    );
  });

  it('names the local editor and author logins, with what each role may do, and no password', () => {
    const env = {
      EDITOR_EMAIL: 'editor@example.org',
      EDITOR_PASSWORD: 'Ed1tor-s3cret!',
      AUTHOR_EMAIL: 'author@example.org',
      AUTHOR_PASSWORD: 'Auth0r-s3cret!',
    };
    const lines = startSummary({ ...urls, env });
    expect(lines).toContain(
      '           editor@example.org, password: EDITOR_PASSWORD in .env   (Editor: writes and publishes)',
    );
    expect(lines).toContain(
      '           author@example.org, password: AUTHOR_PASSWORD in .env   (Author: writes drafts, cannot publish)',
    );
    expect(lines.join('\n')).not.toMatch(/Ed1tor-s3cret!|Auth0r-s3cret!/);
  });
});
