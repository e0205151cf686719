import { classifyMetaError, ErrorClass, WhatsAppApiError } from './whatsapp.errors';

describe('classifyMetaError', () => {
  const table: Array<[ErrorClass, number[]]> = [
    ['retry_channel', [130429, 131057, 131000, 131016, 1, 2, 4, 80007]],
    ['retry_recipient', [131056]],
    ['permanent', [131026, 131049, 131021, 131030, 131051, 132000, 132012, 100, 131050]],
    ['fatal', [190, 131031, 131042, 132001, 132016, 368]],
    ['auto_pause', [132015, 131048]],
  ];

  it.each(table.flatMap(([cls, codes]) => codes.map((code) => [code, cls] as const)))('maps code %d to %s', (code, cls) => {
    expect(classifyMetaError(code, 400)).toBe(cls);
  });

  it('classifies by code alone, whatever the HTTP status', () => {
    expect(classifyMetaError(132000, 500)).toBe('permanent');
    expect(classifyMetaError(131000, 200)).toBe('retry_channel');
    expect(classifyMetaError(190)).toBe('fatal');
  });

  it('treats an HTTP 5xx without a known code as a channel retry', () => {
    expect(classifyMetaError(undefined, 502)).toBe('retry_channel');
    expect(classifyMetaError(999999, 503)).toBe('retry_channel');
  });

  it('treats unknown codes as permanent', () => {
    expect(classifyMetaError(999999, 400)).toBe('permanent');
    expect(classifyMetaError(undefined, 400)).toBe('permanent');
    expect(classifyMetaError(undefined)).toBe('permanent');
  });
});

describe('WhatsAppApiError', () => {
  it('derives its class from the code and keeps Meta fields', () => {
    const e = new WhatsAppApiError('(#132015) Template is Paused', { code: 132015, httpStatus: 400, fbtraceId: 'Abc', details: 'paused' });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: 132015, httpStatus: 400, fbtraceId: 'Abc', details: 'paused', errorClass: 'auto_pause' });
  });

  it('asks for the pair-rate delay on 131056 unless Meta gave one', () => {
    expect(new WhatsAppApiError('x', { code: 131056 }).retryAfterMs).toBe(6000);
    expect(new WhatsAppApiError('x', { code: 131056, retryAfterMs: 9000 }).retryAfterMs).toBe(9000);
    expect(new WhatsAppApiError('x', { code: 100 }).retryAfterMs).toBeUndefined();
  });

  it('lets transport failures set the class explicitly', () => {
    expect(new WhatsAppApiError('reset', { errorClass: 'uncertain' }).errorClass).toBe('uncertain');
  });
});
