import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE_LIMITS,
  formatBytes,
  payloadBytes,
  payloadSizeError,
  sourceSizeError,
  STRAPI_JSON_LIMIT_BYTES,
} from '../../../scripts/import/size-limits.js';

const MIB = 1024 * 1024;

describe('limits', () => {
  it("are Strapi's JSON body limit (koa-body's default '1mb'), for the source and for each write", () => {
    expect(STRAPI_JSON_LIMIT_BYTES).toBe(1_048_576);
    expect(DEFAULT_SIZE_LIMITS).toEqual({ sourceBytes: MIB, payloadBytes: MIB });
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1,023 bytes'],
    [1536, '1.5 KiB (1,536 bytes)'],
    [MIB, '1 MiB (1,048,576 bytes)'],
    [20_971_747, '20 MiB (20,971,747 bytes)'],
  ])('%d -> %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('sourceSizeError', () => {
  it.each([
    ['well under', 2_579, null],
    ['exactly at the limit', MIB, null],
    ['one byte over', MIB + 1, '1 MiB (1,048,577 bytes)'],
    ['far over', 20_971_747, '20 MiB (20,971,747 bytes)'],
  ])('%s', (_name, bytes, size) => {
    const error = sourceSizeError('pages/big.md', bytes, MIB);
    if (size === null) {
      expect(error).toBeNull();
      return;
    }
    // Names the file, its size and the limit, and says how to fix it.
    expect(error?.file).toBe('pages/big.md');
    expect(error?.message).toMatch(/^\[import\] pages\/big\.md: is /);
    expect(error?.message).toContain(size);
    expect(error?.message).toContain('over the 1 MiB (1,048,576 bytes) limit');
    expect(error?.message).toContain('split it into smaller pages');
  });
});

describe('payloadSizeError', () => {
  it.each([
    ['pages', 'page m/p', MIB, null],
    ['pages', 'page m/p', MIB + 1, /page m\/p would be sent to Strapi as 1 MiB \(1,048,577 bytes\).*split the page/],
    ['sections', 'section m/s', 2 * MIB, /section m\/s .* shorten the section's learning outcomes/],
  ])('%s, %s, %d bytes', (collection, label, bytes, problem) => {
    const error = payloadSizeError('pages/p.md', collection, label, bytes, MIB);
    if (problem === null) expect(error).toBeNull();
    else {
      expect(error?.message).toMatch(problem);
      expect(error?.message).toContain('over the 1 MiB (1,048,576 bytes) one write may hold');
      expect(error?.message).toMatch(/^\[import\] pages\/p\.md: /);
    }
  });
});

describe('payloadBytes', () => {
  it('counts the UTF-8 bytes of the body the REST client sends', () => {
    expect(payloadBytes({ title: 'é' })).toBe(Buffer.byteLength('{"data":{"title":"é"}}'));
    // One character, two bytes: the limit is in bytes.
    expect(payloadBytes({ title: 'é' })).toBe('{"data":{"title":"é"}}'.length + 1);
  });
});
