import 'reflect-metadata';
import { validateEnv } from './env';

const KEY = 'ab'.repeat(32);
const production = { NODE_ENV: 'production', ENCRYPTION_KEY: KEY, WHATSAPP_VERIFY_TOKEN: 'a-real-secret' };

describe('validateEnv', () => {
  it('treats empty values as unset, so a copied .env.example boots', () => {
    const env = validateEnv({ ENCRYPTION_KEY: '', WEBHOOK_RETRY_SCHEDULE_MS: '', PORT: '', LOG_LEVEL: 'debug' });
    expect(env.ENCRYPTION_KEY).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.LOG_LEVEL).toBe('debug');
  });

  it('names the variable of a bad value', () => {
    expect(() => validateEnv({ PORT: 'abc' })).toThrow(/^\s*PORT=/m);
  });

  it('accepts a production configuration with real secrets', () => {
    expect(validateEnv(production).NODE_ENV).toBe('production');
  });

  it.each([
    [{ ENCRYPTION_KEY: undefined }, /ENCRYPTION_KEY is required/],
    [{ ENCRYPTION_KEY: '' }, /ENCRYPTION_KEY is required/],
    [{ ENCRYPTION_KEY: '0'.repeat(64) }, /ENCRYPTION_KEY must not be all zeros/],
    [{ ENCRYPTION_KEY: `${'A'.repeat(43)}=` }, /ENCRYPTION_KEY must not be all zeros/],
    [{ WHATSAPP_VERIFY_TOKEN: undefined }, /WHATSAPP_VERIFY_TOKEN must not be the default/],
    [{ WHATSAPP_VERIFY_TOKEN: 'change-me' }, /WHATSAPP_VERIFY_TOKEN must not be the default/],
    [{ WEBHOOKS_ALLOW_PRIVATE_URLS: 'true' }, /WEBHOOKS_ALLOW_PRIVATE_URLS must be false/],
  ])('refuses to start in production with %j', (override, message) => {
    expect(() => validateEnv({ ...production, ...override })).toThrow(message);
  });

  it('allows the same settings outside production', () => {
    expect(() => validateEnv({ ENCRYPTION_KEY: '0'.repeat(64), WEBHOOKS_ALLOW_PRIVATE_URLS: 'true' })).not.toThrow();
  });
});
