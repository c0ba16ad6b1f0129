import {
  EMPTY_STAFF_FORM,
  erasableFrom,
  parseFte,
  STAFF_MESSAGES,
  staffFormValues,
  toUpdateInput,
  validateLeaverForm,
  validateStaffForm,
  type StaffFormValues,
} from './staff-form';

const valid: StaffFormValues = {
  displayName: '  Aisha Jones ',
  staffRef: 'NOR-10022',
  serviceId: 'svc-1',
  roleTitle: '',
  practitionerType: 'Counsellor',
  fte: '0.8',
  startDate: '3/3/2025',
  requiresSupervision: true,
};

describe('validateStaffForm', () => {
  it('gives the API input for a good form: trimmed, empty optional text as null', () => {
    expect(validateStaffForm(valid)).toEqual({
      ok: true,
      input: {
        displayName: 'Aisha Jones',
        staffRef: 'NOR-10022',
        serviceId: 'svc-1',
        roleTitle: null,
        practitionerType: 'Counsellor',
        fte: 0.8,
        startDate: '2025-03-03',
        requiresSupervision: true,
      },
    });
  });

  it('asks for everything required on an empty form', () => {
    const result = validateStaffForm({ ...EMPTY_STAFF_FORM, fte: '' });
    expect(result).toEqual({
      ok: false,
      errors: {
        displayName: STAFF_MESSAGES.nameOrRef,
        serviceId: STAFF_MESSAGES.service,
        fte: STAFF_MESSAGES.fteMissing,
        startDate: 'Enter the start date',
      },
    });
  });

  it('accepts a reference without a name, and a name without a reference', () => {
    expect(validateStaffForm({ ...valid, displayName: '' }).ok).toBe(true);
    expect(validateStaffForm({ ...valid, staffRef: ' ' }).ok).toBe(true);
  });

  it.each([
    ['0', STAFF_MESSAGES.ftePositive],
    ['0.0001', STAFF_MESSAGES.ftePositive],
    ['-1', STAFF_MESSAGES.fteNumber],
    ['1.51', STAFF_MESSAGES.fteMax],
    ['2', STAFF_MESSAGES.fteMax],
    ['full time', STAFF_MESSAGES.fteNumber],
    ['1e0', STAFF_MESSAGES.fteNumber],
  ])('refuses an FTE of %j', (fte, message) => {
    const result = validateStaffForm({ ...valid, fte });
    expect(result.ok ? undefined : result.errors.fte).toBe(message);
  });

  it.each(['1.5', '0.001', '.5', '0,8', ' 1 '])('accepts an FTE of %j', (fte) => {
    expect(validateStaffForm({ ...valid, fte }).ok).toBe(true);
  });

  it('mirrors the API on staff references', () => {
    const bad = validateStaffForm({ ...valid, staffRef: 'NOR 10022' });
    expect(bad.ok ? undefined : bad.errors.staffRef).toBe(STAFF_MESSAGES.refCharacters);
    const long = validateStaffForm({ ...valid, staffRef: 'A'.repeat(65) });
    expect(long.ok ? undefined : long.errors.staffRef).toBe(STAFF_MESSAGES.refTooLong);
    expect(validateStaffForm({ ...valid, staffRef: 'A.b_c/1-2' }).ok).toBe(true);
  });

  it('mirrors the API on lengths', () => {
    const result = validateStaffForm({
      ...valid,
      displayName: 'x'.repeat(201),
      roleTitle: 'x'.repeat(121),
      practitionerType: 'x'.repeat(81),
    });
    expect(result.ok ? {} : result.errors).toEqual({
      displayName: STAFF_MESSAGES.nameTooLong,
      roleTitle: STAFF_MESSAGES.roleTitleTooLong,
      practitionerType: STAFF_MESSAGES.practitionerTypeTooLong,
    });
  });

  it('refuses a start date that is not a real date', () => {
    const result = validateStaffForm({ ...valid, startDate: '29/2/2025' });
    expect(result.ok ? undefined : result.errors.startDate).toBe(
      'The start date must be a real date',
    );
  });

  it('for a leaver, refuses a start date after their last day', () => {
    const result = validateStaffForm(valid, { endDate: '2025-01-31' });
    expect(result.ok ? undefined : result.errors.startDate).toBe(
      'The start date must be on or before their last day (31 January 2025)',
    );
    expect(validateStaffForm(valid, { endDate: '2025-03-03' }).ok).toBe(true);
  });
});

