import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { QueueHealth } from '@alliance/server-queue';

@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queueHealth: QueueHealth,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database and the queue backend answer; 503 otherwise, with which one is down. */
  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    const [database, queue] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1').then(() => true), 2000).catch(() => false),
      withTimeout(this.queueHealth.check(), 2000).catch(() => ({ driver: 'unknown', ok: false })),
    ]);
    const ok = database && queue.ok;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable', database: database ? 'up' : 'down', queue });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}
