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

/** Sending would message nobody: the audience has no member, or only opted-out ones. */
export class EmptyAudienceError extends DomainError {
  readonly code = 'EMPTY_AUDIENCE';
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
  constructor(optedOut: number) {
    super('The campaign audience has no contact to message; add contacts to its groups or sources first', { opted_out: optedOut });
  }
}

export class AudienceEmptyError extends DomainError {
  readonly code = 'AUDIENCE_EMPTY';
  readonly status = HttpStatus.BAD_REQUEST;
}

export class CodeNotRetryableError extends DomainError {
  readonly code = 'CODE_NOT_RETRYABLE';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(codes: string[]) {
    super(`These failures are never retried: ${codes.join(', ')}`, { codes });
  }
}

export class NothingToRetryError extends DomainError {
  readonly code = 'NOTHING_TO_RETRY';
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
  constructor(codes: string[]) {
    super('No failed recipient of this campaign has one of the retried codes', { codes });
  }
}

export class OutcomeAudienceEmptyError extends DomainError {
  readonly code = 'OUTCOME_AUDIENCE_EMPTY';
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
  constructor(outcome: string) {
    super(`No recipient of this campaign has the outcome ${outcome}`, { audience: outcome });
  }
}

export class TestSendTargetsRequiredError extends DomainError {
  readonly code = 'TEST_TARGETS_REQUIRED';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor() {
    super('Give 1 to 10 phones or contact_ids in all');
  }
}

export class InvalidSendWindowError extends DomainError {
  readonly code = 'INVALID_SEND_WINDOW';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(problems: string[]) {
    super(`send_window: ${problems.join('; ')}`, { problems });
  }
}
/** `:id` of a campaign route: anything but a UUID is an unknown campaign. */
export const CampaignIdPipe = new ResourceIdPipe((id) => new CampaignNotFoundError(id));
