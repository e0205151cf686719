import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { AuthContext, PUBLIC_KEY, SCOPES_KEY } from './auth.decorators';
import { ApiKeyEntity } from './database/api-key.entity';
import { hashApiKey } from './api-key.secret';
import { ALL_SCOPES } from './scopes';

export class UnauthorizedError extends DomainError {
  readonly code = 'UNAUTHORIZED';
  readonly status = HttpStatus.UNAUTHORIZED;
}

export class ForbiddenScopeError extends DomainError {
  readonly code = 'INSUFFICIENT_SCOPE';
  readonly status = HttpStatus.FORBIDDEN;
}

/** Global guard: every route needs a bearer API key unless marked @Public(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; auth?: AuthContext }>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new UnauthorizedError('Missing API key: send Authorization: Bearer <key>');
    const key = await this.keys.findOne({ where: { keyHash: hashApiKey(match[1]), revokedAt: IsNull() } });
    if (!key) throw new UnauthorizedError('Invalid or revoked API key');
    req.auth = { workspaceId: key.workspaceId, apiKeyId: key.id, scopes: key.scopes };
    const required = this.reflector.getAllAndOverride<string[]>(SCOPES_KEY, targets) ?? [];
    const missing = key.scopes.includes(ALL_SCOPES) ? [] : required.filter((s) => !key.scopes.includes(s));
    if (missing.length) throw new ForbiddenScopeError(`API key lacks scope: ${missing.join(', ')}`, { required, missing });
    return true;
  }
}
