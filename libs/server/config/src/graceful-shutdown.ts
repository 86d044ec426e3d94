/** What a process needs to say while stopping (pino's logger fits). */
interface ShutdownLogger {
  info(obj: object, msg: string): void;
  error(obj: object | string, msg?: string): void;
}

/**
 * On SIGTERM or SIGINT: run `close` once (finish in-flight requests or jobs), then exit 0; exit 1
 * if closing fails or takes longer than `graceMs`, so an orchestrator never waits forever.
 */
export function exitGracefullyOnSignals(options: { log: ShutdownLogger; graceMs: number; what: string; close: () => Promise<void> }): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.log.info({ signal }, `Shutting down: finishing in-flight ${options.what}`);
    const force = setTimeout(() => {
      options.log.error('Shutdown took too long; exiting');
      process.exit(1);
    }, options.graceMs);
    force.unref();
    try {
      await options.close();
      process.exit(0);
    } catch (error) {
      options.log.error({ err: error }, 'Error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
