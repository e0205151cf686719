import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The V8 heap settings `npm run start:api` and `npm run start:worker` (and the image) run both processes with,
 * for tests and benches that start the built apps as production does: a capped old space (an uncapped one let
 * RSS drift towards 300 MB) and a young generation large enough for short-lived request and row objects.
 */
export const NODE_FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=32'];

interface StartOptions {
  timeoutMs?: number;
  /** The webpack bundle (`nest build <app>`), as in production, rather than the sources through ts-node. */
  built?: boolean;
}

/**
 * An app of this repository as a separate OS process. Resolves with what its output matched once it
 * printed `ready`.
 */
async function startAppProcess(
  app: 'worker' | 'wa-sandbox',
  env: Record<string, string>,
  ready: RegExp,
  { timeoutMs = 150_000, built = false, nodeFlags = [] as string[] },
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const root = join(__dirname, '..', '..');
  const args = built
    ? [...nodeFlags, `dist/apps/${app}/main.js`]
    : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', `apps/${app}/src/main.ts`];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', TS_NODE_PROJECT: join(root, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${app} did not start in ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${app} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
  // Keep draining its output so the pipe never blocks the child.
  child.stdout!.removeAllListeners('data').resume();
  child.stderr!.removeAllListeners('data').resume();
  child.removeAllListeners('exit');
  return { child, match };
}

/** The real worker app (apps/worker), so a test can SIGKILL it mid-campaign. Resolves once it started. */
export async function startWorkerProcess(env: Record<string, string>, opts: StartOptions = {}): Promise<ChildProcess> {
  return (await startAppProcess('worker', env, /worker started/, { ...opts, nodeFlags: NODE_FLAGS })).child;
}

/**
 * The WhatsApp sandbox (apps/wa-sandbox) in a process of its own, as Meta is a host of its own: a sandbox in a
 * busy test process accepts new connections slowly (Node accepts one per event-loop turn), which Meta never
 * does. Configured by its SANDBOX_* variables; listens on a free port.
 */
export async function startSandboxProcess(env: Record<string, string>, opts: StartOptions = {}): Promise<{ child: ChildProcess; url: string }> {
  const { child, match } = await startAppProcess('wa-sandbox', { SANDBOX_PORT: '0', ...env }, /listening on (http:\/\/\S+)/, opts);
  return { child, url: match[1] };
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
