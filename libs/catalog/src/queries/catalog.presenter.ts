import { Injectable } from '@nestjs/common';
import { SecretBox } from '@app/platform';
import { ChannelEntity } from '../database/channel.entity';
import { TemplateEntity } from '../database/template.entity';
import { analyzeComponents } from '../domain/template-components';
import type { ChannelResponseDto } from '../http/dto/channel.response.dto';
import type { TemplateResponseDto } from '../http/dto/template.response.dto';
import type { TemplateSummary } from './get-template/get-template.query';
import type { ChannelCredentials } from './resolve-channel/resolve-channel.query';

/** Turns catalog rows into API objects and cross-module contracts; the only place secrets are decrypted. */
@Injectable()
export class CatalogPresenter {
  constructor(private readonly secrets: SecretBox) {}

  templateSummary(t: TemplateEntity): TemplateSummary {
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

  template(t: TemplateEntity): TemplateResponseDto {
    const s = this.templateSummary(t);
    return {
      id: s.id,
      meta_template_id: s.metaTemplateId,
      name: s.name,
      language: s.language,
      category: s.category,
      status: s.status,
      status_reason: t.statusReason,
      components: s.components,
      variables: s.variables,
      created_at: t.createdAt.toISOString(),
      updated_at: t.updatedAt.toISOString(),
    };
  }

  channel(c: ChannelEntity): ChannelResponseDto {
    return {
      id: c.id,
      name: c.name,
      phone_number_id: c.phoneNumberId,
      waba_id: c.wabaId,
      api_base_url: c.apiBaseUrl,
      messages_per_second: c.messagesPerSecond,
      messaging_limit: c.messagingLimit,
      has_access_token: !!c.accessTokenCiphertext,
      has_app_secret: !!c.appSecretCiphertext,
      created_at: c.createdAt.toISOString(),
      updated_at: c.updatedAt.toISOString(),
    };
  }

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
