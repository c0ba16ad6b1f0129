import { ValidationError, validate } from 'class-validator';
import { ArgumentValidationError, type MiddlewareFn, type ValidatorFn } from 'type-graphql';
import { badInput } from '../errors/app-errors';

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

/**
 * The path (`input.name`, `ids.2`) of the first string in `value` that holds U+0000, or null.
 * PostgreSQL cannot store that character in text, so it is refused at the edge.
 */
export function pathOfNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = pathOfNulCharacter(child, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/** Every field's arguments: no text with U+0000 (BAD_USER_INPUT naming the field). */
export const refuseNulCharacters: MiddlewareFn = ({ args }, next) => {
  const field = pathOfNulCharacter(args);
  if (field !== null) throw badInput(field, 'Text cannot contain the NUL character (U+0000).');
  return next();
};
