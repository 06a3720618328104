import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../../site/src/lib/map-bounded.js';

describe('mapBounded', () => {
  it('keeps the items order whatever order the tasks finish in', async () => {
    const results = await mapBounded([30, 10, 20, 0], 2, async (delay, index) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return `${String(index)}:${String(delay)}`;
    });
    expect(results).toEqual(['0:30', '1:10', '2:20', '3:0']);
  });

  it.each([1, 2, 3, 10])('never runs more than %i tasks at once', async (limit) => {
    let running = 0;
    let most = 0;
    await mapBounded(
      Array.from({ length: 8 }, (_, index) => index),
      limit,
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
      },
    );
    expect(most).toBe(Math.min(limit, 8));
  });

  it('maps nothing to nothing', async () => {
    expect(await mapBounded([], 3, () => Promise.resolve(1))).toEqual([]);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapBounded([1, 2, 3], 2, (item) => (item === 2 ? Promise.reject(new Error('two')) : Promise.resolve(item))),
    ).rejects.toThrow('two');
  });

  it.each([0, -1, 1.5])('refuses a limit of %d', async (limit) => {
    await expect(mapBounded([1], limit, () => Promise.resolve(1))).rejects.toThrow(/\[site\] A concurrency limit/);
  });
});
