import { describe, expect, it } from 'vitest';
import { webServerReload } from '../../../scripts/rebuilder/web-server-reload.js';

describe('webServerReload', () => {
  it('runs the command through the shell and resolves when it succeeds', async () => {
    await expect(webServerReload('test "$((1 + 1))" = 2')()).resolves.toBeUndefined();
  });

  it('fails with the command, its exit code and its output', async () => {
    await expect(webServerReload('echo "nginx: [error] no pid file" >&2; exit 3')()).rejects.toThrow(
      /WEB_SERVER_RELOAD \(.*\) exited with 3: nginx: \[error\] no pid file/,
    );
  });
});
