import { describe, expect, it } from 'vitest';
import { pageKind } from '../../../site/integrations/page-render-timing.js';

describe('the kind of page a route renders, for the build report', () => {
  it.each([
    { routePattern: '/modules/[module]/[page]', kind: 'content' },
    { routePattern: '/modules/[module]/print', kind: 'print' },
    { routePattern: '/modules/[module]', kind: 'other' },
    { routePattern: '/', kind: 'other' },
    { routePattern: '/search', kind: 'other' },
    { routePattern: '/[...legacy]', kind: 'other' },
  ])('$routePattern is a $kind page', ({ routePattern, kind }) => {
    expect(pageKind(routePattern)).toBe(kind);
  });
});
