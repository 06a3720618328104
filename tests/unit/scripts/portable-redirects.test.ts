import { describe, expect, it } from 'vitest';
import { portableRedirects } from '../../../scripts/export/portable-redirects.js';

describe('portableRedirects', () => {
  it('writes one 301 rule per spelling of each old path', () => {
    const text = portableRedirects({
      '/modules/partnerships/two-zero.html': '/modules/partnerships/two-zero/',
      '/modules/partnerships/overview/': '/modules/partnerships/two-zero/',
    });
    expect(text.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([
      '/modules/partnerships/two-zero.html /modules/partnerships/two-zero/ 301',
      '/modules/partnerships/two-zero.html/ /modules/partnerships/two-zero/ 301',
      '/modules/partnerships/overview /modules/partnerships/two-zero/ 301',
      '/modules/partnerships/overview/ /modules/partnerships/two-zero/ 301',
    ]);
  });

  it('writes only the comment when nothing moved', () => {
    expect(
      portableRedirects({})
        .split('\n')
        .filter((line) => line && !line.startsWith('#')),
    ).toEqual([]);
  });
});
