import { CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { stableStringify } from '@app/platform';
import { MetaTemplate, WhatsAppApiError, WhatsAppClient } from '@app/whatsapp';
import { randomUUID } from 'node:crypto';
import { ChannelRepository } from '../../database/channel.repository';
import { TemplateEntity } from '../../database/template.entity';
import { TemplateRepository } from '../../database/template.repository';
import { ChannelNotFoundError, TemplateSyncFailedError } from '../../domain/catalog.errors';
import { TemplateStatusChangedEvent } from '../../domain/events/template-status-changed.event';
import { analyzeComponents, TemplateProblem } from '../../domain/template-components';
import { toTemplateCategory, toTemplateStatus } from '../../domain/template-status';
import { ChannelSecrets } from '../../queries/catalog-contracts';
import type { TemplateCategory, TemplateStatus } from '../../queries/get-template/get-template.query';
import { SkippedTemplate, SyncResult, SyncTemplatesCommand } from './sync-templates.command';

interface Incoming {
  metaTemplateId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  components: Record<string, unknown>[];
}

@CommandHandler(SyncTemplatesCommand)
export class SyncTemplatesHandler implements ICommandHandler<SyncTemplatesCommand> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly templates: TemplateRepository,
    private readonly secrets: ChannelSecrets,
    private readonly whatsapp: WhatsAppClient,
    private readonly events: EventBus,
  ) {}

  async execute({ workspaceId, channelId }: SyncTemplatesCommand): Promise<SyncResult> {
    const channel = await this.channels.findById(workspaceId, channelId);
    if (!channel) throw new ChannelNotFoundError(channelId);
    const { apiBaseUrl, accessToken, wabaId } = this.secrets.credentials(channel);
    let remote: MetaTemplate[];
    try {
      remote = await this.whatsapp.listTemplates({ apiBaseUrl, accessToken, wabaId });
    } catch (err) {
      if (!(err instanceof WhatsAppApiError)) throw err;
      // Only the status and Meta's code go back to the client: the upstream body is whatever the channel's
      // base URL answered, and echoing it would let a tenant read services the engine can reach.
      const upstream = [err.httpStatus && `HTTP ${err.httpStatus}`, err.code !== undefined && `Meta error ${err.code}`].filter(Boolean).join(', ');
      throw new TemplateSyncFailedError(`The Graph API did not list the templates of WABA ${wabaId}${upstream ? ` (${upstream})` : ''}`, {
        meta_code: err.code ?? null,
        http_status: err.httpStatus ?? null,
      });
    }

    const incoming: Incoming[] = [];
    const skipped: SkippedTemplate[] = [];
    for (const t of remote) {
      const parsed = parseMetaTemplate(t);
      if ('problems' in parsed) skipped.push({ metaTemplateId: t.id, name: t.name, language: t.language, problems: parsed.problems });
      else incoming.push(parsed);
    }

    const result = await this.templates.inWorkspaceLock(workspaceId, async (m) => {
      const existing = await this.templates.findAllIn(m, workspaceId);
      const byMetaId = new Map(existing.filter((t) => t.metaTemplateId).map((t) => [t.metaTemplateId!, t]));
      const byName = new Map(existing.map((t) => [`${t.name}/${t.language}`, t]));
      const stored: TemplateEntity[] = [];
      const statusChanges: TemplateEntity[] = [];
      let created = 0;
      let updated = 0;
      const now = new Date();
      for (const t of incoming) {
        const current = byMetaId.get(t.metaTemplateId) ?? byName.get(`${t.name}/${t.language}`);
        if (!current) {
          const row = Object.assign(new TemplateEntity(), { id: randomUUID(), workspaceId, ...t, statusReason: null, statusEventAt: now, createdAt: now, updatedAt: now });
          await this.templates.insert(row, m);
          created++;
          stored.push(row);
          byMetaId.set(row.metaTemplateId!, row);
          byName.set(`${row.name}/${row.language}`, row);
          continue;
        }
        const changed =
          current.metaTemplateId !== t.metaTemplateId ||
          current.category !== t.category ||
          current.status !== t.status ||
          stableStringify(current.components) !== stableStringify(t.components);
        if (changed) {
          if (current.status !== t.status) statusChanges.push(current);
          // Meta never renames a template, so name and language stay as they are.
          Object.assign(current, {
            metaTemplateId: t.metaTemplateId,
            category: t.category,
            status: t.status,
            statusReason: current.status !== t.status ? null : current.statusReason,
            // What Meta answers now outranks any webhook about an earlier moment still in flight.
            statusEventAt: current.status !== t.status ? now : current.statusEventAt,
            components: t.components,
            updatedAt: now,
          });
          await this.templates.update(current, m);
          byMetaId.set(t.metaTemplateId, current);
          updated++;
        }
        stored.push(current);
      }
      return { created, updated, stored, statusChanges };
    });

    this.events.publishAll(result.statusChanges.map((t) => new TemplateStatusChangedEvent(workspaceId, t.id, t.status, null)));
    return {
      created: result.created,
      updated: result.updated,
      unchanged: result.stored.length - result.created - result.updated,
      skipped,
      templates: result.stored,
    };
  }
}

/** A Meta template this engine can store, or why it cannot. */
function parseMetaTemplate(t: MetaTemplate): Incoming | { problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const category = toTemplateCategory(t.category);
  if (!category) problems.push({ path: 'category', message: `unsupported category ${t.category}` });
  const status = toTemplateStatus(t.status);
  if (!status) problems.push({ path: 'status', message: `unsupported status ${t.status}` });
  if (!t.id || !t.name || !t.language) problems.push({ path: '', message: 'id, name and language are required' });
  problems.push(...analyzeComponents(t.components).problems);
  if (problems.length) return { problems };
  return { metaTemplateId: t.id, name: t.name, language: t.language, category: category!, status: status!, components: t.components };
}
