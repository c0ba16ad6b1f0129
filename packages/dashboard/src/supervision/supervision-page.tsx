import { lazy, Suspense } from 'react';
import { Route, Routes, useSearchParams } from 'react-router-dom';
import { navigationItem } from '../shell/navigation';
import { LoadingState } from '../shell/states';
import { NotFoundPage } from '../shell/status-pages';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { BackLink, Flash } from '../people/page-kit';
import { AgreementsList, DueForReviewSection, readAgreementView } from './agreements-section';
import { EndAgreementPage, NewAgreementPage, ReviewAgreementPage } from './agreement-forms';
import { canSeeSupervisionRecords } from './permissions';
import {
  AddActionPage,
  MarkHeldPage,
  SessionFormPage,
  SessionPage,
  StatusChangePage,
} from './session-forms';
import { SessionsSection } from './sessions-section';
import { MetricsBoundary } from './metrics-boundary';
import { NoContentNotice, SUPERVISION_PATH } from './supervision-kit';
import '../people/people.css';
import './supervision.css';

/** The figures (overdue list, held vs expected, mixes): their own chunk, loaded with the page. */
const SupervisionMetrics = lazy(() => import('./supervision-metrics'));

/**
 * The Supervision page (loaded lazily by the router):
 *   /supervision                                 figures, agreements due for review, sessions
 *   /supervision/agreements                      agreements (?show=active|review|all)
 *   /supervision/agreements/new                  set up an agreement (?person=<id>)
 *   /supervision/agreements/:id/review           record a review
 *   /supervision/agreements/:id/end              end an agreement
 *   /supervision/sessions/record                 record a held session (?person=<id>)
 *   /supervision/sessions/schedule               schedule a session (?person=<id>)
 *   /supervision/sessions/:id                    one session and its agreed actions
 *   /supervision/sessions/:id/held               mark a scheduled session held
 *   /supervision/sessions/:id/cancel             cancel a scheduled session
 *   /supervision/sessions/:id/did-not-attend     mark a scheduled session not attended
 *   /supervision/sessions/:id/actions/new        add an agreed action
 * Analysts see the figures only: individual records are for admins, managers
 * and supervisors.
 */
export default function SupervisionPage() {
  return (
    <Routes>
      <Route index element={<SupervisionHome />} />
      <Route path="agreements" element={<AgreementsPage />} />
      <Route path="agreements/new" element={<NewAgreementPage />} />
      <Route path="agreements/:id/review" element={<ReviewAgreementPage />} />
      <Route path="agreements/:id/end" element={<EndAgreementPage />} />
      <Route path="sessions/record" element={<SessionFormPage kind="record" />} />
      <Route path="sessions/schedule" element={<SessionFormPage kind="schedule" />} />
      <Route path="sessions/:id" element={<SessionPage />} />
      <Route path="sessions/:id/held" element={<MarkHeldPage />} />
      <Route path="sessions/:id/cancel" element={<StatusChangePage change="cancel" />} />
      <Route
        path="sessions/:id/did-not-attend"
        element={<StatusChangePage change="did-not-attend" />}
      />
      <Route path="sessions/:id/actions/new" element={<AddActionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function SupervisionHome() {
  const { role } = useViewer();
  const item = navigationItem('supervision');
  useDocumentTitle(item.label);
  const records = canSeeSupervisionRecords(role);
  return (
    <div className="page">
      <h1>{item.label}</h1>
      <p className="lead">{item.summary}</p>
      <Flash />

      <MetricsBoundary>
        <Suspense fallback={<LoadingState label="Loading supervision figures" />}>
          <div className="metrics-slot">
            <SupervisionMetrics />
          </div>
        </Suspense>
      </MetricsBoundary>

      {/* ---- Records: agreements due for review and sessions (not analysts) ---- */}
      {records ? (
        <>
          <NoContentNotice />
          <DueForReviewSection />
          <SessionsSection />
        </>
      ) : (
        <section className="section" aria-labelledby="records-heading">
          <h2 id="records-heading">Supervision records</h2>
          <p>
            Individual agreements and sessions are kept for organisation admins, service managers
            and supervisors. The figures on this page are totals, so no one’s supervision can be
            seen in them.
          </p>
        </section>
      )}
    </div>
  );
}

function AgreementsPage() {
  const { role } = useViewer();
  const [search] = useSearchParams();
  useDocumentTitle('Supervision agreements');
  if (!canSeeSupervisionRecords(role)) {
    return (
      <div className="page">
        <h1>Supervision agreements</h1>
        <p>
          Individual agreements are kept for organisation admins, service managers and supervisors.
          The Supervision page shows your organisation’s figures.
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <BackLink to={SUPERVISION_PATH}>Back to supervision</BackLink>
      <h1>Supervision agreements</h1>
      <p className="lead">
        Who supervises whom, how often they should meet, and when each agreement is due for review.
      </p>
      <Flash />
      <AgreementsList key={readAgreementView(search)} />
    </div>
  );
}
