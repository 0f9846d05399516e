// The screens and their addresses (Dutch paths, see docs/screens.md).
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import type { Permission } from '../../server/access/permissions';
import { LoginPage } from '../features/auth/LoginPage';
import { PasswordPage } from '../features/auth/PasswordPage';
import { CasePage } from '../features/cases/CasePage';
import { TransferDonePage } from '../features/cases/TransferForm';
import { ClientDetailPage } from '../features/clients/ClientDetailPage';
import { ClientSearchPage } from '../features/clients/ClientSearchPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { NewRegistrationPage } from '../features/registrations/NewRegistrationPage';
import { RegistrationQueuePage } from '../features/registrations/RegistrationQueuePage';
import { TriagePage } from '../features/registrations/TriagePage';
import { FiguresPage } from '../features/worklists/FiguresPage';
import { MyWorkPage } from '../features/worklists/MyWorkPage';
import { TeamPage } from '../features/worklists/TeamPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { AgendaPage } from '../features/agenda/AgendaPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { startPath, useMe } from './auth';
import { RequirePermission, RequireSession } from './guards';
import { Layout } from './Layout';
import { MessagePage, NotFoundPage } from './MessagePage';
import { Loading } from './QueryStatus';

// Screens with large libraries (ECharts, Excel, zip) load on first visit, not with the app.
const AnnualReportPage = lazy(() => import('../features/reports/AnnualReportPage').then((m) => ({ default: m.AnnualReportPage })));
const FlowReportPage = lazy(() => import('../features/reports/FlowReportPage').then((m) => ({ default: m.FlowReportPage })));
const ZrmReportPage = lazy(() => import('../features/reports/ZrmReportPage').then((m) => ({ default: m.ZrmReportPage })));
const PlanPage = lazy(() => import('../features/plans/PlanPage').then((m) => ({ default: m.PlanPage })));
const PlanPrintPage = lazy(() => import('../features/plans/PlanPrintPage').then((m) => ({ default: m.PlanPrintPage })));
const EmergencyAccessPage = lazy(() => import('../features/emergency/EmergencyAccessPage').then((m) => ({ default: m.EmergencyAccessPage })));
const AccessReviewPage = lazy(() => import('../features/emergency/AccessReviewPage').then((m) => ({ default: m.AccessReviewPage })));
const RetentionPage = lazy(() => import('../features/retention/RetentionPage').then((m) => ({ default: m.RetentionPage })));
const DestructionRequestPage = lazy(() => import('../features/retention/DestructionRequestPage').then((m) => ({ default: m.DestructionRequestPage })));
const QualityRegisterPage = lazy(() => import('../features/quality/QualityRegisterPage').then((m) => ({ default: m.QualityRegisterPage })));
const QualityReportPage = lazy(() => import('../features/quality/QualityReportPage').then((m) => ({ default: m.QualityReportPage })));
const FileQualityReportPage = lazy(() => import('../features/quality/FileQualityReportPage').then((m) => ({ default: m.FileQualityReportPage })));
const ImportPage = lazy(() => import('../features/exchange/ImportPage').then((m) => ({ default: m.ImportPage })));
const IwmoPage = lazy(() => import('../features/iwmo/IwmoPage').then((m) => ({ default: m.IwmoPage })));
const LetterTemplatesPage = lazy(() => import('../features/letters/LetterTemplatesPage').then((m) => ({ default: m.LetterTemplatesPage })));

function Start() {
  return <Navigate to={startPath(useMe())} replace />;
}

function guarded(permission: Permission, element: React.ReactNode) {
  return <RequirePermission permission={permission}>{element}</RequirePermission>;
}

function guardedLazy(permission: Permission, element: React.ReactNode) {
  return guarded(permission, <Suspense fallback={<Loading what="het scherm" />}>{element}</Suspense>);
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/inloggen" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          {/* The printable plan for the client: no navigation or other chrome of the app. */}
          <Route path="casussen/:id/plan/afdrukken" element={guardedLazy('cases:read', <PlanPrintPage />)} />
          <Route element={<Layout />}>
            <Route index element={<Start />} />
            <Route path="mijn-dag" element={guarded('cases:read', <DashboardPage />)} />
            <Route path="mijn-werk" element={guarded('cases:read', <MyWorkPage />)} />
            <Route path="aanmeldingen" element={guarded('registrations:write', <RegistrationQueuePage />)} />
            <Route path="aanmeldingen/nieuw" element={guarded('registrations:write', <NewRegistrationPage />)} />
            <Route path="aanmeldingen/:id" element={guarded('registrations:write', <TriagePage />)} />
            <Route path="casussen/overgedragen" element={guarded('cases:read', <TransferDonePage />)} />
            <Route path="casussen/:id" element={guarded('cases:read', <CasePage />)} />
            <Route path="casussen/:id/plan" element={guardedLazy('cases:read', <PlanPage />)} />
            <Route path="clienten" element={guarded('clients:read', <ClientSearchPage />)} />
            <Route path="clienten/:id" element={guarded('clients:read', <ClientDetailPage />)} />
            <Route path="team" element={guarded('team:overview', <TeamPage />)} />
            <Route path="cijfers" element={guarded('figures:read', <FiguresPage />)} />
            <Route path="cijfers/jaarverslag" element={guardedLazy('reports:read', <AnnualReportPage />)} />
            <Route path="cijfers/zrm" element={guardedLazy('reports:read', <ZrmReportPage />)} />
            <Route path="cijfers/uitstroom" element={guardedLazy('reports:read', <FlowReportPage />)} />
            <Route path="noodtoegang" element={guardedLazy('emergency:request', <EmergencyAccessPage />)} />
            <Route path="kwaliteit/toegang" element={guardedLazy('emergency:review', <AccessReviewPage />)} />
            <Route path="bewaartermijn" element={guardedLazy('retention:manage', <RetentionPage />)} />
            <Route path="bewaartermijn/verzoek/:clientId" element={guardedLazy('retention:manage', <DestructionRequestPage />)} />
            <Route path="kwaliteit" element={guardedLazy('quality:manage', <QualityRegisterPage />)} />
            <Route path="kwaliteit/meldingen/:id" element={guardedLazy('quality:manage', <QualityReportPage />)} />
            <Route path="kwaliteit/melden" element={guardedLazy('quality:file', <FileQualityReportPage />)} />
            <Route path="beheer/import" element={guardedLazy('exchange:import', <ImportPage />)} />
            <Route path="beheer/iwmo" element={guardedLazy('iwmo:manage', <IwmoPage />)} />
            <Route path="beheer/brieven" element={guardedLazy('letters:manage', <LetterTemplatesPage />)} />
            <Route path="wachtwoord" element={<PasswordPage />} />
            <Route path="taken" element={guarded('tasks:use', <TasksPage />)} />
            <Route path="agenda" element={guarded('appointments:use', <AgendaPage />)} />
            <Route path="berichten" element={<NotificationsPage />} />
            <Route path="geen-toegang" element={<MessagePage title="Geen toegang" message="Uw rol heeft geen schermen in deze toepassing. Neem contact op met de beheerder." />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
