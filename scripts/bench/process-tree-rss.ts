import { readFileSync, readdirSync } from 'node:fs';

/** Each process's parent, from /proc (Linux): pid → ppid. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (field 2) may hold spaces and parentheses: fields start after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // Gone since the listing.
    }
  }
  return map;
}

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
    return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
  } catch {
    return 0;
  }
}

/** The resident memory of a process and all its descendants, now, in bytes (0 when it is gone). */
export function treeRss(root: number): number {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  let total = 0;
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    total += rssBytes(pid);
    queue.push(...(byParent.get(pid) ?? []));
  }
  return total;
}

/**
 * Samples the resident memory of the process tree under `root()` every `intervalMs` until stopped,
 * and returns the highest sum seen. Sampling misses spikes shorter than the interval.
 */
export function samplePeakRss(root: () => number | undefined, intervalMs = 100): { stop: () => number } {
  let peak = 0;
  const sample = (): void => {
    const pid = root();
    if (pid !== undefined) peak = Math.max(peak, treeRss(pid));
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
