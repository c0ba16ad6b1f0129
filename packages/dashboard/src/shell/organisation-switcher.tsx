import { useId, useState, type FormEvent } from 'react';
import { ROLE_LABELS } from './navigation';
import type { ViewerMembership } from './viewer-context';

export interface OrganisationSwitcherProps {
  memberships: readonly ViewerMembership[];
  currentId: string;
  /** Switch to the organisation with this id; resolves once its data is reloaded. */
  onSwitch: (organisationId: string) => Promise<void> | void;
}

/**
 * Choose the organisation to act in. Only there when the user belongs to more
 * than one. Changing the select does nothing until "Switch" is pressed: the
 * whole page changes with the organisation, and WCAG 3.2.2 (On Input) rules out
 * doing that as a side effect of choosing an option.
 */
export function OrganisationSwitcher({
  memberships,
  currentId,
  onSwitch,
}: OrganisationSwitcherProps) {
  const selectId = useId();
  const [selected, setSelected] = useState(currentId);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  if (memberships.length < 2) return null;

  // A switch made elsewhere (or by a reset) wins over a stale choice in the select.
  const value = memberships.some((m) => m.organisation.id === selected) ? selected : currentId;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || value === currentId) return;
    const target = memberships.find((m) => m.organisation.id === value);
    setBusy(true);
    try {
      await onSwitch(value);
      if (target) setAnnouncement(`Now showing ${target.organisation.name}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="org-switcher" onSubmit={handleSubmit}>
      <label className="org-switcher__label" htmlFor={selectId}>
        Organisation
      </label>
      <select
        id={selectId}
        className="org-switcher__select"
        value={value}
        onChange={(event) => setSelected(event.target.value)}
      >
        {memberships.map((m) => (
          <option key={m.organisation.id} value={m.organisation.id}>
            {m.organisation.name} ({ROLE_LABELS[m.role]})
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button--header"
        aria-disabled={busy ? true : undefined}
      >
        Switch
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </form>
  );
}
