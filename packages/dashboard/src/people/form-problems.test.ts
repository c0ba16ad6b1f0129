import { CombinedGraphQLErrors } from '@apollo/client';
import { problemsFromApi, summaryItems } from './form-problems';

const FIELDS = ['displayName', 'staffRef', 'fte', 'startDate'] as const;

function graphqlError(...errors: { message: string; extensions: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ data: null, errors });
}

describe('problemsFromApi', () => {
  it('puts each of the API’s field problems by its field', () => {
    const error = graphqlError({
      message: 'input.fte: FTE can be at most 1.5.',
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'input.fte',
        problems: [
          { field: 'input.fte', message: 'FTE can be at most 1.5.' },
          { field: 'input.staffRef', message: 'A staff reference is 1 to 64 letters.' },
        ],
      },
    });
    expect(problemsFromApi(error, FIELDS)).toEqual({
      fields: { fte: 'FTE can be at most 1.5.', staffRef: 'A staff reference is 1 to 64 letters.' },
      form: [],
    });
  });

  it('reads a single field error and a conflict on a field', () => {
    const error = graphqlError({
      message: 'Another staff member already has this staff reference.',
      extensions: { code: 'CONFLICT', field: 'input.staffRef' },
    });
    expect(problemsFromApi(error, FIELDS).fields).toEqual({
      staffRef: 'Another staff member already has this staff reference.',
    });
  });

  it('puts a problem with no field of the form at the top', () => {
    const error = graphqlError({
      message: 'You can only manage staff in the services you manage.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(problemsFromApi(error, FIELDS)).toEqual({
      fields: {},
      form: ['You can only manage staff in the services you manage.'],
    });
  });

  it('never shows the message of an internal error', () => {
    const error = graphqlError({
      message: 'relation "staff_members" does not exist',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const problems = problemsFromApi(error, FIELDS);
    expect(problems.form).toEqual(['Sorry, there is a problem with the service. Try again later.']);
  });

  it('words a network failure', () => {
    expect(problemsFromApi(new Error('Failed to fetch'), FIELDS).form).toEqual([
      'We could not reach Holdspace. Check your internet connection and try again.',
    ]);
  });

  it('lists the summary: the form first, then fields in page order', () => {
    expect(
      summaryItems(
        {
          fields: { startDate: 'Enter the start date', displayName: 'Enter a name' },
          form: ['Oops'],
        },
        FIELDS,
      ),
    ).toEqual([
      { message: 'Oops' },
      { message: 'Enter a name', fieldId: 'displayName' },
      { message: 'Enter the start date', fieldId: 'startDate' },
    ]);
  });
});
