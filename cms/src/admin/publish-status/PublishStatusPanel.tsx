import { Flex, Link, Loader, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { entryPublishStatusPath, entryPublishStatusSchema, isSiteContentType } from '@lm/shared/browser';
import { entryStatusText } from './publish-status-text';
import { usePolledStatus } from './use-polled-status';

/** How long the panel keeps asking after a publish that no build has taken up yet (15 × 2 s). */
const WAITING_POLLS = 15;

interface PanelContentProps {
  uid: string;
  documentId: string;
  /** Changes when the entry is saved or published, so the panel asks again at once. */
  refreshKey: string;
}

function PublishStatusContent({ uid, documentId, refreshKey }: PanelContentProps) {
  const { data, error } = usePolledStatus(
    entryPublishStatusPath(uid, documentId),
    entryPublishStatusSchema,
    (status, polls) =>
      status.site.state === 'building' ||
      status.site.state === 'queued' ||
      (status.site.state === 'waiting' && polls < WAITING_POLLS),
    refreshKey,
  );
  if (!data) {
    return error ? (
      <Typography variant="pi" textColor="danger600">
        Cannot read the publish status: {error}
      </Typography>
    ) : (
      <Loader small>Reading the publish status</Loader>
    );
  }
  const text = entryStatusText(data, new Date());
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} width="100%" data-testid="publish-status">
      <Typography variant="omega" fontWeight="semiBold">
        {text.headline}
        {text.link ? ' · ' : null}
        {text.link ? (
          <Link href={text.link} isExternal>
            View live page
          </Link>
        ) : null}
      </Typography>
      {text.note ? (
        <Typography variant="pi" textColor="neutral600">
          {text.note}
        </Typography>
      ) : null}
    </Flex>
  );
}

/**
 * The edit view's side panel "On the public site" for modules, sections and pages: whether this
 * entry is live (with its public URL), being published, failed to build, or only a draft.
 */
export const PublishStatusPanel: PanelComponent = ({ model, documentId, document, meta }) => {
  if (!isSiteContentType(model) || !documentId) return null;
  // The other version's dates are in `meta`: publishing changes them even when the draft is shown.
  const refreshKey = JSON.stringify([document?.updatedAt, meta?.availableStatus]);
  return {
    title: 'On the public site',
    content: <PublishStatusContent uid={model} documentId={documentId} refreshKey={refreshKey} />,
  };
};
