import { ValidationError, validate } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

/**
 * Validates an argument with class-validator (the schema's own settings) and
 * reports its fields under the argument's name, as the client sent them
 * (`input.fte`, `filter.search`), so `extensions.field` names a real path.
 * Use as `@Arg('input', () => X, { validateFn: validateAs('input') })`.
 */
export function validateAs(argName: string): ValidatorFn {
  return async (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    const errors = await validate(value as object, {
      forbidUnknownValues: true,
      skipMissingProperties: true,
      validationError: { target: false, value: false },
    });
    if (errors.length === 0) return;
    const parent = new ValidationError();
    parent.property = argName;
    parent.children = errors;
    parent.constraints = {};
    throw new ArgumentValidationError([parent]);
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is answered like an id that does not exist. */
export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);
