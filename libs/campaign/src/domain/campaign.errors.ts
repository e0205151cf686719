import { HttpStatus } from '@nestjs/common';
import { DomainError, ResourceIdPipe } from '@app/platform';
import type { CampaignStatus } from './campaign-status';

export class InvalidTransitionError extends DomainError {
  readonly code = 'INVALID_TRANSITION';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(action: string, from: CampaignStatus) {
    super(`Cannot ${action.replace(/_/g, ' ')} a ${from} campaign`, { action, status: from });
  }
}

export class ConcurrentTransitionError extends DomainError {
  readonly code = 'CONCURRENT_TRANSITION';
  readonly status = HttpStatus.CONFLICT;
  constructor(id: string) {
    super(`Campaign ${id} was changed by another request; re-read it and retry`);
  }
}

export class CampaignNotFoundError extends DomainError {
  readonly code = 'CAMPAIGN_NOT_FOUND';
  readonly status = HttpStatus.NOT_FOUND;
  constructor(id: string) {
    super(`Campaign ${id} not found`);
  }
}

export class ScheduledAtInPastError extends DomainError {
  readonly code = 'SCHEDULED_AT_IN_PAST';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor() {
    super('scheduled_at must be in the future');
  }
}

export class TemplateNotFoundError extends DomainError {
  readonly code = 'TEMPLATE_NOT_FOUND';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(id: string) {
    super(`Template ${id} not found in this workspace`);
  }
}

export class TemplateNotApprovedError extends DomainError {
  readonly code = 'TEMPLATE_NOT_APPROVED';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(id: string, status: string) {
    super(`Template ${id} is ${status}; only APPROVED templates can be used`);
  }
}

export class InvalidAudienceError extends DomainError {
  readonly code = 'INVALID_AUDIENCE';
  readonly status = HttpStatus.BAD_REQUEST;
}

export class InvalidVariableMappingError extends DomainError {
  readonly code = 'INVALID_VARIABLE_MAPPING';
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
}

export class ChannelRequiredError extends DomainError {
  readonly code = 'CHANNEL_REQUIRED';
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
}

/** A preview's sample contact must be a recipient of the campaign: previews must not read other contacts. */
export class SampleContactNotFoundError extends DomainError {
  readonly code = 'CONTACT_NOT_FOUND';
  readonly status = HttpStatus.NOT_FOUND;
  constructor(contactId: string) {
    super(`Contact ${contactId} is not in this campaign's audience`, { contact_id: contactId });
  }
}

export class AudienceEmptyError extends DomainError {
  readonly code = 'AUDIENCE_EMPTY';
  readonly status = HttpStatus.BAD_REQUEST;
}

/** `:id` of a campaign route: anything but a UUID is an unknown campaign. */
export const CampaignIdPipe = new ResourceIdPipe((id) => new CampaignNotFoundError(id));
