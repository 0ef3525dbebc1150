/** One timed load of one shape on one server: throughput, latency, errors, CPU and memory. */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';

export interface Target {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  /** the server's process, for CPU time and resident memory */
  pid: number;
}

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

export async function measure(target: Target, seconds: number, connections: number): Promise<Sample> {
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  let peak = rssMb(target.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(target.pid))), 100);
  const cpuBefore = cpuMs(target.pid);
  const result = await autocannon({
    url: target.url,
    method: target.method,
    body: target.body,
    headers: { 'content-type': 'application/json' },
    connections,
    duration: seconds,
    setupClient: (client) => {
      client.on('response', (_status: number, _bytes: number, responseTime: number) =>
        histogram.recordValue(Math.round(responseTime * 1000)),
      );
    },
  });
  const cpu = cpuMs(target.pid) - cpuBefore;
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
