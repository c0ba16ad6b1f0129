import type { ReactNode } from 'react';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';
import { PRODUCT_NAME } from './use-document-title';

/** The frame of pages shown before signing in (and of errors outside the app shell). */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <span className="app-header__product">{PRODUCT_NAME}</span>
        </div>
      </header>
      <main className="page page--narrow" id={MAIN_CONTENT_ID} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
