import { describe, expect, it } from 'vitest';
import { workerNodeOptions } from '../../../scripts/lib/worker-node-options.js';

describe('workerNodeOptions', () => {
  it('starts the build worker with Node’s own heap limit unless BUILD_MAX_HEAP_MB is set', () => {
    expect(workerNodeOptions({}, false)).toEqual([]);
    expect(workerNodeOptions({ BUILD_MAX_HEAP_MB: '' }, false)).toEqual([]);
    expect(workerNodeOptions({ BUILD_MAX_HEAP_MB: '900' }, false)).toEqual(['--max-old-space-size=900']);
    expect(workerNodeOptions({ BUILD_MAX_HEAP_MB: '900' }, true)).toEqual(['--max-old-space-size=900', '--expose-gc']);
    expect(workerNodeOptions({}, true)).toEqual(['--expose-gc']);
  });

  it('refuses a limit that is not a whole number of at least 128, naming the variable', () => {
    expect(() => workerNodeOptions({ BUILD_MAX_HEAP_MB: '1g' }, false)).toThrow(
      'BUILD_MAX_HEAP_MB: BUILD_MAX_HEAP_MB must be a whole number.',
    );
    expect(() => workerNodeOptions({ BUILD_MAX_HEAP_MB: '64' }, false)).toThrow('must be between 128');
  });
});
