import type { DataSource } from 'typeorm';
import type { Logger } from '../config/logger';
import { completeSharedMonths } from './rollup.service';

/** How often the job looks for months that completed (a month completes at midnight, local). */
export const ROLLUP_JOB_INTERVAL_MS = 60 * 60 * 1000;

export interface RollupJob {
  /** Resolves when a run in progress has finished; no run starts after. */
  stop(): Promise<void>;
}

/**
 * Months become complete without any write: at start and every hour, add the months
 * completed since to every sharing provider's rollup (rollup.service.ts). The timer is
 * unref'd (it never keeps the process alive) and runs never overlap.
 */
export function startRollupJob(
  dataSource: DataSource,
  logger: Logger,
  intervalMs = ROLLUP_JOB_INTERVAL_MS,
): RollupJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (stopped || running) return;
    running = completeSharedMonths(dataSource)
      .then((rows) => {
        if (rows > 0) logger.info({ rows }, 'shared rollup: completed months added');
      })
      .catch((error: unknown) => {
        logger.warn({ err: String(error) }, 'shared rollup: completing months failed');
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
