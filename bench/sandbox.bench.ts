/**
 * Throughput of the WhatsApp sandbox driven by the real WhatsAppClient.
 *   npm run bench:sandbox -- [--messages 50000] [--concurrency 128] [--child]
 * By default sandbox and client share one event loop, i.e. one core does both sides of every request;
 * --child runs the sandbox in its own process instead.
 * Then the same number of sends again with status webhooks on (one status per POST, as Meta sends them) to a
 * receiver that only answers 200: how fast the sandbox works off the backlog of POSTs they leave behind.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { request } from 'undici';
import { WhatsAppClient } from '@app/whatsapp';
import { createSandbox } from '../apps/wa-sandbox/src/sandbox';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function startChild(): Promise<{ url: string; close: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/wa-sandbox/src/main.ts'],
    { env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_MPS: '0', SANDBOX_WEBHOOK_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  for await (const chunk of child.stdout!) {
    out += chunk;
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) {
      child.stdout!.resume();
      return { url: m[1], close: async () => { child.kill('SIGTERM'); await once(child, 'exit'); } };
    }
  }
  throw new Error(`sandbox did not start: ${out}`);
}

async function main(): Promise<void> {
  const total = arg('messages', 50_000);
  const concurrency = arg('concurrency', 128);
  const inProcess = !process.argv.includes('--child');
  const sandbox = inProcess ? await createSandbox({ mps: 0 }) : await startChild();

  await request(`${sandbox.url}/__sandbox/templates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench_promo', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, use code {{2}}' }] }),
  }).then((r) => r.body.dump());

  const client = new WhatsAppClient(undefined, { connectionsPerOrigin: concurrency });
  const target = { apiBaseUrl: sandbox.url, accessToken: 'sandbox-token', phoneNumberId: '100000000000001' };
  const send = (i: number) =>
    client.sendTemplate(target, {
      to: `+1555${String(1_000_000 + i).padStart(7, '0')}`,
      templateName: 'bench_promo',
      language: 'en_US',
      components: [{ type: 'body', parameters: [{ type: 'text', text: `user ${i}` }, { type: 'text', text: 'MAY20' }] }],
      bizOpaqueCallbackData: `r-${i}`,
    });

  // Warm up the keep-alive sockets and the JIT before measuring.
  await Promise.all(Array.from({ length: concurrency }, (_, i) => send(total + i)));

  const latencies = new Float64Array(total);
  let next = 0;
  let failed = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        try {
          await send(i);
        } catch {
          failed++;
        }
        latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  latencies.sort();
  const pct = (p: number) => latencies[Math.min(total - 1, Math.floor((p / 100) * total))].toFixed(2);
  const stats = (await (await request(`${sandbox.url}/__sandbox/stats`)).body.json()) as { accepted: number; recipients_messaged_more_than_once: number };

  // Status webhooks: a backlog of a campaign's worth of single-status POSTs, worked off at the sandbox's pace.
  let received = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.end();
    });
  }).listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/`;
  await request(`${sandbox.url}/__sandbox/config`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhook_url: webhookUrl, status_delay_ms: 50 }) }).then((r) => r.body.dump());
  next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await send(total * 2 + next++);
    }),
  );
  const summary = async () => (await (await request(`${sandbox.url}/__sandbox/stats?recipients=false`)).body.json()) as { webhooks: { backlog: number } };
  const backlog = (await summary()).webhooks.backlog;
  const drainStart = process.hrtime.bigint();
  const receivedBefore = received;
  while ((await summary()).webhooks.backlog) await new Promise((r) => setTimeout(r, 100));
  const drainSeconds = Number(process.hrtime.bigint() - drainStart) / 1e9;
  receiver.close();
  await client.close();
  await sandbox.close();

  const accepted = total - failed;
  console.log(`sandbox (${inProcess ? 'in-process' : 'child process'}), concurrency ${concurrency}: ${accepted}/${total} accepted in ${seconds.toFixed(2)} s`);
  console.log(`throughput: ${Math.round(accepted / seconds)} messages/s (wall clock)`);
  // On a shared machine the wall-clock figure depends on what else runs; CPU time does not.
  console.log(`cpu: ${cpuSeconds.toFixed(2)} s of this process (${inProcess ? 'client + sandbox' : 'client only'}) = ${Math.round(accepted / cpuSeconds)} messages per CPU-second`);
  console.log(`latency ms: p50 ${pct(50)}  p90 ${pct(90)}  p99 ${pct(99)}  max ${pct(100)}`);
  console.log(`sandbox stats: accepted ${stats.accepted} (incl. warm-up), recipients messaged twice: ${stats.recipients_messaged_more_than_once}`);
  console.log(
    `status webhooks (one per POST, ${total} more sends): backlog ${backlog} when the sends ended, worked off in ${drainSeconds.toFixed(2)} s ` +
      `→ ${Math.round((received - receivedBefore) / drainSeconds)} POSTs/s`,
  );
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
