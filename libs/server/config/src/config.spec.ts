import fs from 'node:fs';
import path from 'node:path';
import { configSchema, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the embedded defaults', () => {
    const config = loadConfig({}, '/srv/portal');
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.dataDir).toBe('/srv/portal/.data');
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x' })).toThrow(/PORT="eighty"[\s\S]*REDIS_URL="http:\/\/x": must start with redis/);
  });

  it('requires a real database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
  });

  it('documents every variable in .env.example', () => {
    const example = fs.readFileSync(path.join(__dirname, '../../../../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z_]+)=/gm)].map((m) => m[1]));
    for (const variable of Object.keys(configSchema.shape)) {
      expect(`${variable}: ${documented.has(variable)}`).toBe(`${variable}: true`);
    }
  });
});
