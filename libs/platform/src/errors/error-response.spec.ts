import { QueryFailedError } from 'typeorm';
import { isBackendUnavailable, toErrorBody } from './error-response';

const pgError = (code: string, message = 'pg') => Object.assign(new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code })), {});

describe('toErrorBody for an unreachable backend', () => {
  it.each([
    ['Postgres refusing connections', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['Postgres shutting down (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['Postgres starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception class (08006)', pgError('08006')],
    ['Redis gone (ioredis)', Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' })],
    ['every address refused', new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })])],
  ])('%s answers 503 SERVICE_UNAVAILABLE', (_what, e) => {
    expect(isBackendUnavailable(e)).toBe(true);
    expect(toErrorBody(e)).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it('a bug stays a 500 and a bad value stays a 400', () => {
    expect(toErrorBody(new TypeError("Cannot read properties of undefined (reading 'x')"))).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
    expect(toErrorBody(pgError('22P02'))).toMatchObject({ statusCode: 400, code: 'INVALID_INPUT' });
    expect(isBackendUnavailable(pgError('23505'))).toBe(false);
  });
});
