import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../../features/session/SessionContext.tsx';
import { can } from '../../features/session/session.ts';
import { EmptyView } from '../../ui/States.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { CalendarEditorPage } from './calendars/CalendarEditorPage.tsx';
import { CalendarsPage } from './calendars/CalendarsPage.tsx';
import { InboxesPage } from './channels/InboxesPage.tsx';
import { FormFieldsPage } from './form/FormFieldsPage.tsx';
import { OutboxPage } from './messages/OutboxPage.tsx';
import { ProvidersPage } from './messages/ProvidersPage.tsx';
import { TemplatesPage } from './messages/TemplatesPage.tsx';
import { OrganisationPage } from './organisation/OrganisationPage.tsx';
import { ADMIN_SECTIONS, type AdminSectionId, adminSections } from './sections.ts';
import { SlaPoliciesPage } from './sla/SlaPoliciesPage.tsx';
import { StructurePage } from './structure/StructurePage.tsx';
import { RolesPage } from './users/RolesPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';

function NotAllowed() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.common.notAllowedTitle'));
  return <EmptyView title={t('admin.common.notAllowedTitle')} description={t('admin.common.notAllowed')} />;
}

/** A screen for the users whose role has its section's permission; the others are told why not. */
function Guarded({ section, children }: { section: AdminSectionId; children: ReactElement }) {
  const { me } = useSession();
  const permission = ADMIN_SECTIONS.find((s) => s.id === section)!.permission;
  return can(me, permission) ? children : <NotAllowed />;
}

export default function AdminRoutes() {
  const { me } = useSession();
  const first = adminSections(me)[0];
  return (
    <Routes>
      <Route index element={first ? <Navigate to={first.id} replace /> : <NotAllowed />} />
      <Route
        path="organisation"
        element={
          <Guarded section="organisation">
            <OrganisationPage />
          </Guarded>
        }
      />
      <Route
        path="calendars"
        element={
          <Guarded section="calendars">
            <CalendarsPage />
          </Guarded>
        }
      />
      <Route
        path="calendars/:code"
        element={
          <Guarded section="calendars">
            <CalendarEditorPage />
          </Guarded>
        }
      />
      <Route
        path="sla"
        element={
          <Guarded section="sla">
            <SlaPoliciesPage />
          </Guarded>
        }
      />
      <Route
        path="structure"
        element={
          <Guarded section="structure">
            <StructurePage />
          </Guarded>
        }
      />
      <Route
        path="form"
        element={
          <Guarded section="form">
            <FormFieldsPage />
          </Guarded>
        }
      />
      <Route
        path="users"
        element={
          <Guarded section="users">
            <UsersPage />
          </Guarded>
        }
      />
      <Route
        path="roles"
        element={
          <Guarded section="roles">
            <RolesPage />
          </Guarded>
        }
      />
      <Route
        path="templates"
        element={
          <Guarded section="templates">
            <TemplatesPage />
          </Guarded>
        }
      />
      <Route
        path="providers"
        element={
          <Guarded section="providers">
            <ProvidersPage />
          </Guarded>
        }
      />
      <Route
        path="outbox"
        element={
          <Guarded section="outbox">
            <OutboxPage />
          </Guarded>
        }
      />
      <Route
        path="inboxes"
        element={
          <Guarded section="inboxes">
            <InboxesPage />
          </Guarded>
        }
      />
      <Route
        path="audit"
        element={
          <Guarded section="audit">
            <AuditPage />
          </Guarded>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
