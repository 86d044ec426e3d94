// DESIGN.md's one-way dependencies are enforced by lint: these cases prove the rule bites.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

function lint(projectDir, fileName, source) {
  const result = spawnSync(path.join(root, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', path.join(root, projectDir, fileName), '--format', 'json'], {
    cwd: path.join(root, projectDir),
    input: source,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const [report] = JSON.parse(result.stdout);
  return report.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  beforeAll(() => {
    // The rule reads Nx's cached project graph (and is skipped without one): make sure it exists.
    spawnSync(path.join(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } });
  });

  it('refuses a basic domain importing a later one (identity -> notifications)', () => {
    const messages = lint('libs/server/identity', 'src/boundary-probe.ts', "import { NotificationsModule } from '@alliance/server-notifications';\nexport const probe = NotificationsModule;\n");
    // Either the tag rule or, once notifications uses identity, the cycle check refuses it.
    expect(messages.join('\n')).toMatch(/domain:identity|Circular dependency/);
  });

  it('refuses shared code importing server code', () => {
    const messages = lint('libs/shared/core', 'src/boundary-probe.ts', "import { AppError } from '@alliance/server-graphql';\nexport const probe = AppError;\n");
    expect(messages.length).toBeGreaterThan(0);
  });

  it('allows a later domain to use an earlier one', () => {
    const messages = lint('libs/server/notifications', 'src/boundary-probe.ts', "import { UsersService } from '@alliance/server-identity';\nexport const probe = UsersService;\n");
    expect(messages).toEqual([]);
  });
});
