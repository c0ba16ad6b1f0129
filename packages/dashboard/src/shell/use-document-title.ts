import { useEffect } from 'react';

export const PRODUCT_NAME = 'Holdspace';

/**
 * Sets the tab title to "<page> – Holdspace", with "Error: " in front while the
 * page shows validation errors (so screen reader users hear it first).
 */
export function useDocumentTitle(page: string | undefined, hasErrors = false): void {
  useEffect(() => {
    const base = page ? `${page} – ${PRODUCT_NAME}` : PRODUCT_NAME;
    document.title = hasErrors ? `Error: ${base}` : base;
  }, [page, hasErrors]);
}
