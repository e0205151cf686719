import { HttpStatus } from '@nestjs/common';
import { DomainError, ResourceIdPipe } from '@app/platform';

export class InvalidPhoneError extends DomainError {
  readonly code = 'INVALID_PHONE';
  readonly status = HttpStatus.BAD_REQUEST;
}

export class InvalidFieldError extends DomainError {
  readonly code = 'INVALID_FIELD';
  readonly status = HttpStatus.BAD_REQUEST;
}

export class PhoneTakenError extends DomainError {
  readonly code = 'PHONE_ALREADY_EXISTS';
  readonly status = HttpStatus.CONFLICT;
  constructor(phone: string) {
    super(`Another contact of this workspace already has phone ${phone}`);
  }
}

export class ContactNotFoundError extends DomainError {
  readonly code = 'CONTACT_NOT_FOUND';
  readonly status = HttpStatus.NOT_FOUND;
  constructor(id: string) {
    super(`Contact ${id} not found`);
  }
}

/** Also raised for group ids referenced in a body or a filter, with every missing id in `details`. */
export class GroupNotFoundError extends DomainError {
  readonly code = 'GROUP_NOT_FOUND';
  readonly status = HttpStatus.NOT_FOUND;
  constructor(ids: string[]) {
    super(`Group ${ids.join(', ')} not found`, ids.length > 1 ? { missing: ids } : undefined);
  }
}

export class SourceNotFoundError extends DomainError {
  readonly code = 'SOURCE_NOT_FOUND';
  readonly status = HttpStatus.NOT_FOUND;
  constructor(id: string) {
    super(`Source ${id} not found`);
  }
}

/** Path ids of the audience routes: anything but a UUID is an unknown resource. */
export const ContactIdPipe = new ResourceIdPipe((id) => new ContactNotFoundError(id));
export const GroupIdPipe = new ResourceIdPipe((id) => new GroupNotFoundError([id]));
export const SourceIdPipe = new ResourceIdPipe((id) => new SourceNotFoundError(id));
