import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who works a collection job: the process, named well enough that another process on the same machine can
 * tell for certain that it is gone (docs/OPERATIONS.md, "Collection jobs"). A job whose owner is gone is
 * taken over at once; a job whose owner may still be alive (another host, or an owner not recorded) keeps
 * its slot until its heartbeat is older than the lease.
 */
export interface JobOwner {
  /** os.hostname(): processes on other hosts cannot be looked at, only their heartbeat. */
  host: string;
  /** The kernel's boot id (Linux), so a process of an earlier boot is known gone even if its pid is reused. */
  boot: string | null;
  pid: number;
  /** The process's start time in clock ticks since boot (Linux /proc), so a reused pid is told apart. */
  started: string | null;
  /** Random per process: a later process with the same pid (a container's pid 1 after a restart) differs. */
  instance: string;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name in parentheses, which may hold spaces). */
function processStart(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

/** This process, as it records itself on the jobs it works. */
export const THIS_PROCESS: JobOwner = Object.freeze({
  host: hostname(),
  boot: readText('/proc/sys/kernel/random/boot_id'),
  pid: process.pid,
  started: processStart(process.pid),
  instance: randomUUID(),
});

/** Ids of the jobs this process works right now (every runner of the process adds its jobs here). */
export const jobsWorkedHere = new Set<number>();

export function ownerText(owner: JobOwner = THIS_PROCESS): string {
  return JSON.stringify(owner);
}

function parseOwner(text: string | null): JobOwner | null {
  if (text === null) return null;
  try {
    const owner = JSON.parse(text) as Partial<JobOwner>;
    if (typeof owner.host !== 'string' || typeof owner.pid !== 'number' || typeof owner.instance !== 'string')
      return null;
    return {
      host: owner.host,
      boot: owner.boot ?? null,
      pid: owner.pid,
      started: owner.started ?? null,
      instance: owner.instance,
    };
  } catch {
    return null;
  }
}

/** True when the process is there (a process of another user answers EPERM: it is there too). */
function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process that owns a job is known to be gone: only ever true for an owner on this host, where
 * it can be looked at. An owner on another host, or none recorded, is never "gone": the lease decides.
 */
export function ownerIsGone(text: string | null, jobId: number, here: JobOwner = THIS_PROCESS): boolean {
  const owner = parseOwner(text);
  if (!owner || owner.host !== here.host) return false;
  if (owner.boot !== null && here.boot !== null && owner.boot !== here.boot) return true;
  if (owner.instance === here.instance) return !jobsWorkedHere.has(jobId);
  if (owner.pid === here.pid) return true; // an earlier process that had this pid
  if (!pidExists(owner.pid)) return true;
  // The pid is taken; by the same process only if it started at the same tick.
  const started = owner.started === null ? null : processStart(owner.pid);
  return started !== null && started !== owner.started;
}
