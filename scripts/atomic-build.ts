// The atomic build behind `npm run build` (scripts/build.ts): a build either puts a whole new
// site in place or leaves the published one exactly as it was. It runs the builder (astro build)
// with one build at a time per project folder, into a staging folder of this run's own, checks
// what it wrote, and only then swaps it in. Ctrl-C or a kill stops the whole builder first.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { STAGING_ENV, type StagingReport } from '../src/integrations/staged-output.ts';
import { missingSiteFiles } from '../src/lib/site/whole-site.ts';

/** A step on the finished build before it is swapped in; it throws to keep the published site. */
export type BuildStep = (staging: string) => void | Promise<void>;

export interface AtomicBuildOptions {
  /** The project folder: one build at a time runs in it. */
  root: string;
  /** The builder's command line; it reports its output folder as src/integrations/staged-output.ts does. */
  command: readonly string[];
  /** The builder's environment. Default: this process's. */
  env?: NodeJS.ProcessEnv;
  /** Steps on the staging folder, in order, before the swap. */
  steps?: readonly BuildStep[];
  /** Where messages go. Default: stderr. */
  log?: (message: string) => void;
}

/** The signals that stop a build (Ctrl-C, kill, a closed terminal). */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** The lock file, in the project folder. */
const LOCK_FILE = '.build.lock';

/** Whether a process with this pid exists. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the project folder's build lock; returns undefined, or why it cannot. A lock left by a
 * build that no longer runs (killed with SIGKILL, a crash) is taken over.
 */
function takeLock(lock: string): string | undefined {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(lock, 'utf8'));
    if (!holder || isRunning(holder))
      return `Another build (pid ${holder || 'starting'}) is running in this folder: wait for it to finish, or stop it. Nothing was changed.`;
    rmSync(lock, { force: true });
  }
  return `Could not take the build lock ${lock}: another build took it at the same moment. Nothing was changed.`;
}

/** Removes what builds killed by SIGKILL left beside the output folder (only ever under the lock). */
function removeLeftovers(outDir: string, keep: string): void {
  const name = basename(outDir);
  for (const entry of readdirSync(dirname(outDir))) {
    const path = join(dirname(outDir), entry);
    if (path !== keep && (entry.startsWith(`${name}.staging-`) || entry.startsWith(`${name}.previous-`)))
      rmSync(path, { recursive: true, force: true });
  }
}

/** The step that checks the build holds every page of the contract (src/lib/site/whole-site.ts). */
export function wholeSite(contentDir: string): BuildStep {
  return (staging) => {
    const missing = missingSiteFiles(staging, contentDir);
    if (missing.length === 0) return;
    const more = missing.length > 5 ? ` and ${missing.length - 5} more` : '';
    throw new Error(`The build is not a whole site: it lacks ${missing.slice(0, 5).join(', ')}${more}.`);
  };
}

/** The exit code of a process stopped by `signal`, as shells report it (SIGINT → 130). */
function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

/**
 * Runs one atomic build; resolves to the exit code for the command (0: the new site is in place).
 * Whatever happens, the builder and every process it started have ended when it resolves.
 */
export async function atomicBuild(options: AtomicBuildOptions): Promise<number> {
  const { root, command, env = process.env, steps = [], log = (message: string) => console.error(message) } = options;
  const lock = join(root, LOCK_FILE);
  const refused = takeLock(lock);
  if (refused) {
    log(refused);
    return 1;
  }
  // Under the lock no other build runs: a report still here is a killed build's.
  for (const name of readdirSync(root)) if (/^\.build-[\w-]+\.json$/.test(name)) rmSync(join(root, name));
  const runId = `${process.pid}-${Date.now().toString(36)}`;
  const reportFile = join(root, `.build-${runId}.json`);
  let stopped: NodeJS.Signals | undefined;
  let builder: ReturnType<typeof spawn> | undefined;
  // The builder runs in a process group of its own, so a signal reaches all of it (Astro, Pagefind, esbuild).
  const stopGroup = (signal: NodeJS.Signals) => {
    try {
      if (builder?.pid) process.kill(-builder.pid, signal);
    } catch {
      // The group has already ended.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stopped ??= signal;
    stopGroup(signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  // If whoever started this build is gone (a shell killed by Ctrl-C), the build stops as on SIGHUP.
  const parent = process.ppid;
  const orphaned = setInterval(() => process.ppid !== parent && onSignal('SIGHUP'), 200);
  let report: StagingReport | undefined;
  try {
    const [program = '', ...args] = command;
    builder = spawn(program, args, {
      cwd: root,
      stdio: 'inherit',
      detached: true,
      env: { ...env, [STAGING_ENV.runId]: runId, [STAGING_ENV.report]: reportFile, [STAGING_ENV.parent]: String(process.pid) },
    });
    if (stopped) stopGroup(stopped);
    const started = builder;
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      started.on('error', (error) => {
        log(`Could not start the build (${command.join(' ')}): ${error.message}`);
        resolve({ code: 1, signal: null });
      });
      started.on('exit', (code, signal) => resolve({ code, signal }));
    });
    // Nothing the builder started may go on writing once this command has returned.
    stopGroup('SIGKILL');
    report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as StagingReport) : undefined;
    const where = report ? relative(root, report.outDir) || '.' : 'the output folder';
    const kept = report && existsSync(report.outDir) ? `${where} is left as it was` : 'nothing was published';
    if (report) removeLeftovers(report.outDir, report.staging);
    // A signal may have come at any await: ask afresh each time.
    const stoppedCode = () => {
      if (!stopped) return undefined;
      log(`\nBuild stopped by ${stopped}: ${kept}.`);
      return signalExitCode(stopped);
    };
    const stoppedBefore = stoppedCode();
    if (stoppedBefore !== undefined) return stoppedBefore;
    if (exit.code !== 0 || !report) {
      const code = exit.code ?? signalExitCode(exit.signal ?? 'SIGTERM');
      log(`\nBuild failed${report ? '' : ' before Astro chose its output folder'}: ${kept}.`);
      return code || 1;
    }
    for (const step of steps) {
      try {
        await step(report.staging);
      } catch (error) {
        log(`\n${(error as Error).message}\nBuild failed: ${kept}.`);
        return 1;
      }
      const stoppedDuring = stoppedCode();
      if (stoppedDuring !== undefined) return stoppedDuring;
    }
    // The swap: two renames on one disk; a signal arriving now is handled once they are done.
    const previous = `${report.outDir}.previous-${runId}`;
    if (existsSync(report.outDir)) renameSync(report.outDir, previous);
    renameSync(report.staging, report.outDir);
    rmSync(previous, { recursive: true, force: true });
    return 0;
  } finally {
    if (report) rmSync(report.staging, { recursive: true, force: true });
    rmSync(reportFile, { force: true });
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    clearInterval(orphaned);
    rmSync(lock, { force: true });
  }
}
