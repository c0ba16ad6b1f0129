import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Role } from '../gql/graphql';
import { OrganisationSwitcher } from './organisation-switcher';
import type { ViewerMembership } from './viewer-context';

const membership = (id: string, name: string, role: Role): ViewerMembership => ({
  __typename: 'Membership',
  role,
  managedServiceIds: [],
  organisation: {
    __typename: 'Organisation',
    id,
    name,
    kind: 'SCHOOL',
    timeZone: 'Europe/London',
    currency: 'GBP',
  },
});

const two = [
  membership('o1', 'Hillside Academy', 'ORG_ADMIN'),
  membership('o2', 'Valley Schools Trust', 'ANALYST'),
];

describe('the organisation switcher', () => {
  it('is not there for someone in one organisation', () => {
    const { container } = render(
      <OrganisationSwitcher memberships={two.slice(0, 1)} currentId="o1" onSwitch={jest.fn()} />,
    );
    expect(container.innerHTML).toBe('');
  });

  it('is a select labelled Organisation, naming each organisation and the role in it', () => {
    render(<OrganisationSwitcher memberships={two} currentId="o2" onSwitch={jest.fn()} />);
    const select = screen.getByRole('combobox', { name: 'Organisation' }) as HTMLSelectElement;
    expect(select.value).toBe('o2');
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      'Hillside Academy (Organisation admin)',
      'Valley Schools Trust (Analyst)',
    ]);
  });

  it('switches only when asked, then announces the change', async () => {
    const onSwitch = jest.fn().mockResolvedValue(undefined);
    render(<OrganisationSwitcher memberships={two} currentId="o1" onSwitch={onSwitch} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Organisation' }), {
      target: { value: 'o2' },
    });
    expect(onSwitch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    expect(onSwitch).toHaveBeenCalledWith('o2');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Now showing Valley Schools Trust'),
    );
  });

  it('does nothing when the chosen organisation is already in use', () => {
    const onSwitch = jest.fn();
    render(<OrganisationSwitcher memberships={two} currentId="o1" onSwitch={onSwitch} />);
    fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    expect(onSwitch).not.toHaveBeenCalled();
  });
});
