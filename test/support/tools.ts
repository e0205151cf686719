import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = join(__dirname, '..', '..');

/**
 * Runs an operator tool (promtool, hadolint, docker compose) from the repository root. Null, after saying so
 * on the console, when this machine does not have it: the check then runs wherever the tool is installed.
 */
export async function operatorTool(cmd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string } | null> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number | string; stdout?: string; stderr?: string };
    const out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
    if (err.code === 'ENOENT' || /unknown command|is not a docker command/.test(out)) {
      console.log(`\`${cmd} ${args.join(' ')}\` is not available here, so this check did not run (it runs wherever it is installed).`);
      return null;
    }
    return { code: typeof err.code === 'number' ? err.code : 1, out };
  }
}
