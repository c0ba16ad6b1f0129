import { CombinedGraphQLErrors } from '@apollo/client';
import {
  inviteProblems,
  MEMBER_MESSAGES as M,
  roleProblems,
  servicesFor,
  validateInvite,
  validateRoleChange,
  type InviteValues,
} from './member-form';
import { rolesFor } from './labels';

const NGO_ROLES = rolesFor('NGO');
const valid: InviteValues = {
  email: 'nia@northside.example',
  displayName: 'Nia New',
  role: 'SUPERVISOR',
  managedServiceIds: [],
};

describe('validateInvite', () => {
  it('accepts a complete invitation', () => {
    expect(validateInvite(valid, NGO_ROLES, true)).toEqual({});
  });

  it('asks for everything missing', () => {
    expect(
      validateInvite(
        { email: ' ', displayName: '', role: '', managedServiceIds: [] },
        NGO_ROLES,
        true,
      ),
    ).toEqual({
      inviteEmail: M.emailMissing,
      inviteName: M.nameMissing,
      inviteRole: M.roleMissing,
    });
  });

  it('checks the email address looks like one', () => {
    expect(validateInvite({ ...valid, email: 'nia.northside' }, NGO_ROLES, true)).toEqual({
      inviteEmail: M.emailFormat,
    });
  });

  it('refuses names over 200 characters', () => {
    expect(validateInvite({ ...valid, displayName: 'n'.repeat(201) }, NGO_ROLES, true)).toEqual({
      inviteName: M.nameTooLong,
    });
  });

  it('refuses a role the organisation cannot give', () => {
    expect(validateInvite({ ...valid, role: 'COMMISSIONER_ANALYST' }, NGO_ROLES, true)).toEqual({
      inviteRole: M.roleNotOffered,
    });
  });

  it('asks which services a service manager manages, when there are services', () => {
    const manager = { ...valid, role: 'SERVICE_MANAGER' as const };
    expect(validateInvite(manager, NGO_ROLES, true)).toEqual({ inviteServices: M.servicesMissing });
    expect(validateInvite(manager, NGO_ROLES, false)).toEqual({});
    expect(validateInvite({ ...manager, managedServiceIds: ['s1'] }, NGO_ROLES, true)).toEqual({});
  });
});

describe('validateRoleChange', () => {
  it('uses the role form’s own field names', () => {
    expect(validateRoleChange({ role: '', managedServiceIds: [] }, NGO_ROLES, true)).toEqual({
      memberRole: M.roleMissing,
    });
    expect(
      validateRoleChange({ role: 'SERVICE_MANAGER', managedServiceIds: [] }, NGO_ROLES, true),
    ).toEqual({ memberServices: M.servicesMissing });
  });
});

describe('servicesFor', () => {
  it('sends services for service managers only', () => {
    expect(servicesFor('SERVICE_MANAGER', ['s1'])).toEqual(['s1']);
    expect(servicesFor('SUPERVISOR', ['s1'])).toEqual([]);
  });
});

describe('the API’s refusals', () => {
  it('put an existing member on the email field', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'This person is already a member of the organisation.',
          extensions: { code: 'CONFLICT', field: 'input.email' },
        },
      ],
    });
    expect(inviteProblems(error)).toEqual({
      fields: { inviteEmail: 'This person is already a member of the organisation.' },
      form: [],
    });
  });

  it('put the last admin on the role field', () => {
    const message =
      'The organisation must keep at least one admin. Make another member an admin first.';
    const error = new CombinedGraphQLErrors({
      errors: [{ message, extensions: { code: 'CONFLICT', field: 'input.role' } }],
    });
    expect(roleProblems(error)).toEqual({ fields: { memberRole: message }, form: [] });
  });

  it('put services of another organisation on the services field', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Service not found.',
          extensions: { code: 'NOT_FOUND', field: 'input.managedServiceIds' },
        },
      ],
    });
    expect(inviteProblems(error).fields).toEqual({ inviteServices: 'Service not found.' });
  });
});
