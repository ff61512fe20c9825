import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/*
 * The Astro side of scripts/build.ts (the atomic build). The script cannot know where Astro will
 * write: `--outDir dist`, `--outDir=dist`, `--out-dir dist` and the config all count, as Astro's own
 * parser reads them. So Astro resolves its config as always, and this integration reads the result,
 * reports it to the script and turns the build towards a staging folder of this run's own.
 * Self-contained (node: imports only), since scripts/build.ts imports it under plain Node.
 */

/** The variables through which scripts/build.ts and this integration talk. */
export const STAGING_ENV = {
  /** This run's id: the staging folder is `<outDir>.staging-<id>`. */
  runId: 'SITE_BUILD_RUN_ID',
  /** Where to write the report: `{ outDir, staging }` as JSON. */
  report: 'SITE_BUILD_REPORT',
  /** The pid of scripts/build.ts: if it dies (even by SIGKILL), the build stops at once. */
  parent: 'SITE_BUILD_PARENT',
} as const;

/** What the integration tells scripts/build.ts. */
export interface StagingReport {
  /** The folder the editor asked for (absolute, no trailing slash). */
  outDir: string;
  /** The folder this run writes instead (absolute, no trailing slash). */
  staging: string;
}

/** The staging folder of one run, beside the output folder (so the swap is a rename on one disk). */
export function stagingDir(outDir: string, runId: string): string {
  return `${outDir}.staging-${runId}`;
}

/**
 * Stops this process as soon as its parent is gone: a build whose script was killed must not go
 * on writing after the command returned.
 */
export function exitWithParent(parent: number): void {
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
  }, 100).unref();
}

/** See the module comment. Without scripts/build.ts around it (astro dev, astro build by hand) it does nothing. */
export default function stagedOutput(env: NodeJS.ProcessEnv = process.env): AstroIntegration {
  return {
    name: 'staged-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        const runId = env[STAGING_ENV.runId];
        const reportFile = env[STAGING_ENV.report];
        if (command !== 'build' || !runId || !reportFile) return;
        const parent = Number(env[STAGING_ENV.parent]);
        if (parent) exitWithParent(parent);
        const outDir = fileURLToPath(config.outDir).replace(/\/+$/, '');
        const report: StagingReport = { outDir, staging: stagingDir(outDir, runId) };
        writeFileSync(reportFile, JSON.stringify(report));
        updateConfig({ outDir: pathToFileURL(`${report.staging}/`) });
      },
    },
  };
}
