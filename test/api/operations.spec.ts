import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startPortal } from '../support';

const root = path.resolve(__dirname, '../..');

function exitOf(child: import('node:child_process').ChildProcess, timeoutMs: number): Promise<number | string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? String(signal));
    });
  });
}

describe('operations of the built processes', () => {
  it('refuses to start on bad configuration, naming the variable', () => {
    const result = spawnSync(process.execPath, ['dist/apps/api/main.js'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', REDIS_URL: 'http://nope' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT="eighty"/);
    expect(result.stderr).toMatch(/REDIS_URL="http:\/\/nope": must start with redis:\/\//);
  });

  it('drains and exits cleanly on SIGTERM (api and worker), well within 30 seconds', async () => {
    const portal = await startPortal();
    try {
      const apiExit = exitOf(portal.api, 30_000);
      const workerExit = exitOf(portal.worker!, 30_000);
      portal.api.kill('SIGTERM');
      portal.worker!.kill('SIGTERM');
      expect(await apiExit).toBe(0);
      expect(await workerExit).toBe(0);
    } finally {
      await portal.stop();
    }
  });

  it('tags every response with a request id and honours one given by a proxy', async () => {
    const portal = await startPortal({ worker: false });
    try {
      const own = await fetch(`${portal.url}/health`);
      expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const given = await fetch(`${portal.url}/health`, { headers: { 'x-request-id': 'lb-1234' } });
      expect(given.headers.get('x-request-id')).toBe('lb-1234');
    } finally {
      await portal.stop();
    }
  });
});
