#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest. Each step prints its own results;
// the first failing step stops the run with a non-zero exit code.
const { run, bin } = require('./lib.cjs');

const steps = [
  ['lint (incl. module boundaries)', bin('nx'), ['run-many', '-t', 'lint', '--outputStyle=static', '--skip-nx-cache']],
  ['type check', 'npm', ['run', '--silent', 'typecheck']],
  ['unit and integration tests (incl. migrations and schema freshness)', bin('nx'), ['run-many', '-t', 'test', '--exclude=journeys', '--outputStyle=static', '--skip-nx-cache', '--parallel=1']],
  ['build', bin('nx'), ['run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--outputStyle=static', '--skip-nx-cache']],
  ['API and browser journeys', bin('jest'), ['-c', 'test/jest.config.cjs']],
  // Real processes SIGKILLed and SIGTERMed, Redis restarted empty, PostgreSQL cut off, two apis and two
  // workers at once (test/faults, README "Security and reliability"): about 4-5 minutes on an idle machine.
  ['fault tests', bin('jest'), ['-c', 'test/faults/jest.config.cjs']],
];

async function main() {
  const only = process.argv.slice(2);
  for (const [name, command, args] of steps) {
    if (only.length && !only.some((o) => name.startsWith(o))) continue;
    const started = Date.now();
    process.stdout.write(`\n=== ${name} ===\n`);
    await run(command, args, { env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
    process.stdout.write(`=== ${name}: ok (${Math.round((Date.now() - started) / 1000)} s) ===\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`\nnpm test failed: ${error.message}\n`);
  process.exit(1);
});
