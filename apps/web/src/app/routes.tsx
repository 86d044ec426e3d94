import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Role } from '@alliance/shared-core';
import { Layout } from './Layout';
import { RequireAuth } from './RequireAuth';

// Each page is its own chunk so the first load carries only the shell and the page in view.
const HomePage = lazy(() => import('../features/home/HomePage'));
const SignUpPage = lazy(() => import('../features/identity/SignUpPage'));
const CheckEmailPage = lazy(() => import('../features/identity/CheckEmailPage'));
const VerifyEmailPage = lazy(() => import('../features/identity/VerifyEmailPage'));
const SignInPage = lazy(() => import('../features/identity/SignInPage'));
const ForgotPasswordPage = lazy(() => import('../features/identity/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../features/identity/ResetPasswordPage'));
const ProfilePage = lazy(() => import('../features/identity/ProfilePage'));
const UsersPage = lazy(() => import('../features/admin/UsersPage'));
const DevMailPage = lazy(() => import('../features/devmail/DevMailPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));
const MyCertificatesPage = lazy(() => import('../features/certificates/MyCertificatesPage'));
const VerifyCertificatePage = lazy(() => import('../features/certificates/VerifyCertificatePage'));
const AdminCertificatesPage = lazy(() => import('../features/certificates/AdminCertificatesPage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const NotificationPreferencesPage = lazy(() => import('../features/notifications/PreferencesPage'));
const QueuesPage = lazy(() => import('../features/admin/QueuesPage'));
const ApplyPage = lazy(() => import('../features/alliance/apply/ApplyPage'));
const MyApplicationsPage = lazy(() => import('../features/alliance/apply/MyApplicationsPage'));
const AdminApplicationsPage = lazy(() => import('../features/alliance/review/AdminApplicationsPage'));
const ApplicationReviewPage = lazy(() => import('../features/alliance/review/ApplicationReviewPage'));
const ManageOrganisationPage = lazy(() => import('../features/alliance/organisation-admin/ManageOrganisationPage'));
const MyOrganisationsPage = lazy(() => import('../features/alliance/organisation-admin/MyOrganisationsPage'));
const InvitationPage = lazy(() => import('../features/alliance/organisation-admin/InvitationPage'));
const DirectoryPage = lazy(() => import('../features/alliance/directory/DirectoryPage'));
const OrganisationPage = lazy(() => import('../features/alliance/directory/OrganisationPage'));
const CountryPage = lazy(() => import('../features/alliance/directory/CountryPage'));
const AllianceDashboardPage = lazy(() => import('../features/alliance/dashboard/DashboardPage'));
const AllianceReferencePage = lazy(() => import('../features/alliance/reference/ReferencePage'));
// Learning: learner, team and organiser enrolment/report pages.
const MyLearningPage = lazy(() => import('../features/learning/learner/MyLearningPage'));
const LessonPage = lazy(() => import('../features/learning/learner/LessonPage'));
const TeamPage = lazy(() => import('../features/learning/team/TeamPage'));
const TeamNominationPage = lazy(() => import('../features/learning/team/TeamNominationPage'));
const CourseEnrolmentsPage = lazy(() => import('../features/learning/enrolments/CourseEnrolmentsPage'));
const CourseReportPage = lazy(() => import('../features/learning/reports/CourseReportPage'));
// Learning: catalogue, course pages, authoring and programmes.
const CataloguePage = lazy(() => import('../features/learning/catalogue/CataloguePage'));
const CoursePage = lazy(() => import('../features/learning/catalogue/CoursePage'));
const ProgrammesPage = lazy(() => import('../features/learning/programmes/ProgrammesPage'));
const ProgrammePage = lazy(() => import('../features/learning/programmes/ProgrammePage'));
const ManagedCoursesPage = lazy(() => import('../features/learning/authoring/ManagedCoursesPage'));
const CourseEditorPage = lazy(() => import('../features/learning/authoring/CourseEditorPage'));
const CoursePreviewPage = lazy(() => import('../features/learning/authoring/CoursePreviewPage'));
const ManagedProgrammesPage = lazy(() => import('../features/learning/programmes/ManagedProgrammesPage'));
const ProgrammeEditorPage = lazy(() => import('../features/learning/programmes/ProgrammeEditorPage'));
// Workshops: participant pages (check-in, my workshops).
const WorkshopCheckInPage = lazy(() => import('../features/workshops/participant/CheckInPage'));
const MyWorkshopsPage = lazy(() => import('../features/workshops/participant/MyWorkshopsPage'));
// Workshops: organisers run a workshop (registrations, attendance, priorities, figures, held).
const RunWorkshopPage = lazy(() => import('../features/workshops/manage/RunWorkshopPage'));
// Workshops: public list and page, organisers' editor.
const WorkshopsPage = lazy(() => import('../features/workshops/catalogue/WorkshopsPage'));
const WorkshopPage = lazy(() => import('../features/workshops/catalogue/WorkshopPage'));
const ManagedWorkshopsPage = lazy(() => import('../features/workshops/editor/ManagedWorkshopsPage'));
const WorkshopEditorPage = lazy(() => import('../features/workshops/editor/WorkshopEditorPage'));
// Evidence bank: public search and item pages, members' submissions, reviewers' queue.
const EvidenceSearchPage = lazy(() => import('../features/evidence/search/EvidenceSearchPage'));
const EvidenceItemPage = lazy(() => import('../features/evidence/item/EvidenceItemPage'));
const EvidenceEditorPage = lazy(() => import('../features/evidence/submit/EvidenceEditorPage'));
const MyEvidencePage = lazy(() => import('../features/evidence/submit/MyEvidencePage'));
const ReviewQueuePage = lazy(() => import('../features/evidence/review/ReviewQueuePage'));
const ReviewItemPage = lazy(() => import('../features/evidence/review/ReviewItemPage'));
// Collaboration: working tables (request, confirm, review, the table itself) and technical groups.
const TablesPage = lazy(() => import('../features/collaboration/tables/TablesPage'));
const RequestTablePage = lazy(() => import('../features/collaboration/tables/RequestTablePage'));
const TablePage = lazy(() => import('../features/collaboration/tables/TablePage'));
const ReviewTablesPage = lazy(() => import('../features/collaboration/tables/ReviewTablesPage'));
const GroupsPage = lazy(() => import('../features/collaboration/groups/GroupsPage'));
const GroupPage = lazy(() => import('../features/collaboration/groups/GroupPage'));

/** Course authoring, enrolments and reports. */
const ORGANISERS = [Role.Organiser, Role.Admin] as const;

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="check-email" element={<CheckEmailPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route
          path="profile"
          element={
            <RequireAuth>
              <ProfilePage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/*"
          element={
            <RequireAuth role={Role.Admin}>
              <Routes>
                <Route path="users" element={<UsersPage />} />
                <Route path="certificates" element={<AdminCertificatesPage />} />
                <Route path="queues" element={<QueuesPage />} />
                <Route path="applications" element={<AdminApplicationsPage />} />
                <Route path="applications/:id" element={<ApplicationReviewPage />} />
                <Route path="alliance" element={<AllianceDashboardPage />} />
                <Route path="alliance/reference" element={<AllianceReferencePage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </RequireAuth>
          }
        />
        <Route path="dev/mail" element={<DevMailPage />} />
        <Route
          path="certificates"
          element={
            <RequireAuth>
              <MyCertificatesPage />
            </RequireAuth>
          }
        />
        <Route path="verify" element={<VerifyCertificatePage />} />
        <Route path="verify/:code" element={<VerifyCertificatePage />} />
        <Route
          path="notifications"
          element={
            <RequireAuth>
              <NotificationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="settings/notifications"
          element={
            <RequireAuth>
              <NotificationPreferencesPage />
            </RequireAuth>
          }
        />
        <Route
          path="alliance/apply"
          element={
            <RequireAuth>
              <ApplyPage />
            </RequireAuth>
          }
        />
        <Route
          path="alliance/applications"
          element={
            <RequireAuth>
              <MyApplicationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="alliance/organisations"
          element={
            <RequireAuth>
              <MyOrganisationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="alliance/organisations/:slug/manage"
          element={
            <RequireAuth>
              <ManageOrganisationPage />
            </RequireAuth>
          }
        />
        <Route path="invitations/:token" element={<InvitationPage />} />
        <Route path="alliance/directory" element={<DirectoryPage />} />
        <Route path="alliance/organisations/:slug" element={<OrganisationPage />} />
        <Route path="alliance/countries/:code" element={<CountryPage />} />
        <Route
          path="learning"
          element={
            <RequireAuth>
              <MyLearningPage />
            </RequireAuth>
          }
        />
        <Route
          path="learning/team"
          element={
            <RequireAuth>
              <TeamPage />
            </RequireAuth>
          }
        />
        <Route
          path="learning/team/:courseSlug"
          element={
            <RequireAuth>
              <TeamNominationPage />
            </RequireAuth>
          }
        />
        <Route
          path="learn/:slug/lessons/:lessonId"
          element={
            <RequireAuth>
              <LessonPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/courses/:id/enrolments"
          element={
            <RequireAuth role={ORGANISERS}>
              <CourseEnrolmentsPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/courses/:id/report"
          element={
            <RequireAuth role={ORGANISERS}>
              <CourseReportPage />
            </RequireAuth>
          }
        />
        <Route path="courses" element={<CataloguePage />} />
        <Route path="courses/:slug" element={<CoursePage />} />
        <Route path="programmes" element={<ProgrammesPage />} />
        <Route path="programmes/:slug" element={<ProgrammePage />} />
        <Route
          path="manage/courses"
          element={
            <RequireAuth role={ORGANISERS}>
              <ManagedCoursesPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/courses/new"
          element={
            <RequireAuth role={ORGANISERS}>
              <CourseEditorPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/courses/:id"
          element={
            <RequireAuth role={ORGANISERS}>
              <CourseEditorPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/courses/:id/preview"
          element={
            <RequireAuth role={ORGANISERS}>
              <CoursePreviewPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/programmes"
          element={
            <RequireAuth role={ORGANISERS}>
              <ManagedProgrammesPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/programmes/new"
          element={
            <RequireAuth role={ORGANISERS}>
              <ProgrammeEditorPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/programmes/:slug"
          element={
            <RequireAuth role={ORGANISERS}>
              <ProgrammeEditorPage />
            </RequireAuth>
          }
        />
        <Route
          path="workshops/:slug/check-in"
          element={
            <RequireAuth>
              <WorkshopCheckInPage />
            </RequireAuth>
          }
        />
        <Route
          path="my/workshops"
          element={
            <RequireAuth>
              <MyWorkshopsPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/workshops/:id/run"
          element={
            <RequireAuth role={ORGANISERS}>
              <RunWorkshopPage />
            </RequireAuth>
          }
        />
        <Route path="workshops" element={<WorkshopsPage />} />
        <Route path="workshops/:slug" element={<WorkshopPage />} />
        <Route
          path="manage/workshops"
          element={
            <RequireAuth role={ORGANISERS}>
              <ManagedWorkshopsPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/workshops/new"
          element={
            <RequireAuth role={ORGANISERS}>
              <WorkshopEditorPage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/workshops/:id"
          element={
            <RequireAuth role={ORGANISERS}>
              <WorkshopEditorPage />
            </RequireAuth>
          }
        />
        <Route path="evidence" element={<EvidenceSearchPage />} />
        <Route
          path="evidence/new"
          element={
            <RequireAuth>
              <EvidenceEditorPage />
            </RequireAuth>
          }
        />
        <Route path="evidence/:id" element={<EvidenceItemPage />} />
        <Route
          path="evidence/:id/edit"
          element={
            <RequireAuth>
              <EvidenceEditorPage />
            </RequireAuth>
          }
        />
        <Route
          path="my/evidence"
          element={
            <RequireAuth>
              <MyEvidencePage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/evidence"
          element={
            <RequireAuth role={ORGANISERS}>
              <ReviewQueuePage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/evidence/:id"
          element={
            <RequireAuth role={ORGANISERS}>
              <ReviewItemPage />
            </RequireAuth>
          }
        />
        <Route
          path="tables"
          element={
            <RequireAuth>
              <TablesPage />
            </RequireAuth>
          }
        />
        <Route
          path="tables/new"
          element={
            <RequireAuth>
              <RequestTablePage />
            </RequireAuth>
          }
        />
        <Route
          path="tables/:id"
          element={
            <RequireAuth>
              <TablePage />
            </RequireAuth>
          }
        />
        <Route
          path="manage/tables"
          element={
            <RequireAuth role={[Role.Moderator, Role.Admin]}>
              <ReviewTablesPage />
            </RequireAuth>
          }
        />
        <Route
          path="groups"
          element={
            <RequireAuth>
              <GroupsPage />
            </RequireAuth>
          }
        />
        <Route
          path="groups/:id"
          element={
            <RequireAuth>
              <GroupPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
