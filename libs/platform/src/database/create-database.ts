import { Client } from 'pg';

/** Runs `fn` on a connection to the server's `postgres` database, with the target database's name. */
async function withAdminClient(url: string, fn: (client: Client, quotedName: string, name: string) => Promise<void>) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await fn(client, `"${name.replace(/"/g, '""')}"`, name);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` if it does not exist yet (start script and tests). */
export function ensureDatabase(url: string): Promise<void> {
  return withAdminClient(url, async (client, quoted, name) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoted}`);
  });
}

export function dropDatabase(url: string): Promise<void> {
  return withAdminClient(url, async (client, quoted) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
  });
}
