/** Where the commissioning pages live (routes in commissioning-page.tsx and settings-page.tsx). */
export const COMPARISON_PATH = '/commissioning';
export const SHARING_PATH = '/commissioning/sharing';
/** A provider admin's side: under Settings. */
export const PROVIDER_SHARING_PATH = '/settings/sharing';
