import {
  changedSettings,
  COMMISSIONER_SETTINGS_FIELDS,
  parseAmount,
  parseWholeNumber,
  SETTINGS_FIELDS,
  SETTINGS_MESSAGES as M,
  settingsFieldsFor,
  settingsProblems,
  settingsToParsed,
  settingsToValues,
  validateSettings,
  type OrganisationSettings,
  type SettingsValues,
} from './settings-form';
import { CombinedGraphQLErrors } from '@apollo/client';

const SETTINGS: OrganisationSettings = {
  __typename: 'OrganisationSettings',
  name: 'Northside Family Support',
  timeZone: 'Europe/London',
  currency: 'GBP',
  defaultInterval: 'MONTHLY',
  countedFormats: ['GROUP', 'ONE_TO_ONE'],
  supervisionCostPerWorkerYear: 563,
  recruitmentCostPerLeaver: 1612.5,
  costDefaultsSource: 'One charity’s published evaluation.',
  suppressionThreshold: 5,
  retentionMonths: 72,
};

const valid = (): SettingsValues => settingsToValues(SETTINGS);

describe('settingsToValues', () => {
  it('puts the settings into the form as text, formats in display order', () => {
    expect(valid()).toEqual({
      name: 'Northside Family Support',
      timeZone: 'Europe/London',
      currency: 'GBP',
      defaultInterval: 'MONTHLY',
      countedFormats: ['ONE_TO_ONE', 'GROUP'],
      supervisionCostPerWorkerYear: '563',
      recruitmentCostPerLeaver: '1612.50',
      suppressionThreshold: '5',
      retentionMonths: '72',
    });
  });
});

describe('validateSettings', () => {
  it('accepts the settings as loaded, and parses them back unchanged', () => {
    const { errors, parsed } = validateSettings(valid());
    expect(errors).toEqual({});
    expect(parsed).toEqual(settingsToParsed(SETTINGS));
  });

  it('asks for every missing answer, in GOV.UK words', () => {
    const { errors, parsed } = validateSettings({
      ...valid(),
      name: '   ',
      countedFormats: [],
      supervisionCostPerWorkerYear: '',
      recruitmentCostPerLeaver: ' ',
      suppressionThreshold: '',
      retentionMonths: '',
    });
    expect(parsed).toBeUndefined();
    expect(errors).toEqual({
      name: M.nameMissing,
      countedFormats: M.formatsMissing,
      supervisionCostPerWorkerYear: M.supervisionCostMissing,
      recruitmentCostPerLeaver: M.recruitmentCostMissing,
      suppressionThreshold: M.suppressionMissing,
      retentionMonths: M.retentionMissing,
    });
  });

  it('refuses a name over 200 characters', () => {
    expect(validateSettings({ ...valid(), name: 'x'.repeat(201) }).errors).toEqual({
      name: M.nameTooLong,
    });
    expect(validateSettings({ ...valid(), name: 'x'.repeat(200) }).errors).toEqual({});
  });

  it('trims the name', () => {
    expect(validateSettings({ ...valid(), name: '  Northside  ' }).parsed?.name).toBe('Northside');
  });

  it('keeps the small-number threshold between 3 and 50 (never below 3)', () => {
    const threshold = (value: string) =>
      validateSettings({ ...valid(), suppressionThreshold: value }).errors.suppressionThreshold;
    expect(threshold('2')).toBe(M.suppressionRange);
    expect(threshold('0')).toBe(M.suppressionRange);
    expect(threshold('-5')).toBe(M.suppressionRange);
    expect(threshold('51')).toBe(M.suppressionRange);
    expect(threshold('3')).toBeUndefined();
    expect(threshold('50')).toBeUndefined();
    expect(threshold('5.5')).toBe(M.suppressionFormat);
    expect(threshold('five')).toBe(M.suppressionFormat);
  });

  it('keeps the retention period between 12 and 240 months', () => {
    const retention = (value: string) =>
      validateSettings({ ...valid(), retentionMonths: value }).errors.retentionMonths;
    expect(retention('11')).toBe(M.retentionRange);
    expect(retention('241')).toBe(M.retentionRange);
    expect(retention('12')).toBeUndefined();
    expect(retention('240')).toBeUndefined();
    expect(retention('6 years')).toBe(M.retentionFormat);
  });

  it('checks costs are amounts of money from 0 to 1,000,000 with at most 2 decimals', () => {
    const cost = (value: string) =>
      validateSettings({ ...valid(), supervisionCostPerWorkerYear: value }).errors
        .supervisionCostPerWorkerYear;
    expect(cost('0')).toBeUndefined();
    expect(cost('1000000')).toBeUndefined();
    expect(cost('1000000.01')).toBe(M.supervisionCostRange);
    expect(cost('-1')).toBe(M.supervisionCostRange);
    expect(cost('563.555')).toBe(M.supervisionCostFormat);
    expect(cost('lots')).toBe(M.supervisionCostFormat);
    expect(
      validateSettings({ ...valid(), recruitmentCostPerLeaver: '1,61' }).errors
        .recruitmentCostPerLeaver,
    ).toBe(M.recruitmentCostFormat);
  });

  it('reads costs written with a currency symbol or thousands separators', () => {
    const { parsed } = validateSettings({
      ...valid(),
      supervisionCostPerWorkerYear: '£563.00',
      recruitmentCostPerLeaver: '1,612.5',
    });
    expect(parsed?.supervisionCostPerWorkerYear).toBe(563);
    expect(parsed?.recruitmentCostPerLeaver).toBe(1612.5);
  });

  it('needs a time zone and a three-letter currency', () => {
    expect(validateSettings({ ...valid(), timeZone: '', currency: 'pounds' }).errors).toEqual({
      timeZone: M.timeZoneMissing,
      currency: M.currencyMissing,
    });
  });
});

