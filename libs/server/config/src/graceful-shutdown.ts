/** What a process needs to say while stopping (pino's logger fits). */
interface ShutdownLogger {
  info(obj: object, msg: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface GracefulShutdown {
  /** Called once the process is up: from then on a signal runs `close`; a signal that came earlier runs it now. */
  closeWith(close: () => Promise<void>): void;
}

/**
 * Installed first thing in `main`, before the slow start (migrations, Nest bootstrap), so a SIGTERM
 * sent while the process is still starting (an orchestrator scaling down, a test) never kills it
 * mid-migration by Node's default action: the process finishes starting, then closes.
 * On SIGTERM or SIGINT: run `close` once (finish in-flight requests or jobs), then exit 0; exit 1
 * if closing fails or the whole stop takes longer than `graceMs`, so an orchestrator never waits forever.
 */
export function exitGracefullyOnSignals(options: { log: ShutdownLogger; graceMs: number; what: string }): GracefulShutdown {
  let close: (() => Promise<void>) | undefined;
  let requested = false;
  let closing = false;

  const runClose = async () => {
    if (closing || !close) return;
    closing = true;
    try {
      await close();
      process.exit(0);
    } catch (error) {
      options.log.error({ err: error }, 'Error during shutdown');
      process.exit(1);
    }
  };

  const onSignal = (signal: string) => {
    if (requested) return;
    requested = true;
    options.log.info({ signal }, close ? `Shutting down: finishing in-flight ${options.what}` : 'Shutting down as soon as started');
    const force = setTimeout(() => {
      options.log.error({}, 'Shutdown took too long; exiting');
      process.exit(1);
    }, options.graceMs);
    force.unref();
    void runClose();
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));

  return {
    closeWith(fn) {
      close = fn;
      if (requested) void runClose();
    },
  };
}
