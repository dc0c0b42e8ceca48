import {
  applyDecorators,
  Inject,
  Injectable,
  UnsupportedMediaTypeException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConsumes, DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';

/** What a write accepts unless its route says otherwise. */
export const DEFAULT_MEDIA_TYPES = ['application/json'];

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The media types a route's body may have (default application/json). It is the OpenAPI
 * `@ApiConsumes` metadata, so the document and the enforcement cannot disagree.
 */
export const Consumes = (...mediaTypes: string[]) => applyDecorators(ApiConsumes(...mediaTypes));

/**
 * Global guard: a write whose body is not of a media type its route consumes gets 415 before
 * any handler runs. Without it a text/plain body is skipped by the JSON parser and the DTO
 * validates an empty object. A write without a body (no Content-Length, or 0) needs no type.
 */
@Injectable()
export class MediaTypeGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!WRITES.has(request.method) || !hasBody(request)) return true;
    const accepted =
      this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]) ??
      DEFAULT_MEDIA_TYPES;
    if (!request.headers['content-type'] || !request.is(accepted)) {
      throw new UnsupportedMediaTypeException(`Send the request body as ${accepted.join(' or ')}`);
    }
    return true;
  }
}

function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}
