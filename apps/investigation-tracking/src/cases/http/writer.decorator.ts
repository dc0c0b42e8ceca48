import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '#auth';

/** What every change to a case needs besides its body: the If-Match header, the caller, and the response for the new ETag. */
export interface WriterContext {
  ifMatch: string | undefined;
  user: AuthenticatedUser;
  response: Response;
}

export const Writer = createParamDecorator((_data: unknown, context: ExecutionContext): WriterContext => {
  const http = context.switchToHttp();
  const request = http.getRequest<Request & { user: AuthenticatedUser }>();
  return { ifMatch: request.headers['if-match'], user: request.user, response: http.getResponse<Response>() };
});
