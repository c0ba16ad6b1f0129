import { useSyncExternalStore } from 'react';

/** localStorage key that remembers the organisation the user last chose. */
export const ORGANISATION_STORAGE_KEY = 'holdspace.org';

/*
 * The organisation this tab acts in. It is read from localStorage once, when
 * first needed, and then kept in memory: switching organisation in one tab
 * remembers the choice for new tabs but does not silently change the
 * organisation of requests made by a tab that is already open (which would
 * show one organisation's screen with another's data).
 */
let current: string | null | undefined;
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    const value = window.localStorage.getItem(ORGANISATION_STORAGE_KEY);
    return value ? value : null;
  } catch {
    // Storage can be unavailable (privacy modes, blocked cookies).
    return null;
  }
}

function writeStored(id: string | null): void {
  try {
    if (id) window.localStorage.setItem(ORGANISATION_STORAGE_KEY, id);
    else window.localStorage.removeItem(ORGANISATION_STORAGE_KEY);
  } catch {
    // The in-memory value still applies to this tab.
  }
}

/** The id of the organisation requests act in, or null when none is chosen. */
export function getOrganisationId(): string | null {
  if (current === undefined) current = readStored();
  return current;
}

/**
 * Choose the organisation requests act in. Callers that change organisation
 * while signed in must also reset the Apollo store (see `useSwitchOrganisation`).
 */
export function setOrganisationId(id: string | null): void {
  if (getOrganisationId() === id) return;
  current = id;
  writeStored(id);
  listeners.forEach((listener) => listener());
}

export function subscribeToOrganisation(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The chosen organisation id, re-rendering when it changes. */
export function useOrganisationId(): string | null {
  return useSyncExternalStore(subscribeToOrganisation, getOrganisationId, () => null);
}

/** Forget the in-memory value so the next read comes from storage. For tests. */
export function resetOrganisationForTests(): void {
  current = undefined;
  listeners.clear();
}
