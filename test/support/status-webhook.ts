import { PHONE_NUMBER_ID, WABA_ID } from './world';

/** A Meta-shaped `messages` webhook carrying `statuses` for a phone number (the worlds' by default). */
export function statusWebhook(statuses: Array<Record<string, unknown>>, ids = { phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID }) {
  return {
    object: 'whatsapp_business_account',
    entry: [{
      id: ids.wabaId,
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550000001', phone_number_id: ids.phoneNumberId },
          statuses,
        },
      }],
    }],
  };
}
