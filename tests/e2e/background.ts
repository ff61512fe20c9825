import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

/** What a background job left: its exit status and what it printed. */
export interface JobResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The prefix and origin of the course site the base-path build is made for. */
export const COURSE_SITE = { BASE_PATH: '/courses/bm101/xiaomi/', SITE_URL: 'https://courses.example.edu' };

/** Below the suite's own build and the browser tests, which every test file waits for. */
const BACKGROUND_PRIORITY = 10;

/**
 * Runs a command in the background at a lower priority, and writes its result to
 * `{resultsDir}/{name}.json` when it ends, for a test file (another process) to read. The global
 * setup starts the slow jobs that only one test file needs (a second build, the Java HTML
 * checker), so that they use the CPU the browser tests leave idle instead of running in turn.
 * @returns a function that stops the job
 */
export function startJob(
  resultsDir: string,
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): () => void {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid) setPriority(child.pid, BACKGROUND_PRIORITY);
  let stdout = '';
  let stderr = '';
  let stopped = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('close', (status) => {
    // A stopped job's results folder is being removed: nobody waits for it.
    if (stopped) return;
    // Written whole, then renamed: a reader never sees half a file.
    const file = join(resultsDir, `${name}.json`);
    writeFileSync(`${file}.part`, JSON.stringify({ status, stdout, stderr } satisfies JobResult));
    renameSync(`${file}.part`, file);
  });
  return () => {
    stopped = true;
    // The job's whole process group: npm, the build script and Astro under it.
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
}

/**
 * Waits for a job the global setup started.
 * @returns its result once it has ended
 */
export async function jobResult(name: string, timeoutMs = 240_000): Promise<JobResult> {
  const file = join(inject('jobsDir'), `${name}.json`);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`The background job "${name}" did not end within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return JSON.parse(readFileSync(file, 'utf8')) as JobResult;
}
