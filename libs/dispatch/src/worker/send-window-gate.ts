import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetContactsQuery } from '@app/audience';
import { CampaignDispatchInfo, isWindowOpen, nextWindowOpening, RECIPIENT_TIMEZONE, SendWindow } from '@app/campaign';
import { RecipientLedger } from '../database/recipient-ledger';
import { recipientZone } from '../domain/recipient-zone';

/** The zone of rows without one: the window's own zone, or (per recipient) the fallback. */
export const ownZone = (w: SendWindow): string => (w.timezone === RECIPIENT_TIMEZONE ? (w.fallbackTimezone ?? 'UTC') : w.timezone);

/** A per-recipient row whose zone is not assigned yet (its materialisation is still landing) is retried this soon. */
const ZONE_PENDING_RETRY_MS = 5_000;

/**
 * Keeps a campaign's sends inside its send window. Recipients of zones whose window is closed are made
 * due when it opens (their `next_attempt_at`), so the claim, which takes only due rows, needs no change and
 * the pump sleeps until the earliest opening; a row claimed just as its window closed is put back the same way.
 */
@Injectable()
export class SendWindowGate {
  constructor(
    private readonly ledger: RecipientLedger,
    private readonly queries: QueryBus,
  ) {}

  /** After materialisation of a per-recipient window: each new recipient's zone, from its contact and phone. */
  async assignZones(info: CampaignDispatchInfo): Promise<void> {
    const w = info.sendWindow;
    if (w?.timezone !== RECIPIENT_TIMEZONE) return;
    await this.ledger.assignZones(info.id, async (rows) => {
      const contacts = await this.queries.execute(new GetContactsQuery(info.workspaceId, rows.map((r) => r.contactId)));
      return rows.map((r) => recipientZone(r.phone, contacts.get(r.contactId)?.custom_fields?.timezone, ownZone(w)));
    });
  }

  /** The zones a pump must watch for this campaign (none without a window). */
  async zonesOf(info: CampaignDispatchInfo): Promise<string[]> {
    const w = info.sendWindow;
    if (!w) return [];
    const zones = w.timezone === RECIPIENT_TIMEZONE ? ((await this.ledger.zones(info.id)) ?? []) : [];
    return [...new Set([...zones, ownZone(w)])];
  }

  /**
   * Before a claim: defers the pending rows of the zones that are closed now. Answers the closed zones it
   * applied, so a pump re-runs the statement only when a zone opened or closed since.
   */
  async deferClosed(info: CampaignDispatchInfo, zones: string[], appliedKey: string | null, now = new Date()): Promise<string | null> {
    const w = info.sendWindow;
    if (!w) return null;
    const closed = zones.filter((z) => !isWindowOpen(w, z, now)).map((zone) => ({ zone, opensAt: nextWindowOpening(w, zone, now) }));
    const key = closed.map((c) => c.zone).join(',');
    // Per recipient, a row without a zone yet is left alone: its zone is being assigned.
    if (key !== appliedKey) await this.ledger.deferClosedZones(info.id, closed, w.timezone === RECIPIENT_TIMEZONE ? null : w.timezone);
    return key;
  }

  /** When a claimed row's window opens next, or null if it is open now. */
  static closedUntil(w: SendWindow | null, tz: string | null, now = new Date()): Date | null {
    if (!w) return null;
    if (w.timezone === RECIPIENT_TIMEZONE && !tz) return new Date(now.getTime() + ZONE_PENDING_RETRY_MS);
    const zone = tz ?? ownZone(w);
    return isWindowOpen(w, zone, now) ? null : nextWindowOpening(w, zone, now);
  }
}
