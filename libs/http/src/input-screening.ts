import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { FieldProblem } from '#domain';
import { InputValidationException } from './validation.js';

/** Deepest nesting of objects and arrays a request body may have; no contract comes close. */
export const MAX_JSON_DEPTH = 64;

/** At most this many field problems are reported, so a hostile body cannot grow the answer. */
const MAX_REPORTED = 20;

export type ScreeningResult = { tooDeep: true } | { tooDeep: false; problems: FieldProblem[] };

// With the `u` flag a well-formed surrogate pair is one code point, so only a lone surrogate matches.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Property names of every object's prototype (`constructor`, `toString`, `__defineGetter__`...)
 * and `prototype`: class-validator's unknown-field check takes them for declared fields, so
 * they would pass into a record. No field of this API has such a name.
 */
const ReservedKeys = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/**
 * Finds what no handler can store: strings with NUL (PostgreSQL refuses it) or lone UTF-16
 * surrogates, reserved keys (`__proto__`, `constructor`...), and nesting deeper than `maxDepth`. Walks with an explicit
 * stack, since a hostile value may be nested deep enough to overflow any recursion.
 * Field paths are written as class-validator's are (`personnel.0.count`).
 */
export function screenInput(value: unknown, maxDepth = MAX_JSON_DEPTH): ScreeningResult {
  const problems: FieldProblem[] = [];
  const report = (field: string, problem: string) => {
    if (problems.length < MAX_REPORTED) problems.push({ field: field || '(body)', problems: [`${field || 'the body'} ${problem}`] });
  };
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field: '', depth: 0 }];
  while (pending.length > 0) {
    const { value: current, field, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const flaw = flawOf(current);
      if (flaw) report(field, `must not contain ${flaw}`);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return { tooDeep: true };
    // Pushed in reverse so fields are visited, and reported, in the order they were written.
    for (const [key, child] of Object.entries(current).reverse()) {
      // An offending property name is not echoed: it is part of the body.
      const flaw = flawOf(key);
      if (ReservedKeys.has(key)) report(field, `must not have a property named ${key}`);
      else if (flaw) report(field, `has a property name with ${flaw}`);
      else pending.push({ value: child, field: field ? `${field}.${key}` : key, depth: depth + 1 });
    }
  }
  return { tooDeep: false, problems };
}

function flawOf(text: string): string | undefined {
  if (text.includes('\u0000')) return 'NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(text)) return 'unpaired UTF-16 surrogates';
  return undefined;
}

/**
 * Express middleware placed right after the JSON body parser: refuses a body nested deeper
 * than MAX_JSON_DEPTH before class-transformer recurses into it, and any body or query
 * string holding text PostgreSQL cannot store, as a 400 naming each field.
 */
export function inputScreeningMiddleware(request: Request, _response: Response, next: NextFunction): void {
  const body = screenInput(request.body);
  if (body.tooDeep) return next(new BadRequestException(`The request body is nested deeper than ${MAX_JSON_DEPTH} levels`));
  const query = screenInput(request.query);
  if (query.tooDeep) return next(new BadRequestException(`The query string is nested deeper than ${MAX_JSON_DEPTH} levels`));
  const problems = [...body.problems, ...query.problems];
  next(problems.length > 0 ? new InputValidationException(problems) : undefined);
}
