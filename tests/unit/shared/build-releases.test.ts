import { afterEach, describe, expect, it } from 'vitest';
import { releaseAfterBuild, releaseBuildMemory } from '@lm/shared';

afterEach(() => {
  releaseBuildMemory();
});

describe('releases after a build', () => {
  it('calls every release registered during the build once, then forgets them', () => {
    const calls: string[] = [];
    releaseAfterBuild(() => calls.push('store'));
    releaseAfterBuild(() => calls.push('graph'));
    expect(releaseBuildMemory()).toBe(2);
    expect(calls).toEqual(['store', 'graph']);
    expect(releaseBuildMemory()).toBe(0);
    expect(calls).toEqual(['store', 'graph']);
  });

  it('shares one list between copies of the module (each server bundle has its own)', () => {
    let released = false;
    // What a bundle's copy registers: the list lives on globalThis, not in this module.
    globalThis.learningModulesBuildReleases ??= [];
    globalThis.learningModulesBuildReleases.push(() => {
      released = true;
    });
    expect(releaseBuildMemory()).toBe(1);
    expect(released).toBe(true);
  });
});
