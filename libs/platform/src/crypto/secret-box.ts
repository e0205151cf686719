import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Env } from '../config/env';

const VERSION = 'v1';

/** AES-256-GCM for secrets at rest (channel tokens): `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;

  constructor(env: Env) {
    this.key = env.ENCRYPTION_KEY
      ? Buffer.from(env.ENCRYPTION_KEY, /^[0-9a-fA-F]{64}$/.test(env.ENCRYPTION_KEY) ? 'hex' : 'base64')
      : // Development only (production refuses to start without a key): stable so restarts can still decrypt.
        createHash('sha256').update('wace-development-key').digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Unsupported ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}
