import { Inject, Injectable } from '@nestjs/common';
import { QUEUE_DRIVER } from './queue.tokens';
import type { DriverKind, QueueDriver } from './queue-driver';

/** For /ready: which driver runs the queues and whether its backend answers. */
@Injectable()
export class QueueHealth {
  constructor(@Inject(QUEUE_DRIVER) private readonly driver: QueueDriver) {}

  get driverKind(): DriverKind {
    return this.driver.kind;
  }

  async check(): Promise<{ driver: DriverKind; ok: boolean }> {
    return { driver: this.driver.kind, ok: await this.driver.ping() };
  }
}
