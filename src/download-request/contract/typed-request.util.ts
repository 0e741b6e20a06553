import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ValidatedRequest } from '../tinyshield/tinyshield-rule.types';
import { validateRequest } from '../tinyshield/tinyshield.util';
import { ContractClass, RuleContext, rulesOf } from './request-field.decorator';

/**
 * Checks `request` with the contract's TinyShield-compatible rules (the reference's messages and order) and
 * returns the validated request as an instance of the contract. The class-validator pass after it can only
 * fail if a rule and its declared type disagree — a bug, not bad input.
 */
export function validateContract<T extends object>(
  contract: ContractClass<T>,
  context: RuleContext,
  request: unknown,
): T {
  return typedRequest(contract, validateRequest(rulesOf(contract, context), request));
}

/** A validated (or stored) request as an instance of its contract, its declared types checked. */
export function typedRequest<T extends object>(contract: ContractClass<T>, validated: ValidatedRequest): T {
  const typed = withoutUnsetFields(plainToInstance(contract, validated));
  const errors = validateSync(typed, { forbidUnknownValues: false });
  if (errors.length)
    throw new Error(`${contract.name} does not match its rules: ${errors.map(String).join('; ')}`);
  return typed;
}

/**
 * Class fields exist on every instance (as `undefined` when the request lacks them); removing those keeps
 * "absent" absent, so a typed request spreads and serializes exactly like the validated JSON it came from.
 */
function withoutUnsetFields<T extends object>(instance: T): T {
  for (const [key, value] of Object.entries(instance)) {
    if (value === undefined) Reflect.deleteProperty(instance, key);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value))
      withoutUnsetFields(value as object);
  }
  return instance;
}
