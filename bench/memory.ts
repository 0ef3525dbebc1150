/** A process's resident memory, sampled from /proc/<pid>/status while something runs. */
import { readFileSync } from 'node:fs';

/** VmRSS (resident now) and VmHWM (the most it has been resident), MB. */
export function residentMb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

export interface MemoryWatch {
  /** the largest VmRSS sampled so far, MB */
  peak: () => number;
  /** stops sampling; the peak sampled, and VmHWM now */
  stop: () => { peakMb: number; hwmMb: number };
}

/** Samples `pid`'s VmRSS every `everyMs` until stopped. */
export function watchMemory(pid: number, everyMs = 50): MemoryWatch {
  let peak = residentMb(pid).rss;
  const timer = setInterval(() => (peak = Math.max(peak, residentMb(pid).rss)), everyMs);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      const now = residentMb(pid);
      peak = Math.max(peak, now.rss);
      return { peakMb: peak, hwmMb: now.hwm };
    },
  };
}
