import 'reflect-metadata';
import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { FieldRule, KEY_PATH_SEPARATOR, MemberRule } from '../tinyshield/tinyshield-rule.types';
import { schemaOf } from './rule-schema.util';
import { typedOutputValidators } from './rule-validators.util';

/**
 * What the rules of some routes depend on: the DEFC codes of the database, today's date, and which of a
 * route's two forms the body takes. The contract is one class; these values fill it in per request.
 */
export interface RuleContext {
  /** Every code of the disaster_emergency_fund_code table, sorted. */
  readonly defCodes: readonly string[];
  /** The COVID-19 codes among them, sorted. */
  readonly covidCodes: readonly string[];
  /** `YYYY-MM-DD`, the default end of open date ranges. */
  readonly today: string;
  /** The bulk award route's seed form (`award_levels` + `award_types` categories). */
  readonly seedForm: boolean;
  /** The count route also accepts `filters.recipient_id`. */
  readonly recipientId: boolean;
}

/** The context the OpenAPI document is built with: the values known only at request time stay open. */
export const DOCUMENTATION_CONTEXT: RuleContext = {
  defCodes: [],
  covidCodes: [],
  today: '',
  seedForm: true,
  recipientId: true,
};

export type FieldSpec = MemberRule | ((context: RuleContext) => MemberRule);

export interface FieldOptions {
  readonly description?: string;
  readonly example?: unknown;
  /** The field exists only in some forms of the request. */
  readonly when?: (context: RuleContext) => boolean;
  /**
   * Checked right after this key path rather than in declaration order (the reference checks the seed form's
   * `filters|award_types` after the top-level `award_levels`).
   */
  readonly after?: string;
  /** Checked like any field but left out of the document: the route sets it, a client value is replaced. */
  readonly hidden?: boolean;
}

type Entry =
  | {
      readonly kind: 'field';
      readonly property: string;
      readonly spec: FieldSpec;
      readonly options: FieldOptions;
    }
  | { readonly kind: 'group'; readonly property: string; readonly group: () => ContractClass };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a contract class takes no constructor arguments
export type ContractClass<T = object> = new (...args: any[]) => T;

const ENTRIES = Symbol('request-contract-entries');

function entriesOf(target: object): Entry[] {
  const own = Reflect.getOwnMetadata(ENTRIES, target) as Entry[] | undefined;
  if (own) return own;
  const list: Entry[] = [];
  Reflect.defineMetadata(ENTRIES, list, target);
  return list;
}

const resolve = (spec: FieldSpec, context: RuleContext): MemberRule =>
  typeof spec === 'function' ? spec(context) : spec;

/**
 * One field of a request contract: its TinyShield-compatible rule (the checks and their messages), and from
 * the same rule its OpenAPI schema and the class-validator checks of the validated, typed value.
 */
export function RequestField(spec: FieldSpec, options: FieldOptions = {}): PropertyDecorator {
  return (target, property) => {
    entriesOf(target.constructor).push({ kind: 'field', property: String(property), spec, options });
    const rule = resolve(spec, DOCUMENTATION_CONTEXT);
    // A field of only some forms may be absent from a valid request.
    const present = options.when ? { ...rule, required: false } : rule;
    for (const decorate of typedOutputValidators(present)) decorate(target, property);
    if (options.hidden) return;
    const schema: SchemaObject = {
      ...schemaOf(rule),
      ...(options.description ? { description: options.description } : {}),
      ...(options.example !== undefined ? { example: options.example } : {}),
    };
    ApiProperty({
      ...(schema as Record<string, unknown>),
      required: rule.required === true && (options.when === undefined || options.when(DOCUMENTATION_CONTEXT)),
    })(target, property);
  };
}

/**
 * A field a route checks with its own code before the rules (its reference-compatible messages need it), so
 * it has no TinyShield rule; the schema documents what that code accepts.
 */
export function CheckedByRoute(schema: MemberRule, options: FieldOptions = {}): PropertyDecorator {
  return (target, property) => {
    if (schema.required === true) requiredByRoute(target.constructor).push(String(property));
    ApiProperty({
      ...(schemaOf(schema) as Record<string, unknown>),
      required: schema.required === true,
      ...(options.description ? { description: options.description } : {}),
      ...(options.example !== undefined ? { example: options.example } : {}),
    })(target, property);
  };
}

const ROUTE_REQUIRED = Symbol('route-checked-required-fields');

function requiredByRoute(target: object): string[] {
  const own = Reflect.getOwnMetadata(ROUTE_REQUIRED, target) as string[] | undefined;
  if (own) return own;
  const list: string[] = [];
  Reflect.defineMetadata(ROUTE_REQUIRED, list, target);
  return list;
}

/**
 * The required fields a route checks itself, in declaration order: the route's own presence check reads
 * them from its contract, so the document and the check cannot disagree.
 */
export function requiredRouteFields(contract: ContractClass): readonly string[] {
  return [...requiredByRoute(contract)];
}

/** A nested object whose fields are checked as `<property>|<field>` key paths, in their declaration order. */
export function RequestGroup(group: () => ContractClass, description?: string): PropertyDecorator {
  return (target, property) => {
    entriesOf(target.constructor).push({ kind: 'group', property: String(property), group });
    // @nestjs/swagger resolves a type thunk lazily only when the function is named `type`.
    const type = () => group();
    ApiProperty({ type, required: false, ...(description ? { description } : {}) })(target, property);
    IsOptional()(target, property);
    ValidateNested()(target, property);
    Type(group)(target, property);
  };
}

/** The TinyShield rule list of a contract: every field with its key path, in the order the checks run. */
export function rulesOf(contract: ContractClass, context: RuleContext): FieldRule[] {
  const rules: FieldRule[] = [];
  const placed: [after: string, rule: FieldRule][] = [];
  collect(contract, context, '', rules, placed);
  for (const [after, rule] of placed) {
    const index = rules.findIndex((candidate) => candidate.key === after);
    rules.splice(index < 0 ? rules.length : index + 1, 0, rule);
  }
  return rules;
}

function collect(
  contract: ContractClass,
  context: RuleContext,
  prefix: string,
  rules: FieldRule[],
  placed: [string, FieldRule][],
): void {
  for (const entry of entriesOf(contract)) {
    const key = `${prefix}${entry.property}`;
    if (entry.kind === 'group') {
      collect(entry.group(), context, `${key}${KEY_PATH_SEPARATOR}`, rules, placed);
      continue;
    }
    if (entry.options.when && !entry.options.when(context)) continue;
    const rule = { ...resolve(entry.spec, context), key } as FieldRule;
    if (entry.options.after) placed.push([entry.options.after, rule]);
    else rules.push(rule);
  }
}

/** A request-time context: the values a route's rules need, the rest empty. */
export const ruleContext = (values: Partial<RuleContext> = {}): RuleContext => ({
  defCodes: [],
  covidCodes: [],
  today: '',
  seedForm: false,
  recipientId: false,
  ...values,
});
