import { describe, expect, it } from 'vitest';
import type { BodyBlock } from '@lm/shared';
import { firstParagraphText, shortenText } from '../../../site/src/lib/first-paragraph-text.js';
import { paragraphBlock } from './content-entries.js';

const heading: BodyBlock = {
  __typename: 'ComponentContentRichText',
  id: 'h',
  content: [{ type: 'heading', level: 4, children: [{ type: 'text', text: 'Before the meeting' }] }],
};
const outcomes: BodyBlock = { __typename: 'ComponentContentOutcomes', id: 'o', heading: 'Outcomes', lead: null };
const withLink: BodyBlock = {
  __typename: 'ComponentContentRichText',
  id: 'l',
  content: [
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Read  the ', bold: true },
        { type: 'link', url: 'https://example.org/', children: [{ type: 'text', text: 'annual report' }] },
        { type: 'text', text: '\nfirst.' },
      ],
    },
  ],
};

describe('firstParagraphText', () => {
  it.each<[string, BodyBlock[], string | undefined]>([
    ['the first paragraph of the first rich text', [paragraphBlock('a', 'One.', 'Two.')], 'One.'],
    ['skipping headings and other blocks', [outcomes, heading, paragraphBlock('a', 'Prose.')], 'Prose.'],
    ['skipping blank paragraphs', [paragraphBlock('a', '   '), paragraphBlock('b', 'Later.')], 'Later.'],
    ['with link text and collapsed whitespace, no markup', [withLink], 'Read the annual report first.'],
    ['nothing when there is no paragraph', [heading, outcomes], undefined],
    ['nothing for an empty body', [], undefined],
  ])('finds %s', (_, body, expected) => {
    expect(firstParagraphText(body)).toBe(expected);
  });
});

describe('shortenText', () => {
  it('keeps text that fits', () => {
    expect(shortenText('A short description.')).toBe('A short description.');
  });

  it('cuts long text at a word boundary with an ellipsis, within the limit', () => {
    const long = `${'Partnerships help libraries reach new audiences, '.repeat(6)}end.`;
    const short = shortenText(long);
    expect(short.length).toBeLessThanOrEqual(160);
    expect(short).toMatch(/audiences…$|libraries…$|reach…$|new…$|help…$|Partnerships…$/);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
  });
});
