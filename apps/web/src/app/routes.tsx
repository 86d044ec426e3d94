import { Route, Routes } from 'react-router';
import { Role } from '@alliance/shared-core';
import { Layout } from './Layout';
import { RequireAuth } from './RequireAuth';
import { lazyWithMessages as page } from './lazyWithMessages';

// Each page is its own chunk so the first load carries only the shell and the page in view.
const HomePage = page(() => import('../features/home/HomePage'));
const SignUpPage = page(() => import('../features/identity/SignUpPage'));
const CheckEmailPage = page(() => import('../features/identity/CheckEmailPage'));
const VerifyEmailPage = page(() => import('../features/identity/VerifyEmailPage'));
const SignInPage = page(() => import('../features/identity/SignInPage'));
const ForgotPasswordPage = page(() => import('../features/identity/ForgotPasswordPage'));
const ResetPasswordPage = page(() => import('../features/identity/ResetPasswordPage'));
const ProfilePage = page(() => import('../features/identity/ProfilePage'));
const AccountDeletedPage = page(() => import('../features/identity/AccountDeletedPage'));
const UsersPage = page(() => import('../features/admin/UsersPage'));
const DevMailPage = page(() => import('../features/devmail/DevMailPage'));
const NotFoundPage = page(() => import('./NotFoundPage'));
const MyCertificatesPage = page(() => import('../features/certificates/MyCertificatesPage'));
const VerifyCertificatePage = page(() => import('../features/certificates/VerifyCertificatePage'));
const AdminCertificatesPage = page(() => import('../features/certificates/AdminCertificatesPage'));
const NotificationsPage = page(() => import('../features/notifications/NotificationsPage'));
const NotificationPreferencesPage = page(() => import('../features/notifications/PreferencesPage'));
const QueuesPage = page(() => import('../features/admin/QueuesPage'));
const AuditLogPage = page(() => import('../features/admin/AuditLogPage'));
const ApplyPage = page(() => import('../features/alliance/apply/ApplyPage'));
const MyApplicationsPage = page(() => import('../features/alliance/apply/MyApplicationsPage'));
const AdminApplicationsPage = page(() => import('../features/alliance/review/AdminApplicationsPage'));
const ApplicationReviewPage = page(() => import('../features/alliance/review/ApplicationReviewPage'));
const ManageOrganisationPage = page(() => import('../features/alliance/organisation-admin/ManageOrganisationPage'));
const MyOrganisationsPage = page(() => import('../features/alliance/organisation-admin/MyOrganisationsPage'));
const InvitationPage = page(() => import('../features/alliance/organisation-admin/InvitationPage'));
const DirectoryPage = page(() => import('../features/alliance/directory/DirectoryPage'));
const OrganisationPage = page(() => import('../features/alliance/directory/OrganisationPage'));
const CountryPage = page(() => import('../features/alliance/directory/CountryPage'));
const AllianceDashboardPage = page(() => import('../features/alliance/dashboard/DashboardPage'));
const AllianceReferencePage = page(() => import('../features/alliance/reference/ReferencePage'));
// Learning: learner, team and organiser enrolment/report pages.
const MyLearningPage = page(() => import('../features/learning/learner/MyLearningPage'));
const LessonPage = page(() => import('../features/learning/learner/LessonPage'));
const TeamPage = page(() => import('../features/learning/team/TeamPage'));
const TeamNominationPage = page(() => import('../features/learning/team/TeamNominationPage'));
const CourseEnrolmentsPage = page(() => import('../features/learning/enrolments/CourseEnrolmentsPage'));
const CourseReportPage = page(() => import('../features/learning/reports/CourseReportPage'));
// Learning: catalogue, course pages, authoring and programmes.
const CataloguePage = page(() => import('../features/learning/catalogue/CataloguePage'));
const CoursePage = page(() => import('../features/learning/catalogue/CoursePage'));
const ProgrammesPage = page(() => import('../features/learning/programmes/ProgrammesPage'));
const ProgrammePage = page(() => import('../features/learning/programmes/ProgrammePage'));
const ManagedCoursesPage = page(() => import('../features/learning/authoring/ManagedCoursesPage'));
const CourseEditorPage = page(() => import('../features/learning/authoring/CourseEditorPage'));
const CoursePreviewPage = page(() => import('../features/learning/authoring/CoursePreviewPage'));
const ManagedProgrammesPage = page(() => import('../features/learning/programmes/ManagedProgrammesPage'));
const ProgrammeEditorPage = page(() => import('../features/learning/programmes/ProgrammeEditorPage'));
// Workshops: participant pages (check-in, my workshops).
const WorkshopCheckInPage = page(() => import('../features/workshops/participant/CheckInPage'));
const MyWorkshopsPage = page(() => import('../features/workshops/participant/MyWorkshopsPage'));
// Workshops: organisers run a workshop (registrations, attendance, priorities, figures, held).
const RunWorkshopPage = page(() => import('../features/workshops/manage/RunWorkshopPage'));
// Workshops: public list and page, organisers' editor.
const WorkshopsPage = page(() => import('../features/workshops/catalogue/WorkshopsPage'));
const WorkshopPage = page(() => import('../features/workshops/catalogue/WorkshopPage'));
const ManagedWorkshopsPage = page(() => import('../features/workshops/editor/ManagedWorkshopsPage'));
const WorkshopEditorPage = page(() => import('../features/workshops/editor/WorkshopEditorPage'));
// Evidence bank: public search and item pages, members' submissions, reviewers' queue.
const EvidenceSearchPage = page(() => import('../features/evidence/search/EvidenceSearchPage'));
const EvidenceItemPage = page(() => import('../features/evidence/item/EvidenceItemPage'));
const EvidenceEditorPage = page(() => import('../features/evidence/submit/EvidenceEditorPage'));
const MyEvidencePage = page(() => import('../features/evidence/submit/MyEvidencePage'));
const ReviewQueuePage = page(() => import('../features/evidence/review/ReviewQueuePage'));
const ReviewItemPage = page(() => import('../features/evidence/review/ReviewItemPage'));
// Collaboration: working tables (request, confirm, review, the table itself) and technical groups.
const TablesPage = page(() => import('../features/collaboration/tables/TablesPage'));
const RequestTablePage = page(() => import('../features/collaboration/tables/RequestTablePage'));
const TablePage = page(() => import('../features/collaboration/tables/TablePage'));
const ReviewTablesPage = page(() => import('../features/collaboration/tables/ReviewTablesPage'));
const GroupsPage = page(() => import('../features/collaboration/groups/GroupsPage'));
const GroupPage = page(() => import('../features/collaboration/groups/GroupPage'));

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
        <Route path="account-deleted" element={<AccountDeletedPage />} />
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
                <Route path="audit" element={<AuditLogPage />} />
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
