import { ApiError, ApiErrorCode } from '../../common/api-error';
import { pythonRepr, pythonStr } from './python-repr.util';

/**
 * The reference validator's exact message templates (docs/compatibility.md#request-validation-messages) with their status: type, enum, unexpected-field
 * and empty-object errors are 400; missing values, bounds and failed "any" rules are 422.
 */

/** `Invalid value in '<key>'. '<value>' is not a valid type (<type>)` + an optional hint (`. Use true/false`). */
export function invalidTypeError(
  key: string,
  value: unknown,
  typeName: string,
  hint = '',
  code: ApiErrorCode = ApiErrorCode.InvalidParameter,
): ApiError {
  return new ApiError(
    code,
    `Invalid value in '${key}'. '${pythonStr(value)}' is not a valid type (${typeName})${hint}`,
  );
}

/** `Field '<key>' value '<value>' is above max '<max>'`; length checks append ` items` (strings included). */
export function aboveMaxError(key: string, shownValue: string, max: string, items: boolean): ApiError {
  const suffix = items ? ' items' : '';
  return new ApiError(
    ApiErrorCode.UnprocessableEntity,
    `Field '${key}' value '${shownValue}' is above max '${max}'${suffix}`,
  );
}

/** `Field '<key>' value '<value>' is below min '<min>'`; length checks append ` items`. */
export function belowMinError(key: string, shownValue: string, min: string, items: boolean): ApiError {
  const suffix = items ? ' items' : '';
  return new ApiError(
    ApiErrorCode.UnprocessableEntity,
    `Field '${key}' value '${shownValue}' is below min '${min}'${suffix}`,
  );
}

/** `Field '<key>' is outside valid values ['a', 'b']`. */
export function outsideValidValuesError(key: string, values: readonly unknown[]): ApiError {
  return new ApiError(
    ApiErrorCode.InvalidParameter,
    `Field '${key}' is outside valid values ${pythonRepr(values)}`,
  );
}

/** `'<key>' is empty. Please populate object`. */
export function emptyObjectError(key: string): ApiError {
  return new ApiError(ApiErrorCode.InvalidParameter, `'${key}' is empty. Please populate object`);
}

/** `Unexpected field '<member>' in parameter <key>` (the key path is not quoted here). */
export function unexpectedFieldError(member: string, key: string): ApiError {
  return new ApiError(ApiErrorCode.InvalidParameter, `Unexpected field '${member}' in parameter ${key}`);
}

/** `Required object fields: [<every declared member, in declaration order>]`. */
export function requiredObjectFieldsError(memberNames: readonly string[]): ApiError {
  return new ApiError(ApiErrorCode.UnprocessableEntity, `Required object fields: ${pythonRepr(memberNames)}`);
}

/** `Missing value: '<key>' is a required field`. */
export function missingValueError(key: string): ApiError {
  return new ApiError(ApiErrorCode.UnprocessableEntity, `Missing value: '${key}' is a required field`);
}
