import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../http/error-response.dto';
import type { Scope } from './scopes';

export const SCOPES_KEY = 'auth:scopes';
export const PUBLIC_KEY = 'auth:public';

/** Requires a valid API key holding every listed scope (401 without a valid key, 403 without the scope). */
export const Scopes = (...scopes: Scope[]) =>
  applyDecorators(
    SetMetadata(SCOPES_KEY, scopes),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked API key', type: ErrorResponseDto }),
    ApiForbiddenResponse({ description: `API key lacks scope: ${scopes.join(', ')}`, type: ErrorResponseDto }),
  );

/** Opts a route out of API-key auth (health, inbound webhooks: they authenticate otherwise). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export interface AuthContext {
  workspaceId: string;
  apiKeyId: string;
  scopes: string[];
}

/** The authenticated workspace's id: every query and command is scoped by it. */
export const WorkspaceId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<{ auth: AuthContext }>().auth.workspaceId;
});
