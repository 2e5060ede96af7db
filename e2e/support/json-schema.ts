type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
};

const typeOf = (value: unknown) =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "array"
      : Number.isInteger(value)
        ? "integer"
        : typeof value;

/**
 * Checks `value` against the subset of JSON Schema our OpenAPI document uses ($ref, type, enum,
 * required, properties, items, additionalProperties: false). Returns the problems found.
 */
export function schemaProblems(
  value: unknown,
  schema: Schema,
  root: { components: { schemas: Record<string, Schema> } },
  at = "$",
): string[] {
  if (schema.$ref)
    return schemaProblems(value, root.components.schemas[schema.$ref.split("/").pop()!]!, root, at);
  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    const ok = allowed.includes(actual) || (actual === "integer" && allowed.includes("number"));
    if (!ok) return [`${at}: ${actual} is not ${allowed.join(" | ")}`];
  }
  if (value === null) return problems;
  if (schema.enum && !schema.enum.includes(value))
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? [])
      if (!(key in object)) problems.push(`${at}.${key}: missing`);
    for (const [key, child] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property) problems.push(...schemaProblems(child, property, root, `${at}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${at}.${key}: not allowed`);
    }
  }
  if (actual === "array" && schema.items) {
    (value as unknown[]).forEach((item, index) =>
      problems.push(...schemaProblems(item, schema.items!, root, `${at}[${index}]`)),
    );
  }
  return problems;
}
