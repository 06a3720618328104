import { describe, expect, it } from 'vitest';
import { decideRebuild } from '../../../scripts/rebuilder/rebuild-decision.js';
import { webhookPayloadSchema, type WebhookPayload } from '../../../scripts/rebuilder/webhook-payload.js';

const delivery = (event: string, extra: Partial<WebhookPayload> = {}): WebhookPayload => ({
  event,
  createdAt: '2025-11-28T15:00:00.000Z',
  ...extra,
});

describe('decideRebuild', () => {
  const cases: Array<[string, WebhookPayload, boolean]> = [
    ['publish of a page', delivery('entry.publish', { uid: 'api::page.page', model: 'page', entry: { id: 1 } }), true],
    ['unpublish of a module', delivery('entry.unpublish', { uid: 'api::module.module', model: 'module' }), true],
    ['delete with entry: null', delivery('entry.delete', { uid: 'api::section.section', entry: null }), true],
    ['media update', delivery('media.update', { media: { id: 3 } }), true],
    ['media delete', delivery('media.delete', { media: null }), true],
    ['draft save (update) of a page', delivery('entry.update', { uid: 'api::page.page', entry: { id: 1 } }), false],
    ['draft create of a section', delivery('entry.create', { uid: 'api::section.section' }), false],
    [
      'draft create of a module with entry: null',
      delivery('entry.create', { uid: 'api::module.module', entry: null }),
      false,
    ],
    ['a user signing up', delivery('entry.create', { uid: 'plugin::users-permissions.user', model: 'user' }), false],
    ['a user updated', delivery('entry.update', { uid: 'plugin::users-permissions.user' }), false],
    ['a user deleted', delivery('entry.delete', { uid: 'plugin::users-permissions.user' }), false],
    ['a role changed', delivery('entry.update', { uid: 'plugin::users-permissions.role' }), false],
    ['publish of a type the site does not show', delivery('entry.publish', { uid: 'api::setting.setting' }), false],
    ['update without a uid (cannot tell: rebuild)', delivery('entry.update', { model: 'page' }), true],
    ['media upload (not referenced yet)', delivery('media.create', { media: { id: 4 } }), false],
    ['draft discard', delivery('entry.draft-discard', { uid: 'api::page.page' }), false],
    ['an unknown event', delivery('review-workflows.updateEntryStage'), false],
  ];

  it.each(cases)('%s → rebuild %s', (_name, payload, rebuild) => {
    expect(decideRebuild(payload).rebuild).toBe(rebuild);
  });

  it('explains a skipped draft save and names the trigger of a rebuild', () => {
    expect(decideRebuild(delivery('entry.update', { uid: 'api::page.page' }))).toEqual({
      rebuild: false,
      reason: 'entry.update of api::page.page is a draft save; publishing rebuilds',
    });
    expect(decideRebuild(delivery('entry.publish', { uid: 'api::page.page' }))).toEqual({
      rebuild: true,
      trigger: 'entry.publish api::page.page',
    });
  });

  it('says why a change of another type does not rebuild', () => {
    expect(decideRebuild(delivery('entry.create', { uid: 'plugin::users-permissions.user' }))).toEqual({
      rebuild: false,
      reason: 'entry.create of plugin::users-permissions.user: the site does not show plugin::users-permissions.user',
    });
  });
});

describe('webhookPayloadSchema', () => {
  it.each([
    [
      'a Strapi entry delivery',
      { event: 'entry.publish', createdAt: 'x', model: 'page', uid: 'api::page.page', entry: { id: 1 } },
      true,
    ],
    ['entry: null', { event: 'entry.delete', createdAt: 'x', uid: 'api::page.page', entry: null }, true],
    ['a media delivery', { event: 'media.update', createdAt: 'x', media: { id: 1 } }, true],
    ['no event', { createdAt: 'x' }, false],
    ['an empty event', { event: '', createdAt: 'x' }, false],
    ['an entry that is not an object', { event: 'entry.publish', createdAt: 'x', entry: 'page' }, false],
    ['an array body', [{ event: 'entry.publish', createdAt: 'x' }], false],
  ])('%s → valid %s', (_name, body, valid) => {
    expect(webhookPayloadSchema.safeParse(body).success).toBe(valid);
  });
});
