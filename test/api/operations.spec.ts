import { spawn, spawnSync } from 'node:child_process';
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

  it('a SIGTERM that arrives while a process is still starting lets it finish starting and exit cleanly', async () => {
    // An orchestrator may scale down a pod that has not started yet; Node's default action would kill
    // it mid-migration with no clean exit.
    for (const app of ['api', 'worker']) {
      const child = spawn(process.execPath, [`dist/apps/${app}/main.js`], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', QUEUE_DRIVER: 'bullmq', SEED_DEMO: 'false', LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const exit = exitOf(child, 60_000);
      await new Promise<void>((resolve) => {
        child.stdout!.on('data', (chunk) => {
          output += chunk;
          if (output.includes('Starting the')) resolve();
        });
        child.on('exit', () => resolve());
      });
      child.kill('SIGTERM');
      const code = await exit;
      if (code === 'timeout') child.kill('SIGKILL');
      expect({ app, code }).toEqual({ app, code: 0 });
      expect(output).toMatch(/Shutting down as soon as started|Shutting down: finishing/);
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
