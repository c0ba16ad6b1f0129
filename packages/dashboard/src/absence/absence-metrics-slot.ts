import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/*
 * The rates and trends half of the Absence & turnover page is another
 * component, `./absence-metrics.tsx`, written separately. This finds it at
 * build time: when the file exists it is loaded lazily (its own chunk, fetched
 * when the page opens); when it does not, the page shows nothing there.
 *
 * The file should export its component as the default export (or as
 * `AbsenceMetrics`); it takes no props, reads the viewer with useViewer()
 * and renders its own <section> with an <h2>.
 *
 * Kept in its own module because `import.meta.glob` is Vite's: Jest tests of
 * the page mock this module.
 */

type MetricsModule = { default?: ComponentType; AbsenceMetrics?: ComponentType };

const found = import.meta.glob<MetricsModule>('./absence-metrics.tsx');
const load = found['./absence-metrics.tsx'];

export const AbsenceMetrics: LazyExoticComponent<ComponentType> | null = load
  ? lazy(async () => {
      const module = await load();
      const component = module.default ?? module.AbsenceMetrics;
      return { default: component ?? (() => null) };
    })
  : null;
