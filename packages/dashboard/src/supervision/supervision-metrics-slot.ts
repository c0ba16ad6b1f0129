import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/*
 * The figures half of the Supervision page (the overdue list, sessions held
 * against expected, coverage, cancellation rate, the format and function
 * mixes) is another component, `./supervision-metrics.tsx`, written
 * separately. This finds it at build time: when the file exists it is loaded
 * lazily (its own chunk, fetched when the page opens); when it does not, the
 * page shows nothing there.
 *
 * The file should export its component as the default export (or as
 * `SupervisionMetrics`); it takes no props, reads the viewer with useViewer()
 * and renders its own <section>s, each with an <h2>.
 *
 * Kept in its own module because `import.meta.glob` is Vite's: Jest tests of
 * the page mock this module.
 */

type MetricsModule = { default?: ComponentType; SupervisionMetrics?: ComponentType };

const found = import.meta.glob<MetricsModule>('./supervision-metrics.tsx');
const load = found['./supervision-metrics.tsx'];

export const SupervisionMetrics: LazyExoticComponent<ComponentType> | null = load
  ? lazy(async () => {
      const module = await load();
      const component = module.default ?? module.SupervisionMetrics;
      return { default: component ?? (() => null) };
    })
  : null;
