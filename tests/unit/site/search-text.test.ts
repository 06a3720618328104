import { describe, expect, it } from 'vitest';
import { excerptParts } from '../../../site/src/islands/search/excerpt-parts.js';
import { statusText, type SearchPhase } from '../../../site/src/islands/search/status-text.js';

describe('a Pagefind excerpt as text runs', () => {
  it.each([
    { excerpt: 'no match here', parts: [{ text: 'no match here', marked: false }] },
    {
      excerpt: 'find <mark>partners</mark> nearby',
      parts: [
        { text: 'find ', marked: false },
        { text: 'partners', marked: true },
        { text: ' nearby', marked: false },
      ],
    },
    {
      excerpt: '<mark>two</mark> <mark>words</mark>',
      parts: [
        { text: 'two', marked: true },
        { text: ' ', marked: false },
        { text: 'words', marked: true },
      ],
    },
    // Page text that looks like markup stays text: Pagefind escapes it, and it is unescaped to text.
    {
      excerpt: 'write &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>more</mark>',
      parts: [
        { text: 'write <script>alert(1)</script> &amp; ', marked: false },
        { text: 'more', marked: true },
      ],
    },
    {
      excerpt: 'an <mark>unclosed mark',
      parts: [
        { text: 'an ', marked: false },
        { text: 'unclosed mark', marked: true },
      ],
    },
  ])('$excerpt', ({ excerpt, parts }) => {
    expect(excerptParts(excerpt)).toEqual(parts);
  });
});

const statuses: { phase: SearchPhase; text: string }[] = [
  { phase: { kind: 'done', term: 'partners', total: 3, filtered: false }, text: '3 results for “partners”' },
  {
    phase: { kind: 'done', term: 'partners', total: 1, filtered: true },
    text: '1 result for “partners” in the selected filters',
  },
  { phase: { kind: 'done', term: 'zzz', total: 0, filtered: false }, text: '0 results for “zzz”' },
  { phase: { kind: 'done', term: '', total: 4, filtered: true }, text: '4 results in the selected filters' },
  { phase: { kind: 'nothing-published' }, text: 'No modules are published yet, so there is nothing to search.' },
];

describe('the status a search announces', () => {
  it.each(statuses)('$text', ({ phase, text }) => {
    expect(statusText(phase)).toBe(text);
  });
});
