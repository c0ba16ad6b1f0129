import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../shell/status-pages';
import { ErasePage } from './erase-page';
import { LeaverPage } from './leaver-page';
import { PersonPage } from './person-page';
import { AddStaffPage, EditStaffPage } from './staff-form-page';
import { StaffList } from './staff-list';
import './people.css';

/**
 * The People page and the pages below it (loaded lazily by the router):
 *   /people               the staff list
 *   /people/new           add a member of staff
 *   /people/:id           a person's page
 *   /people/:id/edit      edit their details
 *   /people/:id/leaver    record (or change) them as a leaver
 *   /people/:id/erase     erase a long-gone leaver's personal data (admins)
 */
export default function PeoplePage() {
  return (
    <Routes>
      <Route index element={<StaffList />} />
      <Route path="new" element={<AddStaffPage />} />
      <Route path=":id" element={<PersonPage />} />
      <Route path=":id/edit" element={<EditStaffPage />} />
      <Route path=":id/leaver" element={<LeaverPage />} />
      <Route path=":id/erase" element={<ErasePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
