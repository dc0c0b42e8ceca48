import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '#auth';
import { buildAsyncApiDocument, type JsonSchema } from '#contracts';

/**
 * `/asyncapi.json`: the AsyncAPI 3 document of the events, open without a token like the
 * OpenAPI document, so partners can read the contract before they are given credentials.
 * Built from the contract classes, the same document `npm run contracts:generate` commits.
 */
@ApiExcludeController()
@Public()
@Controller('asyncapi.json')
export class AsyncApiController {
  private readonly document = buildAsyncApiDocument();

  @Get()
  @Header('Cache-Control', 'no-cache')
  serve(): JsonSchema {
    return this.document;
  }
}
