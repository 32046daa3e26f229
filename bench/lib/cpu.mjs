/**
 * Where a machine's CPU time goes during a load, from /proc (Linux): the seconds of CPU each group
 * of processes used between two samples, and the machine's busy time, as a share of its cores.
 * For benchmarks whose servers, database and load generator share one machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)

function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may hold spaces and parentheses: the fields start after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0; // gone meanwhile
  }
}

function processes() {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      try {
        return { pid: Number(pid), command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim() };
      } catch {
        return null;
      }
    })
    .filter(Boolean);
}

function machineTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = values[3] + values[4]; // idle + iowait
  return { busy: values.reduce((sum, value) => sum + value, 0) - idle, total: values.reduce((sum, value) => sum + value, 0) };
}

/**
 * Samples now; `stop()` samples again and returns, per group, the CPU seconds used in between
 * and that as a share of one core over the interval. `groups` maps a name to a test on a
 * process's command line (or its pid).
 */
export function sampleCpu(groups) {
  const started = process.hrtime.bigint();
  const machine = machineTicks();
  const before = new Map(processes().map(({ pid }) => [pid, processTicks(pid)]));
  return {
    stop() {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const used = Object.fromEntries(Object.keys(groups).map((name) => [name, 0]));
      for (const { pid, command } of processes()) {
        const name = Object.keys(groups).find((key) => groups[key]({ pid, command }));
        if (!name) continue;
        used[name] += (processTicks(pid) - (before.get(pid) ?? 0)) / TICKS_PER_SECOND;
      }
      const after = machineTicks();
      const coreShare = (cpuSeconds) => Number((cpuSeconds / seconds).toFixed(2));
      return {
        seconds: Number(seconds.toFixed(2)),
        cores: os.cpus().length,
        machineBusy: Number(((after.busy - machine.busy) / (after.total - machine.total)).toFixed(2)),
        cores_used: Object.fromEntries(Object.entries(used).map(([name, cpuSeconds]) => [name, coreShare(cpuSeconds)])),
      };
    },
  };
}
