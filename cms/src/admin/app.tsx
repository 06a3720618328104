import { Earth } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { CourseChecksPanel } from './course-checks/CourseChecksPanel';
import { PublishStatusPanel } from './publish-status/PublishStatusPanel';

/** `apis` of a plugin are untyped in Strapi's admin; this is the one the content manager offers. */
const isPanelAdder = (value: unknown): value is (panels: PanelComponent[]) => void => typeof value === 'function';

export default {
  config: {
    // Editors write content: the guided tour about building schemas and deploying is not for them,
    // nor are notices about new Strapi releases.
    tutorials: false,
    notifications: { releases: false },
  },

  register(app: StrapiApp) {
    app.widgets.register({
      id: 'publish-status',
      // Strapi refuses a widget without an icon.
      icon: Earth,
      title: { id: 'lm.publish-status.widget.title', defaultMessage: 'Public site' },
      component: async () => (await import('./publish-status/PublishStatusWidget')).PublishStatusWidget,
    });
  },

  /** The content manager offers its APIs only once every plugin has registered. */
  bootstrap(app: StrapiApp) {
    const addPanel = app.getPlugin('content-manager').apis.addEditViewSidePanel;
    if (!isPanelAdder(addPanel)) {
      throw new Error('[admin] The content manager no longer offers addEditViewSidePanel; check its admin API.');
    }
    addPanel([PublishStatusPanel, CourseChecksPanel]);
  },
};
