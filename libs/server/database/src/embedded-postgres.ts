import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs PGlite (Postgres compiled to WebAssembly) persisted in `dataDir` and serves it on a loopback
 * port, so the ordinary pg driver, TypeORM and our migrations work unchanged without a database
 * server. `maxConnections` must cover the pools of every process that connects (api + worker).
 */
export async function startEmbeddedPostgres(dataDir: string | undefined, maxConnections = 40, port = 0): Promise<EmbeddedPostgres> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // unaccent and pg_trgm back the evidence bank's search (created by the EvidenceBank migration).
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { unaccent, pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
  keepExtendedProtocolSequencesTogether(server);
  await server.start();
  const [host, boundPort] = server.getServerConn().split(':');
  return {
    url: `postgres://postgres@${host}:${boundPort}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** Where the API publishes the embedded database's address for the worker started beside it. */
export function embeddedUrlFile(dataDir: string): string {
  return path.join(dataDir, 'embedded-db.json');
}

/** The parts of pglite-socket's (unexported) query queue that the fix below relies on. */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}
interface SocketQueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

/** Extended-protocol messages that leave an unnamed statement or portal half-way (everything but Sync). */
const EXTENDED_PROTOCOL_STEPS = new Set(['P', 'B', 'D', 'E', 'H', 'C']);

/**
 * pglite-socket serves many connections from one PGlite session and interleaves their messages one
 * by one. pg sends a parameterised query as Parse/Bind/Describe/Execute/Sync, so two pooled
 * connections interleaving corrupt each other's unnamed statement and portal ("portal \"\" does
 * not exist"). This keeps each connection's sequence together until its Sync, as the library
 * already does for transactions, and keeps the queue running after a failed message.
 */
function keepExtendedProtocolSequencesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: SocketQueryQueue }).queryQueue;
  let midSequence = false;
  queue.processQueue = async function processQueue(this: SocketQueryQueue): Promise<void> {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        let item: QueuedMessage | undefined;
        if ((midSequence || this.db.isInTransaction()) && this.lastHandlerId !== null) {
          const index = this.queue.findIndex((queued) => queued.handlerId === this.lastHandlerId);
          item = index === -1 ? undefined : this.queue.splice(index, 1)[0];
        } else {
          item = this.queue.shift();
        }
        if (!item) break;
        const current = item;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
        } catch (error) {
          midSequence = false;
          this.lastHandlerId = current.handlerId;
          current.reject(error);
          continue;
        }
        midSequence = EXTENDED_PROTOCOL_STEPS.has(String.fromCharCode(current.message[0]));
        this.lastHandlerId = current.handlerId;
        current.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clearTransactionIfNeeded = queue.clearTransactionIfNeeded.bind(queue);
  queue.clearTransactionIfNeeded = async function (this: SocketQueryQueue, handlerId: number): Promise<void> {
    const wasCurrent = this.lastHandlerId === handlerId;
    await clearTransactionIfNeeded(handlerId);
    // A connection that vanished half-way through a sequence must not hold the queue.
    if (wasCurrent && midSequence) {
      midSequence = false;
      this.lastHandlerId = null;
    }
    await this.processQueue();
  };
}
