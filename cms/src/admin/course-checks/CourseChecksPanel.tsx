import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import {
  courseCheckReportSchema,
  entryCourseChecksPath,
  isSiteContentType,
  type CourseIssue,
} from '@lm/shared/browser';
import { usePolledStatus } from '../publish-status/use-polled-status';

/** The report is read once per save: nothing changes it while the editor only looks. */
const neverPoll = (): boolean => false;

interface IssueListProps {
  issues: CourseIssue[];
  tone: 'danger600' | 'warning600';
  label: string;
}

function IssueList({ issues, tone, label }: IssueListProps) {
  if (issues.length === 0) return null;
  return (
    <Box width="100%">
      <Typography variant="sigma" textColor="neutral600" tag="p">
        {label}
      </Typography>
      <Box tag="ul" aria-label={label} paddingTop={1}>
        {issues.map((issue) => (
          <Box tag="li" key={`${issue.path ?? ''}:${issue.message}`} paddingBottom={2}>
            <Typography variant="pi" textColor={tone}>
              {issue.message}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

interface CourseChecksContentProps {
  uid: string;
  documentId: string;
  /** Changes when the entry is saved or published, so the report is read again. */
  refreshKey: string;
}

function CourseChecksContent({ uid, documentId, refreshKey }: CourseChecksContentProps) {
  const { data, error } = usePolledStatus(
    entryCourseChecksPath(uid, documentId),
    courseCheckReportSchema,
    neverPoll,
    refreshKey,
  );
  if (!data) {
    return error ? (
      <Typography variant="pi" textColor="danger600">
        Cannot read the course checks: {error}
      </Typography>
    ) : (
      <Loader small>Reading the course checks</Loader>
    );
  }
  const clean = data.errors.length === 0 && data.warnings.length === 0;
  return (
    <Flex direction="column" alignItems="flex-start" gap={2} width="100%" data-testid="course-checks">
      {clean ? (
        <Typography variant="omega">No problems found.</Typography>
      ) : (
        <>
          <IssueList issues={data.errors} tone="danger600" label="Must be fixed before publishing" />
          <IssueList issues={data.warnings} tone="warning600" label="Worth fixing (publishing is not blocked)" />
        </>
      )}
    </Flex>
  );
}

/**
 * The edit view's side panel "Course checks" for modules, sections and pages: what would refuse a
 * publish, and the advice that blocks nothing (a section without outcomes, an image without alt
 * text, a link to a page not yet published), which the editor sees nowhere else.
 */
export const CourseChecksPanel: PanelComponent = ({ model, documentId, document }) => {
  if (!isSiteContentType(model) || !documentId) return null;
  return {
    title: 'Course checks',
    content: <CourseChecksContent uid={model} documentId={documentId} refreshKey={String(document?.updatedAt)} />,
  };
};
