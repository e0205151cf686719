import { HttpStatus } from '@nestjs/common';
import { DomainError, ResourceIdPipe, NotFoundError } from '@app/platform';
import type { TemplateProblem } from './template-components';

export class InvalidTemplateError extends DomainError {
  readonly code = 'INVALID_TEMPLATE';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(problems: TemplateProblem[]) {
    super(`Invalid template: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
  }
}

export class TemplateNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Template', id);
  }
}

export class TemplateAlreadyExistsError extends DomainError {
  readonly code = 'TEMPLATE_ALREADY_EXISTS';
  readonly status = HttpStatus.CONFLICT;
}

export class ChannelNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Channel', id);
  }
}

export class ChannelAlreadyExistsError extends DomainError {
  readonly code = 'CHANNEL_ALREADY_EXISTS';
  readonly status = HttpStatus.CONFLICT;
  constructor(phoneNumberId: string) {
    super(`A channel with phone_number_id ${phoneNumberId} already exists in this workspace`, { phone_number_id: phoneNumberId });
  }
}

/** Live campaigns send through the channel: deleting it would strand them. */
export class ChannelInUseError extends DomainError {
  readonly code = 'CHANNEL_IN_USE';
  readonly status = HttpStatus.CONFLICT;
  constructor(channelId: string, campaignIds: string[]) {
    super(`Channel ${channelId} is used by ${campaignIds.length} campaign(s) that can still send; stop or delete them first`, { campaign_ids: campaignIds });
  }
}

/** A tenant-given API base URL that would make the engine call its own network (SSRF). */
export class ChannelUrlNotAllowedError extends DomainError {
  readonly code = 'CHANNEL_URL_NOT_ALLOWED';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(host: string, address: string | null, kind: string) {
    super(
      address
        ? `api_base_url must reach a public address; ${host} is ${address} (${kind})`
        : `api_base_url host ${host} does not resolve`,
      { host, address, kind },
    );
  }
}

export class ChannelRequiredError extends DomainError {
  readonly code = 'CHANNEL_REQUIRED';
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
}

/** The Graph API refused or failed the template sync; nothing was changed. */
export class TemplateSyncFailedError extends DomainError {
  readonly code = 'TEMPLATE_SYNC_FAILED';
  readonly status = HttpStatus.BAD_GATEWAY;
}

/** Path ids of the catalog routes: anything but a UUID is an unknown resource. */
export const TemplateIdPipe = new ResourceIdPipe((id) => new TemplateNotFoundError(id));
export const ChannelIdPipe = new ResourceIdPipe((id) => new ChannelNotFoundError(id));
