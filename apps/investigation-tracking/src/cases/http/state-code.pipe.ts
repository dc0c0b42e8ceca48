import { Injectable, type PipeTransform } from '@nestjs/common';
import { MalformedInputError } from '#domain';
import { StateCodePattern } from './request-fields.js';

/** `:stateCode` in a path: an upper-case ISO 3166-1 alpha-2 code. */
@Injectable()
export class StateCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!StateCodePattern.test(value)) {
      throw new MalformedInputError('The concerned State in the path must be an upper-case ISO 3166-1 alpha-2 code, e.g. SD', [
        { field: 'stateCode', problems: ['must be an upper-case ISO 3166-1 alpha-2 code'] },
      ]);
    }
    return value;
  }
}
