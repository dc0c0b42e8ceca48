import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateNested } from 'class-validator';

/**
 * A list of nested objects in a request body. Each element must be an object: class-validator
 * would otherwise validate an array element by its own elements, so `[[]]` or arrays nested
 * a thousand deep passed as a list of valid objects.
 */
export function NestedList(type: () => new () => object, maxSize: number): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMaxSize(maxSize), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}

/** One nested object in a request body: an array or a primitive in its place is refused, not validated as if it were one. */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type));
}
