import { formatDuration } from '@lm/shared';
import type { BodyInput } from './page-document.js';

/**
 * The text a reader of the imported page will see, for counting words: every text of the body's
 * Blocks, resource boxes and outcomes heading, plus the outcomes this page gave its section (the
 * outcomes block shows them in its place). Texts are joined by spaces, as the source's are. Of a
 * video, only the length counts: the source stated it as text, while its title is an attribute or
 * repeats the heading above it, already counted.
 */
export function documentWords(body: ReadonlyArray<BodyInput>, outcomes: ReadonlyArray<string>): string {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, member] of Object.entries(value)) {
        if (key === 'text' && typeof member === 'string') texts.push(member);
        else collect(member);
      }
    }
  };
  for (const block of body) {
    switch (block.__component) {
      case 'content.rich-text':
        collect(block.content);
        break;
      case 'content.resource-box':
        texts.push(block.title, block.intro ?? '', ...block.items.map((item) => item.text));
        collect(block.content);
        break;
      case 'content.video':
        texts.push(shownDuration(block));
        break;
      case 'content.outcomes':
        texts.push(block.heading, block.lead ?? '', ...outcomes);
        break;
    }
  }
  return texts.join(' ');
}

function shownDuration(video: { durationSeconds: number | null }): string {
  return video.durationSeconds === null ? '' : formatDuration(video.durationSeconds);
}
