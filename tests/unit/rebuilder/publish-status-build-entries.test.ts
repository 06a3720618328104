import { describe, expect, it } from 'vitest';
import { BuildCoalescer, type Batch } from '../../../scripts/rebuilder/build-coalescer.js';
import { FakeScheduler } from './fake-scheduler.js';

const page = (documentId: string, event = 'entry.publish') => ({ event, uid: 'api::page.page', documentId });

describe('the entries a build carries, for the admin’s publish status', () => {
  it('lists each entry a batch’s deliveries named once, with its latest event', async () => {
    const scheduler = new FakeScheduler();
    const batches: Batch[] = [];
    const coalescer = new BuildCoalescer({
      debounceMs: 100,
      maxWaitMs: 1000,
      scheduler,
      run: (batch) => {
        batches.push(batch);
        return Promise.resolve();
      },
    });
    coalescer.request('entry.publish api::page.page', page('a'));
    coalescer.request('entry.publish api::page.page', page('b'));
    coalescer.request('entry.unpublish api::page.page', page('a', 'entry.unpublish'));
    coalescer.request('reconcile (interval)');
    expect(coalescer.queuedEntries).toEqual([page('b'), page('a', 'entry.unpublish')]);
    await scheduler.advance(100);
    await coalescer.whenIdle();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.entries).toEqual([page('b'), page('a', 'entry.unpublish')]);
    expect(batches[0]?.requests).toBe(4);
    expect(coalescer.queuedEntries).toEqual([]);
  });
});