describe('editing', () => {
  const person = {
    displayName: 'Aisha Jones',
    staffRef: null,
    service: { id: 'svc-2' },
    roleTitle: 'Lead',
    practitionerType: null,
    fte: 0.6,
    startDate: '2024-12-27',
    requiresSupervision: false,
  };

  it('fills the form from the record', () => {
    expect(staffFormValues(person)).toEqual({
      displayName: 'Aisha Jones',
      staffRef: '',
      serviceId: 'svc-2',
      roleTitle: 'Lead',
      practitionerType: '',
      fte: '0.6',
      startDate: '27/12/2024',
      requiresSupervision: false,
    });
  });

  it('sends every field, cleared ones as null, so the record matches the form', () => {
    const result = validateStaffForm({ ...staffFormValues(person), roleTitle: '' });
    if (!result.ok) throw new Error('expected a valid form');
    expect(toUpdateInput(result.input)).toEqual({
      displayName: 'Aisha Jones',
      staffRef: null,
      serviceId: 'svc-2',
      roleTitle: null,
      practitionerType: null,
      fte: 0.6,
      startDate: '2024-12-27',
      requiresSupervision: false,
    });
  });
});

describe('parseFte', () => {
  it('reads decimals as people type them', () => {
    expect(parseFte('0.8')).toBe(0.8);
    expect(parseFte('.5')).toBe(0.5);
    expect(parseFte('1.')).toBe(1);
    expect(parseFte('0,75')).toBe(0.75);
    expect(parseFte('')).toBeNull();
    expect(parseFte('1/2')).toBeNull();
    expect(parseFte('Infinity')).toBeNull();
  });
});

describe('validateLeaverForm', () => {
  const context = { startDate: '2025-03-03' };

  it('gives the API input', () => {
    expect(
      validateLeaverForm({ endDate: '31/10/2026', leavingReason: 'RESIGNATION' }, context),
    ).toEqual({ ok: true, input: { endDate: '2026-10-31', leavingReason: 'RESIGNATION' } });
  });

  it('asks for a last day and a reason', () => {
    expect(validateLeaverForm({ endDate: '', leavingReason: '' }, context)).toEqual({
      ok: false,
      errors: {
        endDate: 'Enter the last day of employment',
        leavingReason: STAFF_MESSAGES.leavingReason,
      },
    });
  });

  it('refuses a last day before the start date (the same day is fine)', () => {
    const result = validateLeaverForm({ endDate: '2/3/2025', leavingReason: 'OTHER' }, context);
    expect(result.ok ? undefined : result.errors.endDate).toBe(
      'The last day of employment must be on or after their start date (3 March 2025)',
    );
    expect(validateLeaverForm({ endDate: '3/3/2025', leavingReason: 'OTHER' }, context).ok).toBe(
      true,
    );
  });

  it('refuses a reason the API does not know', () => {
    const result = validateLeaverForm({ endDate: '1/1/2026', leavingReason: 'BORED' }, context);
    expect(result.ok ? undefined : result.errors.leavingReason).toBe(STAFF_MESSAGES.leavingReason);
  });
});

describe('erasableFrom', () => {
  it('is the day after the retention period ends', () => {
    expect(erasableFrom('2024-01-31', 24)).toBe('2026-02-01');
    expect(erasableFrom('2024-02-29', 12)).toBe('2025-03-01');
    expect(erasableFrom('2025-06-15', 72)).toBe('2031-06-16');
  });
});
