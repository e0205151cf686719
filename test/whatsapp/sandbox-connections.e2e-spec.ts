import { spawn } from 'node:child_process';
import { createSandbox, Sandbox } from '../../apps/wa-sandbox/src/sandbox';

/** Sockets a worker may open at once when its window grows: more than Node's default listen backlog (511). */
const BURST = 1_000;

/**
 * Opens BURST TCP connections to `port` at once, `delayMs` after it starts, and prints how many took longer
 * than `slowMs` to connect (or failed). A handshake the kernel dropped is retried only after a second.
 */
const CLIENT = `
const net = require('node:net');
const [port, n, delayMs, slowMs] = process.argv.slice(1).map(Number);
setTimeout(() => {
  let done = 0, slow = 0;
  const sockets = [];
  for (let i = 0; i < n; i++) {
    const started = Date.now();
    const s = net.connect(port, '127.0.0.1');
    sockets.push(s);
    const settle = (ok) => {
      if (!ok || Date.now() - started > slowMs) slow++;
      if (++done === n) { console.log(JSON.stringify({ slow })); sockets.forEach((x) => x.destroy()); }
    };
    s.once('connect', () => settle(true));
    s.once('error', () => settle(false));
    s.setTimeout(5000, () => { s.destroy(); settle(false); });
  }
}, delayMs);
`;

describe('sandbox connections', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await createSandbox({ mps: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('accepts a burst of new connections while its process is busy, as Meta’s edge does (no dropped handshake)', async () => {
    const child = spawn(process.execPath, ['-e', CLIENT, String(sandbox.port), String(BURST), '300', '900'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // This process (the sandbox's) is busy while the burst arrives: every handshake waits in the listen queue.
    const busyUntil = Date.now() + 1_500;
    while (Date.now() < busyUntil);
    await exited;
    expect(JSON.parse(out)).toEqual({ slow: 0 });
  }, 30_000);
});
