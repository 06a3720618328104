import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { COMPONENT_VIEWS, CONTENT_TYPE_VIEWS, type AdminView } from './admin-views';

const configurationSchema = z
  .object({
    settings: z.record(z.unknown()),
    metadatas: z.record(z.object({ edit: z.record(z.unknown()), list: z.record(z.unknown()) })),
    layouts: z.object({ list: z.array(z.string()) }).passthrough(),
  })
  .passthrough();
type Configuration = z.infer<typeof configurationSchema>;

/** The part of the content manager's (untyped) configuration services this module uses. */
const serviceSchema = z.object({
  findConfiguration: z
    .function()
    .args(z.object({ uid: z.string() }))
    .returns(z.promise(z.unknown())),
  updateConfiguration: z
    .function()
    .args(z.object({ uid: z.string() }), z.unknown())
    .returns(z.promise(z.unknown())),
});

function applyView(configuration: Configuration, view: AdminView): Configuration {
  const metadatas = { ...configuration.metadatas };
  for (const [field, { label, description }] of Object.entries(view.fields)) {
    const current = metadatas[field];
    if (!current) continue;
    metadatas[field] = {
      edit: { ...current.edit, label, ...(description ? { description } : {}) },
      list: { ...current.list, label },
    };
  }
  const settings = { ...configuration.settings };
  if (view.mainField) settings.mainField = view.mainField;
  if (view.defaultSortBy) settings.defaultSortBy = view.defaultSortBy;
  if (view.defaultSortOrder) settings.defaultSortOrder = view.defaultSortOrder;
  const layouts = view.listColumns ? { ...configuration.layouts, list: view.listColumns } : configuration.layouts;
  return { ...configuration, settings, metadatas, layouts };
}

/**
 * Gives the admin editor-friendly labels, hints, list columns and default sorting (by number or
 * order) instead of raw field names. Runs on every start so all environments look the same.
 */
export async function configureAdminViews(strapi: Core.Strapi): Promise<void> {
  const contentManager = strapi.plugin('content-manager');
  const groups: Array<[z.infer<typeof serviceSchema>, Record<string, AdminView>]> = [
    [serviceSchema.parse(contentManager.service('content-types')), CONTENT_TYPE_VIEWS],
    [serviceSchema.parse(contentManager.service('components')), COMPONENT_VIEWS],
  ];
  for (const [service, views] of groups) {
    for (const [uid, view] of Object.entries(views)) {
      const current = configurationSchema.parse(await service.findConfiguration({ uid }));
      await service.updateConfiguration({ uid }, applyView(current, view));
    }
  }
}
