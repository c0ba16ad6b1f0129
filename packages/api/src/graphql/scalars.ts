import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isValidIsoDate } from '@holdspace/shared';

/** Dates outside these years are typing mistakes in this domain (and PostgreSQL refuses year 0). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

function parseCalendarDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValidIsoDate(value)) {
    throw new GraphQLError(
      'A date must be a real calendar date written YYYY-MM-DD, like 2026-03-31.',
    );
  }
  const year = Number(value.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new GraphQLError(`A date must be between the years ${MIN_YEAR} and ${MAX_YEAR}.`);
  }
  return value;
}

/**
 * A calendar date, `YYYY-MM-DD`, with no time of day (metrics.md's dates).
 * Impossible dates (2023-02-29) and implausible years are refused with BAD_USER_INPUT.
 */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date, YYYY-MM-DD, with no time of day or time zone.',
  serialize: (value) => {
    if (typeof value === 'string' && isValidIsoDate(value)) return value;
    throw new GraphQLError('Not a calendar date.');
  },
  parseValue: parseCalendarDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('A date must be a string written YYYY-MM-DD.');
    return parseCalendarDate(ast.value);
  },
});
