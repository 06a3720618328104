import { CONTENT_TYPE_UIDS, RESOURCE_BOX_KINDS } from '../utils/shared';

/** How one field reads in the admin: its label, and a hint under it. */
interface FieldView {
  label: string;
  description?: string;
}

/** What an editor sees for one content type or component in Strapi's content manager. */
export interface AdminView {
  /** Field shown for an entry in relations and titles. */
  mainField?: string;
  defaultSortBy?: string;
  defaultSortOrder?: 'ASC' | 'DESC';
  /** Columns of the list view, in order. */
  listColumns?: string[];
  fields: Record<string, FieldView>;
}

/**
 * Editor-facing labels and list views, kept in code so every environment shows the same admin.
 * Strapi stores these in its database; the bootstrap writes them on each start.
 */
export const CONTENT_TYPE_VIEWS: Record<string, AdminView> = {
  [CONTENT_TYPE_UIDS.module]: {
    mainField: 'title',
    defaultSortBy: 'order',
    defaultSortOrder: 'ASC',
    listColumns: ['order', 'title', 'slug', 'sections'],
    fields: {
      title: { label: 'Title', description: 'Shown to readers, e.g. "Community Partnerships".' },
      slug: { label: 'URL slug', description: 'The {module} in /modules/{module}/. Changing it changes the URL.' },
      summary: { label: 'Summary', description: 'One or two sentences for the module list on the home page.' },
      order: { label: 'Order', description: 'Position on the home page; lower comes first.' },
      icon: { label: 'Icon' },
      sections: { label: 'Sections' },
    },
  },
  [CONTENT_TYPE_UIDS.section]: {
    mainField: 'title',
    defaultSortBy: 'number',
    defaultSortOrder: 'ASC',
    listColumns: ['number', 'title', 'module', 'pages'],
    fields: {
      module: { label: 'Module' },
      number: {
        label: 'Number',
        description: 'The 2 of "2. What is a Community Partnership?". Readers see it before the title.',
      },
      title: { label: 'Title' },
      slug: {
        label: 'Slug',
        description: 'Leave empty to generate it from the title. Lower-case words joined by hyphens.',
      },
      intro: { label: 'Introduction', description: 'Optional; shown on the module page above the outcomes.' },
      outcomes: { label: 'Learning outcomes', description: 'One per entry, in the order readers should see them.' },
      pages: { label: 'Pages' },
    },
  },
  [CONTENT_TYPE_UIDS.page]: {
    mainField: 'title',
    defaultSortBy: 'number',
    defaultSortOrder: 'ASC',
    listColumns: ['number', 'title', 'section', 'slug'],
    fields: {
      section: { label: 'Section' },
      number: { label: 'Number', description: 'e.g. 2.0. Shown before the title; pages are ordered by it.' },
      title: { label: 'Title', description: 'e.g. "Overview", without the number.' },
      slug: {
        label: 'URL slug',
        description:
          'Leave empty to generate it from the title. The {page} in /modules/{module}/{page}/, unique within the module.',
      },
      body: {
        label: 'Body',
        description: "Rich text, resource boxes, videos, and where the section's outcomes appear.",
      },
      seo: { label: 'Search and sharing' },
      legacyPaths: {
        label: 'Old addresses',
        description:
          'Paths this page had before, e.g. /modules/partnerships/two-zero.html. They redirect permanently to its current address.',
      },
    },
  },
};

/** "Questions, checklist, links or tip", from the kinds the schema defines. */
function kindList(): string {
  const [first = '', ...rest] = RESOURCE_BOX_KINDS;
  const last = rest.pop();
  const head = [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(', ');
  return last === undefined ? head : `${head} or ${last}`;
}

export const COMPONENT_VIEWS: Record<string, AdminView> = {
  'content.resource-box': {
    mainField: 'title',
    fields: {
      title: { label: 'Box title', description: 'e.g. "Is this a good partnership opportunity?"' },
      intro: { label: 'Introduction', description: 'A sentence above the list.' },
      kind: { label: 'Kind', description: `${kindList()}: sets how the box looks.` },
      items: { label: 'Items' },
    },
  },
  'content.video': {
    mainField: 'title',
    fields: {
      provider: { label: 'Host', description: 'YouTube or Vimeo.' },
      videoId: {
        label: 'Video id',
        description: 'YouTube: the 11 characters after v= (youtube.com/watch?v=…). Vimeo: the number in vimeo.com/…',
      },
      title: { label: 'Title', description: 'Shown on the poster and read out on the play button.' },
      startSeconds: { label: 'Start at (seconds)', description: 'Optional: play from here, e.g. 30.' },
      endSeconds: { label: 'Stop at (seconds)', description: 'Optional, YouTube only: stop here, e.g. 150.' },
      durationSeconds: {
        label: 'Length (seconds)',
        description: 'Optional: shown on the poster, e.g. 120 shows 2:00.',
      },
    },
  },
  'content.resource-item': {
    mainField: 'text',
    fields: { text: { label: 'Text' }, url: { label: 'Link (optional)', description: 'https://…, mailto:… or /path' } },
  },
  'content.outcomes': {
    mainField: 'heading',
    fields: {
      heading: { label: 'Heading' },
      lead: { label: 'Lead line', description: 'e.g. "After completing Section 2, … you will be able to..."' },
    },
  },
  'content.rich-text': { fields: { content: { label: 'Text' } } },
  'learning.outcome': {
    mainField: 'text',
    fields: { text: { label: 'Outcome', description: 'Starts with a verb: "Describe…", "Explain…".' } },
  },
  'shared.legacy-path': {
    mainField: 'path',
    fields: {
      path: { label: 'Path', description: 'Starts with /, without the host, e.g. /modules/partnerships/two-zero/.' },
    },
  },
  'shared.seo': {
    fields: {
      metaTitle: { label: 'Title for search engines', description: 'Up to 70 characters; defaults to the page title.' },
      metaDescription: { label: 'Description for search engines', description: 'Up to 160 characters.' },
    },
  },
};
