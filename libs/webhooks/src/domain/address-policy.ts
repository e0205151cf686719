import { refusePrivateUrl, type Resolver } from '@app/platform';
import { WebhookUrlNotAllowedError, WebhookUrlUnresolvableError } from './webhooks.errors';

/** The platform's address policy, answered with this module's errors. */
export async function assertPublicUrl(url: string, resolve?: Resolver): Promise<void> {
  const refusal = await refusePrivateUrl(url, resolve);
  if (!refusal) return;
  if (refusal.address === null) throw new WebhookUrlUnresolvableError(refusal.host);
  throw new WebhookUrlNotAllowedError(refusal.host, refusal.address, refusal.kind);
}
