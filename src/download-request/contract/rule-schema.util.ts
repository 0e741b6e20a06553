import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { MAX_ITEMS, MemberRule, ValueRule } from '../tinyshield/tinyshield-rule.types';

const INT64_MAX = Number.MAX_SAFE_INTEGER;

/** The validator reads a bound of 0 as "no bound" (see IntegerRule); the schema says the same. */
const bound = (value: number | undefined, key: 'minimum' | 'maximum'): SchemaObject =>
  value === undefined || value === 0 || Math.abs(value) >= INT64_MAX ? {} : { [key]: value };

/** The OpenAPI schema of what a rule accepts: type, enum, bounds, default, nullability. */
export function schemaOf(rule: MemberRule | ValueRule): SchemaObject {
  // A default known only at request time (today's date) is documented as none.
  const presence =
    'default' in rule && rule.default !== undefined && rule.default !== '' ? { default: rule.default } : {};
  const nullable = rule.allowNulls || ('default' in rule && rule.default === null) ? { nullable: true } : {};
  return { ...valueSchema(rule), ...presence, ...nullable };
}

function valueSchema(rule: ValueRule): SchemaObject {
  switch (rule.type) {
    case 'integer':
      return { type: 'integer', ...bound(rule.min, 'minimum'), ...bound(rule.max, 'maximum') };
    case 'float':
      return { type: 'number', ...bound(rule.min, 'minimum'), ...bound(rule.max, 'maximum') };
    case 'boolean':
      return { type: 'boolean' };
    case 'text':
      return {
        type: 'string',
        minLength: Math.max(1, rule.textMin ?? 1),
        maxLength: rule.textMax ?? MAX_ITEMS,
      };
    case 'enum': {
      // Codes read from the database at request time are not known to the document.
      if (!rule.values.length) return { type: 'string' };
      const numeric = rule.values.every((value) => typeof value === 'number');
      return { type: numeric ? 'integer' : 'string', enum: [...rule.values] };
    }
    case 'date':
      return { type: 'string', format: 'date' };
    case 'array':
      return {
        type: 'array',
        items: schemaOf(rule.items),
        minItems: Math.max(1, rule.min ?? 1),
        maxItems: rule.max ?? MAX_ITEMS,
      };
    case 'object': {
      const members = Object.entries(rule.members);
      const required = members.filter(([, member]) => member.required).map(([name]) => name);
      return {
        type: 'object',
        properties: Object.fromEntries(members.map(([name, member]) => [name, schemaOf(member)])),
        ...(required.length ? { required } : {}),
        additionalProperties: false,
      };
    }
    case 'any':
      return { oneOf: rule.models.map((model) => schemaOf(model)) };
  }
}
