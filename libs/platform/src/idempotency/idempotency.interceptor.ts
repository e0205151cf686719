import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth.decorators';
import { SecretBox } from '../crypto/secret-box';
import { BadRequestError, ConflictError, UnprocessableError } from '../errors/domain-error';
import { toErrorBody } from '../errors/error-response';
import { stableStringify } from './stable-stringify';

export const IDEMPOTENCY_TTL_HOURS = 24;

interface KeyScope {
  workspaceId: string;
  key: string;
  method: string;
  route: string;
}

/**
 * The route Express matched, with its parameters filled in: `/sources`, `/sources/` and `/Sources` are
 * one route (Express matches paths case-insensitively and with an optional trailing slash), so one key.
 */
function matchedRoute(req: Request): string {
  const pattern = String((req.route as { path?: unknown } | undefined)?.path ?? req.path);
  return pattern.replace(/:(\w+)/g, (m, name: string) => (typeof req.params[name] === 'string' ? encodeURIComponent(req.params[name]) : m));
}

/**
 * A POST carrying `Idempotency-Key` is done once per (workspace, key, method, route) for 24 h. The first
 * request claims the key with an INSERT, so two concurrent requests cannot both run. Stored answers are
 * sealed: whoever can read the table must not read the secrets some answers carry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly box: SecretBox,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request & { auth?: AuthContext }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined || !req.auth) return next.handle();
    if (typeof key !== 'string' || key.length < 1 || key.length > 255) {
      return throwError(() => new BadRequestError('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-255 characters'));
    }
    const scope: KeyScope = { workspaceId: req.auth.workspaceId, key, method: req.method, route: matchedRoute(req) };
    const requestHash = createHash('sha256').update(stableStringify(req.body ?? null)).digest('hex');

    return from(this.claim(scope, requestHash)).pipe(
      mergeMap((existing) => {
        if (!existing) return this.runAndStore(scope, next, res);
        if (existing.request_hash !== requestHash) {
          throw new UnprocessableError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request body');
        }
        if (existing.response_status === null) {
          throw new ConflictError('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still being processed');
        }
        res.status(existing.response_status);
        res.setHeader('Idempotent-Replayed', 'true');
        return of(existing.sealed_response_body === null ? undefined : JSON.parse(this.box.decrypt(existing.sealed_response_body)));
      }),
    );
  }

  /** Returns null when this request now owns the key, otherwise the row that holds it. */
  private async claim(s: KeyScope, requestHash: string) {
    const params = [s.workspaceId, s.key, s.method, s.route];
    await this.db.query(
      `DELETE FROM idempotency_keys WHERE workspace_id = $1 AND key = $2 AND method = $3 AND route = $4
         AND created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`,
      params,
    );
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (workspace_id, key, method, route, request_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING key`,
      [...params, requestHash],
    );
    if (inserted.length) return null;
    const rows: { request_hash: string; response_status: number | null; sealed_response_body: string | null }[] = await this.db.query(
      `SELECT request_hash, response_status, sealed_response_body FROM idempotency_keys
        WHERE workspace_id = $1 AND key = $2 AND method = $3 AND route = $4`,
      params,
    );
    // The holder vanished between the two statements (expired or failed with 5xx): treat as in flight.
    return rows[0] ?? { request_hash: requestHash, response_status: null, sealed_response_body: null };
  }

  private runAndStore(s: KeyScope, next: CallHandler, res: Response): Observable<unknown> {
    const where = `workspace_id = $1 AND key = $2 AND method = $3 AND route = $4`;
    const params = [s.workspaceId, s.key, s.method, s.route];
    const store = (status: number, body: unknown) =>
      this.db.query(`UPDATE idempotency_keys SET response_status = $5, sealed_response_body = $6 WHERE ${where}`, [
        ...params,
        status,
        body === undefined ? null : this.box.encrypt(JSON.stringify(body)),
      ]);
    return next.handle().pipe(
      mergeMap((body) => from(store(res.statusCode, body)).pipe(mergeMap(() => of(body)))),
      catchError((err) => {
        const body = toErrorBody(err);
        // A server-side failure is not an answer worth replaying: free the key so the client can retry.
        const settle =
          body.statusCode >= HttpStatus.INTERNAL_SERVER_ERROR
            ? this.db.query(`DELETE FROM idempotency_keys WHERE ${where}`, params)
            : store(body.statusCode, body);
        return from(settle.catch(() => undefined)).pipe(mergeMap(() => throwError(() => err)));
      }),
    );
  }
}
