import { PlaceholderPage } from '../shell/placeholder-page';

/** Placeholder until the page is built; loaded lazily by the router. */
export default function CommissioningPage() {
  return <PlaceholderPage id="commissioning" />;
}
