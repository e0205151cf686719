import { Injectable } from '@nestjs/common';
import { SecretBox } from '@app/platform';
import { ChannelEntity } from '../database/channel.entity';
import { TemplateEntity } from '../database/template.entity';
import { analyzeComponents } from '../domain/template-components';
import type { TemplateSummary } from './get-template/get-template.query';
import type { ChannelCredentials } from './resolve-channel/resolve-channel.query';

export function toTemplateSummary(t: TemplateEntity): TemplateSummary {
  return {
    id: t.id,
    metaTemplateId: t.metaTemplateId,
    name: t.name,
    language: t.language,
    category: t.category,
    status: t.status,
    components: t.components,
    // Components were validated when stored, so the derivation cannot fail here.
    variables: analyzeComponents(t.components).variables,
  };
}

/** Turns channel rows into the credentials other modules send with; the only place secrets are decrypted. */
@Injectable()
export class ChannelSecrets {
  constructor(private readonly secrets: SecretBox) {}

  credentials(c: ChannelEntity): ChannelCredentials {
    return {
      id: c.id,
      workspaceId: c.workspaceId,
      name: c.name,
      phoneNumberId: c.phoneNumberId,
      wabaId: c.wabaId,
      apiBaseUrl: c.apiBaseUrl,
      accessToken: this.secrets.decrypt(c.accessTokenCiphertext),
      appSecret: this.secrets.decrypt(c.appSecretCiphertext),
      messagesPerSecond: c.messagesPerSecond,
      messagingLimit: c.messagingLimit,
    };
  }
}
