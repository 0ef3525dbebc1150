/** One timed load of one shape on one server: throughput, latency, errors, CPU and memory. */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';

export interface Target {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  /** a new body and headers for each request (a row to write, an Idempotency-Key), instead of `body` */
  next?: () => { body: string; headers?: Record<string, string> };
  /** the server's process, for CPU time and resident memory */
  pid: number;
}

/** A load runs for a time, or until a number of requests have been answered. */
export type Length = { seconds: number } | { requests: number };

export interface Sample {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number;
  peakRssMb: number;
}

/** user + system CPU of a process, milliseconds (/proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

export async function measure(target: Target, length: Length, connections: number): Promise<Sample> {
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  let peak = rssMb(target.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(target.pid))), 100);
  const cpuBefore = cpuMs(target.pid);
  const started = performance.now();
  // autocannon notices that `amount` is reached only at its next one-second tick
  let lastResponse = started;
  const next = target.next;
  const result = await autocannon({
    url: target.url,
    method: target.method,
    body: target.body,
    headers: { 'content-type': 'application/json', ...target.headers },
    ...(next && {
      requests: [
        {
          setupRequest: (request) => {
            const { body, headers } = next();
            return { ...request, body, headers: { ...request.headers, ...headers } };
          },
        },
      ],
    }),
    connections,
    ...('seconds' in length ? { duration: length.seconds } : { amount: length.requests }),
    setupClient: (client) => {
      client.on('response', (_status: number, _bytes: number, responseTime: number) => {
        lastResponse = performance.now();
        histogram.recordValue(Math.round(responseTime * 1000));
      });
    },
  });
  const cpu = cpuMs(target.pid) - cpuBefore;
  const seconds = 'seconds' in length ? length.seconds : (lastResponse - started) / 1000;
  clearInterval(sampler);
  const requests = result.requests.total;
  const micros = (p: number) => histogram.getValueAtPercentile(p) / 1000;
  const sample = {
    requests,
    rps: requests / seconds,
    p50: micros(50),
    p95: micros(95),
    p99: micros(99),
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMsPerRequest: requests ? cpu / requests : 0,
    peakRssMb: peak,
  };
  histogram.destroy();
  return sample;
}
