import { describe, expect, it } from 'vitest';
import { checklistItemKey } from '../../../site/src/lib/progress/checklist-item-key.js';
import { continueTarget, pagesDone } from '../../../site/src/lib/progress/continue-target.js';
import { parseProgressState, type ProgressState } from '../../../site/src/lib/progress/progress-state.js';

const page = 'k3j2h1g0f9e8d7c6b5a4z3y2';
const key = (title: string, text: string, pageId = page): string => checklistItemKey(pageId, title, text);

describe('the key of a checklist item', () => {
  it('is the page documentId and a short hash, which stored progress accepts', () => {
    const made = key('Is this a good partnership?', 'Do we have a shared goal?');
    expect(made).toMatch(new RegExp(`^${page}:[0-9a-z]{1,11}$`));
    expect(parseProgressState({ version: 1, pages: [], checks: [made] }).ok).toBe(true);
  });

  it.each([
    ['other capitals', 'IS THIS A GOOD PARTNERSHIP?', 'do we have a shared goal?'],
    ['other spacing', '  Is this a good   partnership? ', 'Do we have a\nshared goal?'],
    ['another Unicode form', 'Is this a good partnership?', 'Do we have a shared goal?'.normalize('NFD')],
  ])('stays the same with %s', (_name, title, text) => {
    expect(key(title, text)).toBe(key('Is this a good partnership?', 'Do we have a shared goal?'));
  });

  it.each([
    ['another item text', 'Is this a good partnership?', 'Do we have a common goal?', page],
    ['another box title', 'Before you meet', 'Do we have a shared goal?', page],
    ['another page', 'Is this a good partnership?', 'Do we have a shared goal?', 'other0page0document0id00'],
  ])('differs with %s', (_name, title, text, pageId) => {
    expect(key(title, text, pageId)).not.toBe(key('Is this a good partnership?', 'Do we have a shared goal?'));
  });

  it('does not mix the title into the text', () => {
    expect(key('ab', 'c')).not.toBe(key('a', 'bc'));
  });
});

describe('where "Continue" leads', () => {
  const pages = [
    { id: 'p1', href: '/modules/m/one/' },
    { id: 'p2', href: '/modules/m/two/' },
    { id: 'p3', href: '/modules/m/three/' },
  ];
  const progress = (done: string[]): ProgressState => ({ version: 1, pages: done, checks: [] });

  it.each([
    ['nowhere before any progress', [], null, 0],
    ['to the first page not done', ['p1', 'p3'], pages[1], 2],
    ['to an earlier page skipped', ['p2'], pages[0], 1],
    ['nowhere once every page is done', ['p1', 'p2', 'p3'], null, 3],
    ['nowhere when only pages of other modules are done', ['x9'], null, 0],
  ])('leads %s', (_name, done, target, count) => {
    expect(continueTarget(pages, progress(done))).toEqual(target);
    expect(pagesDone(pages, progress(done))).toBe(count);
  });
});
