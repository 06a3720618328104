import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { PUBLISH_STATUS_PATH, publishOverviewSchema } from '@lm/shared/browser';
import { buildLine, clockTime, duration } from './publish-status-text';
import { usePolledStatus } from './use-polled-status';

/**
 * The homepage widget "Public site": the live release, the build running or queued, and the
 * latest builds with what triggered them, how long they took and why one failed.
 */
export function PublishStatusWidget() {
  const { data, error } = usePolledStatus(
    PUBLISH_STATUS_PATH,
    publishOverviewSchema,
    (overview) => overview.service.state === 'up' && (overview.service.running !== null || overview.service.queued),
  );
  if (!data) {
    return error ? (
      <Typography textColor="danger600">Cannot read the publish status: {error}</Typography>
    ) : (
      <Loader small>Reading the publish status</Loader>
    );
  }
  const { service } = data;
  if (service.state === 'down') {
    return (
      <Typography textColor="danger600" data-testid="publish-overview">
        {service.reason}
      </Typography>
    );
  }
  const now = new Date();
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="publish-overview">
      <Typography variant="omega" fontWeight="semiBold">
        {service.live
          ? `Live since ${clockTime(service.live.builtAt, now)} · ${String(service.live.pageCount)} pages`
          : 'Nothing is live yet: the first build will publish the site.'}
      </Typography>
      {service.running ? (
        <Typography variant="omega">
          Building now ({duration(service.running.elapsedMs)}): {service.running.trigger}
        </Typography>
      ) : null}
      {service.queued ? <Typography variant="omega">Another build is queued.</Typography> : null}
      <Box>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          Latest builds
        </Typography>
        {service.builds.length === 0 ? <Typography variant="pi">None yet.</Typography> : null}
        <ul>
          {service.builds.map((build) => (
            <li key={build.id}>
              <Typography variant="pi" textColor={build.result === 'failed' ? 'danger600' : 'neutral800'}>
                {build.result === 'failed' ? 'Failed' : 'Built'} · {buildLine(build, now)}
                {build.error ? ` — ${build.error}` : ''}
                {build.warnings > 0 ? ` (${String(build.warnings)} to fix, see the rebuild service)` : ''}
              </Typography>
            </li>
          ))}
        </ul>
      </Box>
    </Flex>
  );
}
