import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The real worker app (apps/worker) as a separate OS process, so a test can SIGKILL it mid-campaign.
 * Runs the sources through ts-node, or with `built` the webpack bundle (`nest build worker`), as in
 * production. Resolves once the worker logged that it started.
 */
/**
 * The V8 heap settings `npm run start:api` and `npm run start:worker` (and the image) run both processes with,
 * for tests and benches that start the built apps as production does: a capped old space (an uncapped one let
 * RSS drift towards 300 MB) and a young generation large enough for short-lived request and row objects.
 */
export const NODE_FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=32'];

export async function startWorkerProcess(env: Record<string, string>, { timeoutMs = 150_000, built = false } = {}): Promise<ChildProcess> {
  const root = join(__dirname, '..', '..');
  const args = built
    ? [...NODE_FLAGS, 'dist/apps/worker/main.js']
    : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', TS_NODE_PROJECT: join(root, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start in ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker started')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
  // Keep draining its output so the pipe never blocks the child.
  child.stdout!.removeAllListeners('data').resume();
  child.stderr!.removeAllListeners('data').resume();
  child.removeAllListeners('exit');
  return child;
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
