import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { SITE_CONTENT_TYPES } from '../utils/shared';

/** The content-manager actions on modules, sections and pages, by their short name. */
const CONTENT_ACTION = (name: string): string => `plugin::content-manager.explorer.${name}`;

/** Media: browse, upload, edit details, download and copy a link (no delete, no settings). */
const MEDIA_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

export interface EditorialRole {
  /** Strapi's code for the role; Strapi itself creates roles with these codes on a new database. */
  code: string;
  name: string;
  description: string;
  /** Content-manager actions on modules, sections and pages. */
  contentActions: string[];
}

/**
 * Authors write; Editors also decide what goes live. Neither gets a condition such as "created by
 * me": a module is written by a team, and the demo and imported content has no creator at all.
 * Preview needs no permission of its own: whoever may read a draft may preview it.
 */
export const EDITORIAL_ROLES = {
  author: {
    code: 'strapi-author',
    name: 'Author',
    description: 'Writes and previews drafts of modules, sections and pages and uploads media. Cannot publish or delete.',
    contentActions: ['create', 'read', 'update'].map(CONTENT_ACTION),
  },
  editor: {
    code: 'strapi-editor',
    name: 'Editor',
    description: 'Everything an Author does, plus publish, unpublish and delete modules, sections and pages.',
    contentActions: ['create', 'read', 'update', 'delete', 'publish'].map(CONTENT_ACTION),
  },
} satisfies Record<string, EditorialRole>;

const roleSchema = z.object({ id: z.number() }).passthrough();
const roleServiceSchema = z.object({
  findOne: z.function().args(z.record(z.unknown())).returns(z.promise(roleSchema.nullable().optional())),
  create: z.function().args(z.record(z.unknown())).returns(z.promise(roleSchema)),
  assignPermissions: z.function().args(z.number(), z.array(z.unknown())).returns(z.promise(z.unknown())),
});
const actionSchema = z.object({ actionId: z.string(), section: z.string() }).passthrough();
const permissionServiceSchema = z.object({
  actionProvider: z.object({ values: z.function().returns(z.array(actionSchema)) }).passthrough(),
});
const contentTypeServiceSchema = z.object({
  getPermissionsWithNestedFields: z
    .function()
    .args(z.array(actionSchema))
    .returns(z.array(z.object({ action: z.string(), subject: z.string().nullish() }).passthrough())),
});

/**
 * Makes the Author and Editor roles hold exactly the rights above, on every start. Strapi grants
 * its default roles rights only to the content types that exist when the database is created, and
 * never to types added later (strapi#7488), so the rights are set here explicitly. Setting them
 * is idempotent (Strapi adds and removes only the difference); a team that wants other rights
 * makes a role of its own instead of editing these two, which this code owns.
 */
export async function provisionEditorialRoles(strapi: Core.Strapi): Promise<void> {
  const roles = roleServiceSchema.parse(strapi.service('admin::role'));
  const { actionProvider } = permissionServiceSchema.parse(strapi.service('admin::permission'));
  const contentTypes = contentTypeServiceSchema.parse(strapi.service('admin::content-type'));
  const actions = actionProvider.values();

  for (const spec of Object.values(EDITORIAL_ROLES)) {
    const contentActions = actions.filter((action) => spec.contentActions.includes(action.actionId));
    if (contentActions.length !== spec.contentActions.length) {
      throw new Error(
        `[cms] The ${spec.name} role could not be set up: Strapi does not know the action(s) ${spec.contentActions
          .filter((id) => !contentActions.some((action) => action.actionId === id))
          .join(', ')}.`,
      );
    }
    // Strapi lists every field (nested components included) for each type, as its own role editor does.
    const contentPermissions = contentTypes
      .getPermissionsWithNestedFields(contentActions)
      .filter((permission) => SITE_CONTENT_TYPES.some((uid) => uid === permission.subject));
    const mediaPermissions = MEDIA_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [] }));

    const role =
      (await roles.findOne({ code: spec.code })) ??
      (await roles.create({ name: spec.name, code: spec.code, description: spec.description }));
    await roles.assignPermissions(role.id, [...contentPermissions, ...mediaPermissions]);
  }
}
