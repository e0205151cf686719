import { HttpStatus } from '@nestjs/common';
import { DomainError, ResourceIdPipe } from '@app/platform';

export class WebhookNotFoundError extends DomainError {
  readonly code = 'WEBHOOK_NOT_FOUND';
  readonly status = HttpStatus.NOT_FOUND;
  constructor(id: string) {
    super(`Webhook endpoint ${id} not found`);
  }
}

export class WebhookUrlNotAllowedError extends DomainError {
  readonly code = 'WEBHOOK_URL_NOT_ALLOWED';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(host: string, address: string, kind: string) {
    super(`Webhook URLs must reach a public address; ${host} resolves to ${address} (${kind})`, { host, address, kind });
  }
}

export class WebhookUrlUnresolvableError extends DomainError {
  readonly code = 'WEBHOOK_URL_UNRESOLVABLE';
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(host: string) {
    super(`Webhook URL host ${host} does not resolve`, { host });
  }
}

export class WebhookDisabledError extends DomainError {
  readonly code = 'WEBHOOK_DISABLED';
  readonly status = HttpStatus.CONFLICT;
  constructor(id: string) {
    super(`Webhook endpoint ${id} is disabled`);
  }
}

export class DeliveryNotFoundError extends DomainError {
  readonly code = 'DELIVERY_NOT_FOUND';
  readonly status = HttpStatus.NOT_FOUND;
  constructor(id: string) {
    super(`Webhook delivery ${id} not found`);
  }
}

export class DeliveryNotFailedError extends DomainError {
  readonly code = 'DELIVERY_NOT_FAILED';
  readonly status = HttpStatus.CONFLICT;
  constructor(id: string) {
    super(`Webhook delivery ${id} is pending or delivered; only a failed delivery is retried`);
  }
}
export const WebhookIdPipe = new ResourceIdPipe((id) => new WebhookNotFoundError(id));
export const DeliveryIdPipe = new ResourceIdPipe((id) => new DeliveryNotFoundError(id));
