import type { NextFunction, Request, Response } from 'express';
import { BadRequestError } from '../errors/domain-error';

/** Deeper than any payload of this API; recursive validation of a 5,000-deep body would overflow the stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * A NUL byte is refused by Postgres (every text column), and a lone UTF-16 surrogate can't be encoded
 * as UTF-8: either would fail deep inside a query as a 500, so neither gets past the door.
 */
const BAD_CHARACTERS = /\u0000|\p{Cs}/u;

function invalidCharacters(field: string): BadRequestError {
  return new BadRequestError('INVALID_CHARACTERS', `${field} contains a NUL byte or an unpaired UTF-16 surrogate`, { field });
}

/** Depth-first with an explicit stack, so a hostile nesting can't overflow this check either. */
function inspect(root: unknown, rootName: string): BadRequestError | null {
  const stack: Array<[unknown, string, number]> = [[root, rootName, 0]];
  while (stack.length) {
    const [value, name, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (BAD_CHARACTERS.test(value)) return invalidCharacters(name);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) return new BadRequestError('JSON_TOO_DEEP', `${rootName} is nested deeper than ${MAX_JSON_DEPTH} levels`);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${name}[${i}]`, depth + 1]);
    } else {
      for (const [key, child] of Object.entries(value)) {
        if (BAD_CHARACTERS.test(key)) return invalidCharacters(`${name} key`);
        stack.push([child, `${name}.${key}`, depth + 1]);
      }
    }
  }
  return null;
}

function decodedPath(req: Request): string | null {
  try {
    return decodeURIComponent(req.path);
  } catch {
    return null;
  }
}

/** The body check of `inputGuard`, for routes served ahead of it. */
export function inspectBody(body: unknown): BadRequestError | null {
  return inspect(body, 'body');
}

/**
 * Refuses, before any handler runs, input that is well-formed JSON or URL syntax but that no layer below
 * can store: bad characters in the path, the query or the body, and absurdly deep bodies.
 */
export function inputGuard(req: Request, _res: Response, next: NextFunction): void {
  const path = decodedPath(req);
  if (path === null) return next(new BadRequestError('MALFORMED_URL', 'The request path is not valid percent-encoding'));
  if (BAD_CHARACTERS.test(path)) return next(invalidCharacters('path'));
  next(inspect(req.query, 'query') ?? inspectBody(req.body) ?? undefined);
}
