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

export class ImportNotFoundError extends DomainError {
  readonly code = 'IMPORT_NOT_FOUND';
  readonly status = HttpStatus.NOT_FOUND;
  constructor(id: string) {
    super(`Contact import ${id} not found`);
  }
}

/** A `mapping` that names no field, or a request that is no CSV at all. */
export class InvalidImportError extends DomainError {
  readonly code = 'INVALID_IMPORT';
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
}

export class ImportTooLargeError extends DomainError {
  readonly code = 'IMPORT_TOO_LARGE';
  readonly status = HttpStatus.PAYLOAD_TOO_LARGE;
  constructor(maxBytes: number) {
    super(`The file is larger than ${maxBytes >= 1024 * 1024 ? `${(maxBytes / 1024 / 1024).toFixed(0)} MiB` : `${maxBytes} bytes`}`, { max_bytes: maxBytes });
  }
}

export class UnsupportedImportTypeError extends DomainError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  readonly status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
}

export class SegmentNotFoundError extends DomainError {
  readonly code = 'SEGMENT_NOT_FOUND';
  readonly status = HttpStatus.NOT_FOUND;
  constructor(id: string) {
    super(`Segment ${id} not found`);
  }
}

/** `details.problems` lists each bad condition by its path (`conditions[2]`) with what is wrong. */
export class InvalidSegmentError extends DomainError {
  readonly code = 'INVALID_SEGMENT';
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
  constructor(problems: Array<{ condition: string; message: string }>) {
    super(problems.map((p) => `${p.condition}: ${p.message}`).join('; '), { problems });
  }
}
/** Path ids of the audience routes: anything but a UUID is an unknown resource. */
export const ContactIdPipe = new ResourceIdPipe((id) => new ContactNotFoundError(id));
export const GroupIdPipe = new ResourceIdPipe((id) => new GroupNotFoundError([id]));
export const SourceIdPipe = new ResourceIdPipe((id) => new SourceNotFoundError(id));
export const SegmentIdPipe = new ResourceIdPipe((id) => new SegmentNotFoundError(id));
export const ImportIdPipe = new ResourceIdPipe((id) => new ImportNotFoundError(id));
