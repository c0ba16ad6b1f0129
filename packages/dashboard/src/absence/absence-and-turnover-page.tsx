import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { navigationItem } from '../shell/navigation';
import { LoadingState } from '../shell/states';
import { NotFoundPage } from '../shell/status-pages';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { canSeeAbsenceRecords } from '../people/permissions';
import { CloseAbsencePage, CorrectAbsencePage, RecordAbsencePage } from './absence-forms';
import { AbsenceRecords } from './absence-records';
import '../people/people.css';

/** The rates and trends: their own chunk (charts), loaded with the page. */
const AbsenceMetrics = lazy(() => import('./absence-metrics'));

/**
 * The Absence & turnover page (loaded lazily by the router):
 *   /absence-and-turnover                  rates and trends, then the records
 *   /absence-and-turnover/record           record an absence (?person=<id> to pick someone)
 *   /absence-and-turnover/:id/close        close an ongoing absence
 *   /absence-and-turnover/:id/correct      correct (or delete) an absence
 * Records are for organisation admins and service managers; analysts see the
 * rates and trends only.
 */
export default function AbsenceAndTurnoverPage() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="record" element={<RecordAbsencePage />} />
      <Route path=":id/close" element={<CloseAbsencePage />} />
      <Route path=":id/correct" element={<CorrectAbsencePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function Overview() {
  const { role } = useViewer();
  const item = navigationItem('absence-and-turnover');
  useDocumentTitle(item.label);
  return (
    <div className="page">
      <h1>{item.label}</h1>
      <p className="lead">{item.summary}</p>

      <div className="metrics-slot">
        <Suspense fallback={<LoadingState label="Loading absence and turnover figures" />}>
          <AbsenceMetrics />
        </Suspense>
      </div>

      {/* ---- Records: individual absence episodes (admins and managers only) ---- */}
      {canSeeAbsenceRecords(role) ? (
        <AbsenceRecords />
      ) : (
        <section className="section" aria-labelledby="absence-records-heading">
          <h2 id="absence-records-heading">Absence records</h2>
          <p>
            Individual absence records are kept for organisation admins and service managers. The
            figures on this page are totals, so no one’s absence can be seen in them.
          </p>
        </section>
      )}
    </div>
  );
}
