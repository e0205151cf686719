export * from './whatsapp.types';
export * from './whatsapp.errors';
export * from './webhook-signature';
export { WhatsAppClient, WHATSAPP_CLIENT_OPTIONS } from './whatsapp.client';
export type { WhatsAppClientOptions } from './whatsapp.client';
export * from './whatsapp.module';
