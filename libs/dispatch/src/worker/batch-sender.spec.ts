import { Logger } from '@nestjs/common';
import { CampaignStatus } from '@app/campaign';
import { BatchSender } from './batch-sender';
import { InFlightWindows } from './in-flight-window';
import { OutcomeBuffer } from './outcome-buffer';
import { PumpRun } from './pump-run';

/**
 * A pause that lands while a chunk waits for its tokens and its `sending` mark: by the time the calls would
 * start, the status read that let the chunk through is stale, so it is read again and nothing is called.
 */
describe('BatchSender', () => {
  const rows = Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, contactId: `c${i}`, phone: `+1202555000${i}`, attempts: 0, tz: null }));

  function setup() {
    let status = CampaignStatus.RUNNING;
    const statusReads: CampaignStatus[] = [];
    const called: string[] = [];
    const released: string[] = [];
    const ledger = {
      // Marking takes 250 ms under load, and the campaign is paused meanwhile.
      markSending: async (ids: string[]) => {
        status = CampaignStatus.PAUSED;
        await new Promise((r) => setTimeout(r, 250));
        return new Set(ids);
      },
      release: async (ids: string[]) => void released.push(...ids),
    };
    const queries = {
      execute: async (q: object) =>
        q.constructor.name === 'GetContactsQuery'
          ? new Map(rows.map((r) => [r.contactId, { id: r.contactId, opted_out: false, opt_out_scope: null }]))
          : new Map(),
    };
    const client = { sendTemplate: async ({}, m: { to: string }) => (called.push(m.to), { wamid: `wamid.${m.to}` }) };
    const limiter = { acquire: async (_c: string, _r: number, want: number) => want, admitUniqueUsers: async (_c: string, _l: number, phones: string[]) => phones.length };
    const env = { DISPATCH_MAX_IN_FLIGHT: 1024, WHATSAPP_API_VERSION: 'v21.0' };
    const sender = new BatchSender(ledger as never, queries as never, {} as never, client as never, limiter as never, new InFlightWindows(env as never), env as never);
    const run = new PumpRun(
      { id: 'camp', workspaceId: 'ws', sendWindow: null } as never,
      { name: 'order', language: 'en', category: 'UTILITY' } as never,
      { id: 'chan', messagesPerSecond: 1000, messagingLimit: null, apiBaseUrl: 'http://x', accessToken: 't', phoneNumberId: 'p' } as never,
      () => ({ components: [], variables: {}, missing: [] }) as never,
      { valid: () => true, token: 'lease' } as never,
      new OutcomeBuffer(async () => undefined, 100, new Logger('test')),
      [],
      async () => (statusReads.push(status), status),
    );
    return { sender, run, called, released, statusReads };
  }

  it('starts no call when the campaign was paused while its chunk was being marked', async () => {
    const { sender, run, called, released, statusReads } = setup();
    await sender.send(run, rows);
    await sender.settle(run);
    expect({ called, released: released.sort(), lastStatusRead: statusReads.at(-1), halted: run.halted }).toEqual({
      called: [],
      released: rows.map((r) => r.id),
      lastStatusRead: CampaignStatus.PAUSED,
      halted: true,
    });
  });
});
