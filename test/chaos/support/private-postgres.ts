import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);
const BIN = process.env.CHAOS_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  port: number;
  /** URL of database `db` on this server (trust auth as `postgres`). */
  url(db: string): string;
  /** Fast shutdown: connections are cut, the data stays for `start()`. */
  stop(): Promise<void>;
  /** Starts again on the same port and data directory. */
  start(): Promise<void>;
  /** Stops the server if it runs and deletes its data directory. */
  close(): Promise<void>;
}

/**
 * Postgres refuses to run as root; as root the cluster is owned and run by the `postgres` OS user,
 * otherwise by the current user.
 */
async function asOwner(cmd: string, args: string[]): Promise<string> {
  const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const { stdout } = await run(file, argv, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

async function ownerIds(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const [uid, gid] = await Promise.all(['-u', '-g'].map(async (flag) => Number((await run('id', [flag, 'postgres'])).stdout.trim())));
  return { uid, gid };
}

/**
 * A throwaway Postgres cluster (initdb in a temp dir, its own port and socket dir) that a test may stop
 * and start at will without touching the shared server the rest of the suite uses. Durability is off
 * (fsync, synchronous_commit): a fast shutdown still writes everything, and speed matters more here.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'chaos-pg-'));
  const data = join(dir, 'data');
  const ids = await ownerIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
    '-c shared_buffers=64MB',
  ].join(' ');
  let running = false;

  const pgCtl = (...args: string[]) => asOwner(join(BIN, 'pg_ctl'), ['-D', data, ...args]);
  const start = async () => {
    await pgCtl('start', '-w', '-t', '60', '-l', join(dir, 'postgres.log'), '-o', settings);
    running = true;
  };
  const stop = async () => {
    if (!running) return;
    await pgCtl('stop', '-w', '-t', '60', '-m', 'fast');
    running = false;
  };

  try {
    await asOwner(join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    await start();
  } catch (e) {
    if (existsSync(join(data, 'postmaster.pid'))) await pgCtl('stop', '-m', 'immediate').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }

  return {
    port,
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop,
    start,
    close: async () => {
      if (running) await pgCtl('stop', '-w', '-m', 'immediate').catch(() => undefined);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True once the server answers a query (used to wait for it, and to prove it is down). */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
