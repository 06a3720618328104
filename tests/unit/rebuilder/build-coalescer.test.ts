import { describe, expect, it } from 'vitest';
import { BuildCoalescer, type Batch } from '../../../scripts/rebuilder/build-coalescer.js';
import { FakeScheduler, settle } from './fake-scheduler.js';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** A coalescer whose builds finish only when the test says so; records each build's batch and start time. */
function setup(options: { debounceMs?: number; maxWaitMs?: number } = {}) {
  const scheduler = new FakeScheduler();
  const t0 = scheduler.now();
  const builds: Array<Batch & { startedAfter: number; done: Deferred }> = [];
  const errors: unknown[] = [];
  const concurrency = { active: 0, max: 0 };
  const coalescer = new BuildCoalescer({
    debounceMs: options.debounceMs ?? 1_500,
    maxWaitMs: options.maxWaitMs ?? 10_000,
    scheduler,
    run: (batch) => {
      const done = deferred();
      builds.push({ ...batch, startedAfter: scheduler.now() - t0, done });
      concurrency.active += 1;
      concurrency.max = Math.max(concurrency.max, concurrency.active);
      return done.promise.finally(() => {
        concurrency.active -= 1;
      });
    },
    onError: (error) => errors.push(error),
  });
  return { scheduler, t0, coalescer, builds, errors, concurrency };
}

describe('BuildCoalescer', () => {
  it('builds at once on the first request after a quiet spell, and a burst in one follow-up', async () => {
    const { scheduler, coalescer, builds } = setup();
    for (let index = 0; index < 50; index += 1) coalescer.request(`delivery ${index}`);
    expect(coalescer.queued).toBe(true);
    await scheduler.advance(0);
    // Requests of the same instant join the leading build.
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatchObject({ trigger: 'delivery 0', requests: 50, startedAfter: 0 });
    expect(coalescer.running).toBe(true);
    for (let index = 0; index < 10; index += 1) coalescer.request(`later ${index}`);
    builds[0]?.done.resolve();
    await scheduler.advance(1_499);
    expect(builds).toHaveLength(1);
    await scheduler.advance(1);
    expect(builds[1]).toMatchObject({ trigger: 'later 0', requests: 10, startedAfter: 1_500 });
  });

  it('debounces (trailing) requests that come within the debounce of the last build', async () => {
    const { scheduler, coalescer, builds } = setup();
    coalescer.request('first');
    await scheduler.advance(0);
    builds[0]?.done.resolve();
    await scheduler.advance(500);
    coalescer.request('a');
    await scheduler.advance(1_000);
    coalescer.request('b');
    await scheduler.advance(1_000);
    coalescer.request('c');
    await scheduler.advance(1_499);
    expect(builds).toHaveLength(1);
    await scheduler.advance(1);
    expect(builds.map((build) => build.startedAfter)).toEqual([0, 4_000]);
    expect(builds[1]?.requests).toBe(3);
  });

  it('builds at once again once the debounce has passed since the last build ended', async () => {
    const { scheduler, coalescer, builds } = setup();
    coalescer.request('first');
    await scheduler.advance(0);
    builds[0]?.done.resolve();
    await scheduler.advance(1_500);
    coalescer.request('second');
    await scheduler.advance(0);
    expect(builds.map((build) => build.startedAfter)).toEqual([0, 1_500]);
  });

  it('starts by the maximum wait however long a burst lasts', async () => {
    const { scheduler, coalescer, builds } = setup();
    coalescer.request('first');
    await scheduler.advance(0);
    builds[0]?.done.resolve();
    for (let elapsed = 0; elapsed < 20_000; elapsed += 1_000) {
      coalescer.request('steady');
      await scheduler.advance(1_000);
    }
    expect(builds[1]?.startedAfter).toBe(10_000);
    expect(builds[1]?.requests).toBe(10);
  });

  it('answers every request during a build with exactly one follow-up build', async () => {
    const { scheduler, coalescer, builds } = setup();
    coalescer.request('first');
    await scheduler.advance(0);
    expect(builds).toHaveLength(1);
    // Ten deliveries while the build runs, spread over longer than the debounce window.
    for (let index = 0; index < 10; index += 1) {
      coalescer.request(`during ${index}`);
      await scheduler.advance(500);
    }
    await scheduler.advance(20_000);
    expect(builds).toHaveLength(1);
    builds[0]?.done.resolve();
    await settle();
    expect(builds).toHaveLength(2);
    expect(builds[1]).toMatchObject({ trigger: 'during 0', requests: 10 });
    builds[1]?.done.resolve();
    await scheduler.advance(60_000);
    expect(builds).toHaveLength(2);
    await coalescer.whenIdle();
  });

  it('never runs two builds at once and never drops a request', async () => {
    const { scheduler, t0, coalescer, builds, concurrency } = setup({ debounceMs: 100, maxWaitMs: 300 });
    // Requests every 70 ms for 5 s while each build takes 250 ms: builds and requests overlap constantly.
    let sent = 0;
    for (let elapsed = 0; elapsed < 5_000; elapsed += 70) {
      coalescer.request(`delivery ${sent}`);
      sent += 1;
      await scheduler.advance(70);
      const current = builds.at(-1);
      if (current && scheduler.now() - t0 - current.startedAfter >= 250) current.done.resolve();
    }
    for (let round = 0; round < 10 && (coalescer.running || coalescer.queued); round += 1) {
      builds.at(-1)?.done.resolve();
      await scheduler.advance(1_000);
    }
    expect(concurrency.max).toBe(1);
    expect(builds.reduce((sum, build) => sum + build.requests, 0)).toBe(sent);
    expect(builds.length).toBeGreaterThan(5);
  });

  it('follows up a request that arrives just after a build started', async () => {
    const { scheduler, coalescer, builds } = setup({ debounceMs: 100, maxWaitMs: 1_000 });
    coalescer.request('one');
    await scheduler.advance(100);
    coalescer.request('two');
    builds[0]?.done.resolve();
    await scheduler.advance(100);
    expect(builds.map((build) => build.trigger)).toEqual(['one', 'two']);
  });

  it('carries on after a build rejects', async () => {
    const { scheduler, coalescer, builds, errors } = setup({ debounceMs: 10, maxWaitMs: 10 });
    coalescer.request('fails');
    await scheduler.advance(10);
    builds[0]?.done.reject(new Error('boom'));
    await settle();
    coalescer.request('next');
    await scheduler.advance(10);
    expect(errors).toHaveLength(1);
    expect(builds).toHaveLength(2);
    expect(coalescer.running).toBe(true);
  });

  it('resolves whenIdle only when nothing runs or waits, and drops pending work on dispose', async () => {
    const { scheduler, coalescer, builds } = setup({ debounceMs: 10, maxWaitMs: 10 });
    await coalescer.whenIdle();
    coalescer.request('x');
    let idle = false;
    void coalescer.whenIdle().then(() => {
      idle = true;
    });
    await scheduler.advance(10);
    expect(idle).toBe(false);
    coalescer.request('queued behind x');
    builds[0]?.done.resolve();
    const disposed = coalescer.dispose();
    builds[1]?.done.resolve();
    await disposed;
    await settle();
    expect(idle).toBe(true);
    expect(scheduler.pending).toBe(0);
  });
});
