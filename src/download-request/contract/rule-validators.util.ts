import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  ValidateIf,
} from 'class-validator';
import { MemberRule, ValueRule } from '../tinyshield/tinyshield-rule.types';

/**
 * The class-validator checks of a rule's *output* (what the TinyShield-compatible validator returns): the
 * typed request is checked against them once, when it is built, so its declared types hold.
 */
export function typedOutputValidators(rule: MemberRule): PropertyDecorator[] {
  const presence: PropertyDecorator[] = rule.required || rule.default !== undefined ? [] : [IsOptional()];
  const nullable: PropertyDecorator[] =
    rule.allowNulls || rule.default === null ? [ValidateIf((_, value) => value !== null)] : [];
  return [...presence, ...nullable, ...valueValidators(rule, false)];
}

function valueValidators(rule: ValueRule, each: boolean): PropertyDecorator[] {
  const options = { each };
  switch (rule.type) {
    case 'integer':
      return [IsInt(options)];
    case 'float':
      return [IsNumber({}, options)];
    case 'boolean':
      return [IsBoolean(options)];
    case 'text':
      return [IsString(options)];
    case 'enum':
      return rule.values.length ? [IsIn([...rule.values], options)] : [IsString(options)];
    case 'date':
      return [Matches(/^\d{4}-\d{2}-\d{2}$/, options)];
    case 'array':
      // Nested arrays and unions are left to the validator that produced them.
      return each
        ? []
        : [IsArray(), ...(rule.items.type === 'array' ? [] : valueValidators(rule.items, true))];
    case 'object':
      return [IsObject(options)];
    case 'any':
      return [];
  }
}
