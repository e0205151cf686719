import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@app/platform';

export class InvalidWebhookSignatureError extends DomainError {
  readonly code = 'INVALID_SIGNATURE';
  readonly status = HttpStatus.UNAUTHORIZED;
}

export class WebhookVerificationFailedError extends DomainError {
  readonly code = 'VERIFICATION_FAILED';
  readonly status = HttpStatus.FORBIDDEN;
}

/** Engine-side error codes recorded on recipients (the rest are Meta's numeric codes). */
export const RecipientErrorCode = {
  MISSING_VARIABLE: 'MISSING_VARIABLE',
  DISPATCH_UNCERTAIN: 'DISPATCH_UNCERTAIN',
  OPTED_OUT: 'OPTED_OUT',
  INVALID_PHONE: 'INVALID_PHONE',
  DUPLICATE_PHONE: 'DUPLICATE_PHONE',
  CONTACT_DELETED: 'CONTACT_DELETED',
  REMOVED_FROM_AUDIENCE: 'REMOVED_FROM_AUDIENCE',
  CAMPAIGN_STOPPED: 'CAMPAIGN_STOPPED',
} as const;

/** pause_reason values the engine sets on its own. */
export const AutoPauseReason = {
  SPAM_RATE_LIMIT: 'SPAM_RATE_LIMIT',
  MESSAGING_LIMIT_REACHED: 'MESSAGING_LIMIT_REACHED',
  /** The failure guard: too many of the campaign's attempted sends failed. */
  HIGH_FAILURE_RATE: 'HIGH_FAILURE_RATE',
} as const;
