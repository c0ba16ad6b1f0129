import { fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';

/**
 * autocannon in a child process of its own, so the load generator never shares
 * an event loop with the server it measures. The parent sends one job and gets
 * one result back; the child exits after it (and is killed if it overruns).
 */
export interface CannonJob {
  url: string;
  connections: number;
  seconds: number;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  /** Replace `[<id>]` in the body by a unique value on every request. */
  unique: boolean;
  /** A response body is good when it contains this (and no `"errors":`). */
  expect: string;
}

export interface CannonResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  /** Bodies with `"errors":` or without the expected data (any status). */
  badBodies: number;
  /** Of those, answers with a 2xx status (GraphQL errors in a 200). */
  badBodies2xx: number;
  socketErrors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  samples: string[];
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function runJob(job: CannonJob): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const samples: string[] = [];
    let bad = 0;
    let sent = 0;
    let bad2xx = 0;
    // autocannon emits 'response' and then calls verifyBody for the same response, synchronously.
    let lastStatus = 0;
    const runId = `${process.pid.toString(36)}${Date.now().toString(36)}`;
    const request = { method: job.method, path: new URL(job.url).pathname, headers: job.headers };
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.seconds,
        timeout: 30,
        requests: [
          job.unique
            ? {
                ...request,
                setupRequest: (req) => ({
                  ...req,
                  body: job.body.replaceAll('[<id>]', `${runId}-${++sent}`),
                }),
              }
            : { ...request, body: job.body },
        ],
        verifyBody: (raw) => {
          const body = String(raw);
          const ok = body.includes(job.expect) && !body.includes('"errors":');
          if (!ok) {
            bad++;
            if (lastStatus >= 200 && lastStatus < 300) bad2xx++;
            if (samples.length < 3) samples.push(body.slice(0, 300));
          }
          return ok;
        },
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = Float64Array.from(times).sort();
        const statusCodes: Record<string, number> = {};
        for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}))
          statusCodes[code] = Number(count);
        resolve({
          requests: times.length,
          seconds: result.duration,
          rps: times.length / result.duration,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.length ? sorted[sorted.length - 1] : NaN,
          non2xx: result.non2xx,
          badBodies: bad,
          badBodies2xx: bad2xx,
          socketErrors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          samples,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      lastStatus = status;
      times.push(ms);
    });
  });
}

/** Runs a job in a child process; kills it if it runs 60 s past its duration. */
export function runCannon(job: CannonJob): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'cannon.js'), [], { stdio: 'inherit' });
    const timer = setTimeout(
      () => {
        child.kill('SIGKILL');
        reject(new Error('autocannon did not finish in time'));
      },
      (job.seconds + 60) * 1000,
    );
    child.once('message', (message: { result?: CannonResult; error?: string }) => {
      clearTimeout(timer);
      if (message.result) resolve(message.result);
      else reject(new Error(message.error ?? 'autocannon failed'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`autocannon exited with ${code}`));
    });
    child.send(job);
  });
}

// As the child: one job, one answer, exit.
if (require.main === module && process.send) {
  process.once('message', (job: CannonJob) => {
    runJob(job).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (error: Error) => process.send!({ error: error.message }, () => process.exit(1)),
    );
  });
}
