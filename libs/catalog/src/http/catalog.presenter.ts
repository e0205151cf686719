import type { ChannelEntity } from '../database/channel.entity';
import type { TemplateEntity } from '../database/template.entity';
import type { SyncResult } from '../commands/sync-templates/sync-templates.command';
import { toTemplateSummary } from '../queries/catalog-contracts';
import type { ChannelResponseDto } from './dto/channel.response.dto';
import type { SyncTemplatesResponseDto, TemplateResponseDto } from './dto/template.response.dto';

export function presentTemplate(t: TemplateEntity): TemplateResponseDto {
  const s = toTemplateSummary(t);
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

/** Never includes the secrets: only whether each is set. */
export function presentChannel(c: ChannelEntity): ChannelResponseDto {
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

export function presentSync(r: SyncResult): SyncTemplatesResponseDto {
  return {
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped.map((s) => ({ meta_template_id: s.metaTemplateId, name: s.name, language: s.language, problems: s.problems })),
    templates: r.templates.map(presentTemplate),
  };
}
