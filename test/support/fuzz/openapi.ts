/** The part of an OpenAPI 3.0 document the hostile-input generator reads. */
export interface SchemaObject {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  $ref?: string;
  allOf?: SchemaObject[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  nullable?: boolean;
  example?: unknown;
  description?: string;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

/** One path + method of a document, its schemas resolved. */
export interface Operation {
  /** `POST /cases/{id}/close` */
  key: string;
  method: string;
  /** The path template, `{name}` for each path parameter. */
  path: string;
  pathParameters: ParameterObject[];
  queryParameters: ParameterObject[];
  headerParameters: ParameterObject[];
  body?: { mediaType: string; schema: SchemaObject };
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** Reads the document a service serves at GET /docs/openapi.json. */
export async function fetchOpenApi(baseUrl: string): Promise<OpenApiDocument> {
  const response = await fetch(`${baseUrl}/docs/openapi.json`);
  if (response.status !== 200) throw new Error(`${baseUrl}/docs/openapi.json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

/** Every operation of the document but the health probes and the document itself. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths)
    .filter(([path]) => !/^\/(health|docs)(\/|$)/.test(path))
    .flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => HTTP_METHODS.has(method))
        .map(([method, operation]) => {
          const parameters = (operation.parameters ?? []).map((parameter) => ({
            ...parameter,
            schema: resolveSchema(document, parameter.schema ?? {}),
          }));
          const [mediaType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
          return {
            key: `${method.toUpperCase()} ${path}`,
            method: method.toUpperCase(),
            path,
            pathParameters: parameters.filter((parameter) => parameter.in === 'path'),
            queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
            headerParameters: parameters.filter((parameter) => parameter.in === 'header'),
            body: mediaType ? { mediaType, schema: resolveSchema(document, content?.schema ?? {}) } : undefined,
          };
        }),
    );
}

/**
 * Follows `$ref` and merges `allOf`, down the whole tree. @nestjs/swagger writes a numeric
 * query property whose type it could not infer as `allOf: [Object]` with a minimum or maximum:
 * that is read as a number.
 */
export function resolveSchema(document: OpenApiDocument, schema: SchemaObject, seen: string[] = []): SchemaObject {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return { type: 'object' };
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`The document has no schema ${schema.$ref}`);
    return resolveSchema(document, target, [...seen, name]);
  }
  let merged: SchemaObject = { ...schema };
  if (schema.allOf) {
    const { allOf, ...own } = schema;
    const parts = allOf.map((part) => resolveSchema(document, part, seen));
    merged = Object.assign({}, ...parts, own) as SchemaObject;
    const inferredObject = merged.type === 'object' && Object.keys(merged.properties ?? {}).length === 0;
    if (inferredObject && (merged.minimum !== undefined || merged.maximum !== undefined)) merged = { ...merged, type: 'number' };
  }
  if (merged.properties) {
    merged.properties = Object.fromEntries(
      Object.entries(merged.properties).map(([name, property]) => [name, resolveSchema(document, property, seen)]),
    );
  }
  if (merged.items) merged.items = resolveSchema(document, merged.items, seen);
  return merged;
}
