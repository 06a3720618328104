import { readdir, readFile } from 'node:fs/promises';

/**
 * The pids of this process's children that run the site's build worker, read from /proc (Linux):
 * how a test sees which worker process exists without asking the builder, whose answer would be
 * the very thing under test.
 */
export async function buildWorkerPids(): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces, so the fields are read after its ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      // Arguments are NUL-separated; a zombie (killed, not yet reaped) has none.
      if ((await readFile(`/proc/${name}/cmdline`, 'utf8')).includes('build-worker')) pids.push(Number(name));
    } catch {
      // The process ended while it was read.
    }
  }
  return pids;
}
