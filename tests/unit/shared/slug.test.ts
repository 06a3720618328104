import { describe, expect, it } from 'vitest';
import { compareNumbering, SLUG_PATTERN, slugify } from '@lm/shared';

describe('slugify', () => {
  it.each([
    ['What is a Community Partnership?', 'what-is-a-community-partnership'],
    ['Building a Partnership', 'building-a-partnership'],
    ['The Library’s Role', 'the-librarys-role'],
    ['Café & Co.', 'cafe-co'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['2.0 Overview', '2-0-overview'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe('SLUG_PATTERN', () => {
  it.each([
    ['two-zero', true],
    ['partnerships', true],
    ['Two-Zero', false],
    ['two--zero', false],
    ['-two', false],
    ['two zero', false],
    ['', false],
  ])('%s → %s', (slug, valid) => {
    expect(SLUG_PATTERN.test(slug)).toBe(valid);
  });
});

describe('compareNumbering', () => {
  it('orders dotted numbers as readers expect', () => {
    const numbers = ['2.10', '2.2', '10.0', '2.0', '2', '3.1', '2.1'];
    expect([...numbers].sort(compareNumbering)).toEqual(['2', '2.0', '2.1', '2.2', '2.10', '3.1', '10.0']);
  });
});
