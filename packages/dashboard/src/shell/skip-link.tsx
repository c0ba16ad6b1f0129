export const MAIN_CONTENT_ID = 'main-content';

/** The first thing in the page: lets keyboard users jump past the header and navigation. */
export function SkipLink() {
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
      Skip to main content
    </a>
  );
}