describe('the settings of each kind of organisation', () => {
  it('gives a provider every setting and a commissioner only those that apply to it', () => {
    for (const kind of ['SCHOOL', 'NGO', 'CARE_PROVIDER', 'HEALTH', 'LOCAL_AUTHORITY'] as const) {
      expect(settingsFieldsFor(kind)).toEqual(SETTINGS_FIELDS);
    }
    expect(settingsFieldsFor('COMMISSIONER')).toEqual(['name', 'timeZone', 'suppressionThreshold']);
  });

  it('checks only the fields asked for, and parses exactly those', () => {
    // What a commissioner is not shown cannot stop it saving what it is shown.
    const values: SettingsValues = {
      ...valid(),
      name: '  County  ',
      suppressionThreshold: '7',
      countedFormats: [],
      currency: '',
      retentionMonths: 'forever',
    };
    expect(validateSettings(values, COMMISSIONER_SETTINGS_FIELDS)).toEqual({
      errors: {},
      parsed: { name: 'County', timeZone: 'Europe/London', suppressionThreshold: 7 },
    });
    // Its own fields are still checked.
    expect(
      validateSettings({ ...values, suppressionThreshold: '2' }, COMMISSIONER_SETTINGS_FIELDS),
    ).toEqual({ errors: { suppressionThreshold: M.suppressionRange } });
    // Every field, by default.
    expect(validateSettings(values).errors).toEqual({
      currency: M.currencyMissing,
      countedFormats: M.formatsMissing,
      retentionMonths: M.retentionFormat,
    });
  });

  it('sends only what changed of the fields checked', () => {
    const before = settingsToParsed(SETTINGS);
    expect(changedSettings(before, { name: 'County', timeZone: 'Europe/London' })).toEqual({
      name: 'County',
    });
  });
});

describe('parseAmount and parseWholeNumber', () => {
  it.each([
    ['563', 563],
    [' 563 ', 563],
    ['563.5', 563.5],
    ['1,612', 1612],
    ['1,000,000', 1_000_000],
    ['€20', 20],
  ])('reads %p as %p', (text, value) => {
    expect(parseAmount(text)).toEqual({ ok: true, value });
  });

  it.each(['1,6120', '1.2.3', '.5', '5.', '1e3', 'Infinity', '0x10'])('refuses %p', (text) => {
    expect(parseAmount(text)).toEqual({ ok: false, problem: 'format' });
  });

  it('reads whole numbers only', () => {
    expect(parseWholeNumber(' 7 ', 1, 10)).toEqual({ ok: true, value: 7 });
    expect(parseWholeNumber('7.0', 1, 10)).toEqual({ ok: false, problem: 'format' });
    expect(parseWholeNumber('', 1, 10)).toEqual({ ok: false, problem: 'missing' });
  });
});

describe('changedSettings', () => {
  it('sends only what changed', () => {
    const before = settingsToParsed(SETTINGS);
    expect(changedSettings(before, before)).toEqual({});
    expect(
      changedSettings(before, {
        ...before,
        retentionMonths: 84,
        countedFormats: ['ONE_TO_ONE', 'GROUP', 'PEER'],
      }),
    ).toEqual({ retentionMonths: 84, countedFormats: ['ONE_TO_ONE', 'GROUP', 'PEER'] });
  });
});

describe('settingsProblems', () => {
  it('puts the API’s field problems on the form’s fields', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'input.suppressionThreshold: Small numbers are always suppressed below 3 staff',
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'input.suppressionThreshold',
            problems: [
              {
                field: 'input.suppressionThreshold',
                message: 'Small numbers are always suppressed below 3 staff; choose 3 or more.',
              },
              { field: 'input.currency', message: 'Give a three-letter code.' },
            ],
          },
        },
      ],
    });
    expect(settingsProblems(error)).toEqual({
      fields: {
        suppressionThreshold:
          'Small numbers are always suppressed below 3 staff; choose 3 or more.',
        currency: 'Give a three-letter code.',
      },
      form: [],
    });
  });

  it('words an error that is not about a field for the whole form', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(settingsProblems(error)).toEqual({
      fields: {},
      form: [
        'You do not have access to this. Your role in this organisation does not let you see this. If you need it, ask your organisation admin.',
      ],
    });
  });
});
