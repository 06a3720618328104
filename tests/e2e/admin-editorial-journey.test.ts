import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { pageUrl, writeEnvSchema } from '@lm/shared';
import { createDocument } from '../../scripts/lib/strapi-rest-client.js';
import { closeBrowser, collectedErrors, openPage, type OpenedPage } from './helpers/browser.js';
import { siteUrl, strapiWriteEnv } from './helpers/site.js';
import type {} from './helpers/provided-context.js';

/**
 * An author and an editor in the real Strapi admin (the production build, in Chromium), against
 * the demo site the e2e setup runs: Strapi, the rebuild service with real Astro builds, the static
 * site and the preview server. The author writes a page through the form and previews it but
 * cannot publish; the editor publishes it and sees it go live; the public page shows it. Screenshots
 * of each step go to SCREENSHOT_DIR (or /tmp/admin-editorial-journey).
 */

const screenshotDir = process.env.SCREENSHOT_DIR ?? '/tmp/admin-editorial-journey';
const MODULE_SLUG = 'editorial-journey';
/** The slug is the one the CMS makes from the title. */
const PAGE = { number: '2.1', title: 'Welcoming New Members', slug: 'welcoming-new-members' };
const TYPED_TEXT = 'Greet each newcomer by name and hand them the current book.';
const BOX = { title: 'Questions for the first meeting', item: 'What made you join the circle?' };
/** A build after a publish waits for a debounce, an incremental Astro build and a swap, on a busy machine. */
const LIVE_TIMEOUT_MS = 240_000;
/** The admin bundle is large: its first screens take a while on a loaded machine. */
const UI_TIMEOUT_MS = 90_000;

const write = () => writeEnvSchema.parse(strapiWriteEnv());
const adminUrl = (pathname: string): string => `${write().STRAPI_URL}/admin${pathname}`;
const editUrl = (documentId: string): string =>
  adminUrl(`/content-manager/collection-types/api::page.page/${documentId}`);

let author: OpenedPage;
let editor: OpenedPage;
let sectionTitle = '';
let pageId = '';
let moduleId = '';
let sectionId = '';

/** The words on screen, however the panel wraps them. */
const text = (shown: string): string => shown.replace(/\s+/g, ' ').trim();

async function screenshot(page: Page, name: string, focus?: Locator): Promise<void> {
  await focus?.scrollIntoViewIfNeeded();
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Logs in through the admin's login form, as a person would. */
async function logIn(page: Page, login: { email: string; password: string }): Promise<void> {
  await page.goto(adminUrl('/auth/login'));
  try {
    await page.getByLabel('Email').fill(login.email, { timeout: UI_TIMEOUT_MS });
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL(/\/admin\/?$/, { timeout: UI_TIMEOUT_MS });
  } catch (error) {
    await screenshot(page, `login-failed-${login.email}`);
    throw new Error(`[e2e] ${login.email} cannot log into the admin; errors: ${collectedErrors(page).join('\n')}`, {
      cause: error,
    });
  }
}

/** Chooses the page's section in the relation field by typing part of its title. */
async function chooseSection(page: Page, title: string): Promise<void> {
  const field = page.getByRole('combobox', { name: /^Section/ });
  await field.click();
  await field.fill(title.slice(0, 8));
  await page.getByRole('option', { name: new RegExp(title) }).click();
}

/** The text of the elements that describe a field (its hint, or the error the admin put there). */
const descriptionOf = (field: Locator): Promise<string> =>
  field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

beforeAll(async () => {
  // A module of the test's own, so the demo module other files read stays as it is.
  const env = write();
  moduleId = await createDocument(
    env,
    'modules',
    { title: 'Editorial Journey', slug: MODULE_SLUG, summary: 'Written through the admin by the browser tests.' },
    'published',
  );
  sectionTitle = 'Running the Circle';
  sectionId = await createDocument(
    env,
    'sections',
    {
      module: moduleId,
      number: 2,
      title: sectionTitle,
      slug: 'running',
      outcomes: [{ text: 'Welcome new members to a reading circle' }],
    },
    'published',
  );
  author = await openPage({ width: 1440, height: 1000 });
  editor = await openPage({ width: 1440, height: 1000 });
});

afterAll(async () => {
  await author.close();
  await editor.close();
  await closeBrowser();
});

describe('an author writes a page in the admin', () => {
  it('logs in through the form and sees no guided tour for developers', async () => {
    const { page } = author;
    await logIn(page, inject('editorialLogins').author);
    await page.getByRole('heading', { name: /Hello/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByText('Discover your application!').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Content-Type Builder' }).count()).toBe(0);
    await screenshot(page, '01-author-home');
  });

  it('creates a page with rich text and a resource box, saves it as a draft, and gets a slug from the title', async () => {
    const { page } = author;
    await page.goto(adminUrl('/content-manager/collection-types/api::page.page/create'));
    await page.getByRole('textbox', { name: 'Title' }).fill(PAGE.title, { timeout: UI_TIMEOUT_MS });
    await page.getByRole('textbox', { name: 'Number' }).fill(PAGE.number);
    // The URL slug is left empty: the CMS makes it from the title.
    await chooseSection(page, sectionTitle);

    await page.getByRole('button', { name: 'Add a component to Body' }).click();
    await page.getByRole('button', { name: 'Rich text', exact: true }).click();
    const editor = page.getByRole('region', { name: 'Rich text' }).getByRole('textbox');
    await editor.click();
    // The rich-text editor takes the focus a moment after the click; keys pressed before are lost.
    await expect
      .poll(() => editor.evaluate((element) => element.contains(document.activeElement)), { timeout: 30_000 })
      .toBe(true);
    await editor.pressSequentially(TYPED_TEXT);
    await expect.poll(() => editor.innerText(), { timeout: 30_000 }).toBe(TYPED_TEXT);

    await page.getByRole('button', { name: 'Add a component to Body' }).click();
    await page.getByRole('button', { name: 'Resource box', exact: true }).click();
    const box = page.getByRole('region', { name: 'Resource box' });
    await box.getByRole('textbox', { name: 'Box title' }).fill(BOX.title);
    await box.getByRole('button', { name: 'No entry yet. Click to add one.' }).click();
    await box.getByRole('textbox', { name: 'Text' }).fill(BOX.item);
    await screenshot(page, '02-author-form');

    await page.getByRole('button', { name: 'Save' }).click();
    // A saved entry has its own address, with its documentId.
    await page.waitForURL(/api::page\.page\/(?!create)[a-z0-9]+$/, { timeout: UI_TIMEOUT_MS });
    pageId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(pageId).not.toBe('');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'URL slug' }).inputValue(), { timeout: 30_000 })
      .toBe(PAGE.slug);
    await expect.poll(() => page.getByTestId('publish-status').innerText(), { timeout: 60_000 }).toBe('Draft only');
    await screenshot(page, '03-author-saved');
  });

  it('opens Preview and sees the draft as the site will show it', async () => {
    const { page } = author;
    await page.getByRole('link', { name: 'Open preview' }).click();
    const frame = page.frameLocator('[data-testid="preview-iframe"]');
    await frame.getByText(TYPED_TEXT).waitFor({ timeout: UI_TIMEOUT_MS });
    await frame.getByText(BOX.item).waitFor();
    await expect.poll(() => frame.getByRole('heading', { level: 1 }).innerText()).toContain(PAGE.title);
    expect(await frame.getByText('Draft preview').count()).toBeGreaterThan(0);
    await screenshot(page, '04-author-preview');
  });

  it('cannot publish it', async () => {
    const { page } = author;
    await page.goto(editUrl(pageId));
    await page.getByTestId('publish-status').waitFor({ timeout: UI_TIMEOUT_MS });
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    // Strapi shows the button disabled to a role without the publish permission (or not at all).
    expect((await publish.count()) === 0 || (await publish.isDisabled())).toBe(true);
    await screenshot(page, '05-author-cannot-publish');
  });
});

describe('an editor publishes it', () => {
  it('publishes the page, the side panel turns to "Live" and the public page shows the text', async () => {
    const { page } = editor;
    await logIn(page, inject('editorialLogins').editor);
    await page.getByRole('heading', { name: /Hello/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByText('Discover your application!').count()).toBe(0);
    await screenshot(page, '06-editor-home');
    await page.goto(editUrl(pageId));
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    await publish.waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => publish.isEnabled(), { timeout: 30_000 }).toBe(true);
    await publish.click();
    const panel = page.getByTestId('publish-status');
    await expect
      .poll(async () => text(await panel.innerText()), { timeout: LIVE_TIMEOUT_MS, interval: 1_000 })
      .toMatch(/Live on the site since \d\d:\d\d · View live page/);
    await screenshot(page, '07-editor-live');

    const learner = await openPage();
    try {
      await learner.page.goto(`${siteUrl()}${pageUrl(MODULE_SLUG, PAGE.slug)}`);
      await learner.page.getByText(TYPED_TEXT).waitFor({ timeout: 30_000 });
      await learner.page.getByText(BOX.item).waitFor();
      await screenshot(learner.page, '08-public-page');
    } finally {
      await learner.close();
    }
  });

  it('is refused a page number outside its section, with the check on the field and the form kept', async () => {
    const { page } = editor;
    await page.goto(adminUrl('/content-manager/collection-types/api::page.page/create'));
    await page.getByRole('textbox', { name: 'Title' }).fill('Misplaced Page', { timeout: UI_TIMEOUT_MS });
    await page.getByRole('textbox', { name: 'Number' }).fill('9.1');
    await page.getByRole('textbox', { name: 'URL slug' }).fill('misplaced-page');
    await chooseSection(page, sectionTitle);
    await page.getByRole('button', { name: 'Save' }).click();

    const number = page.getByRole('textbox', { name: 'Number' });
    await expect.poll(() => number.getAttribute('aria-invalid'), { timeout: 60_000 }).toBe('true');
    expect(await descriptionOf(number)).toContain(
      'the number "9.1" does not start with its section\'s number. Pages of section 2 are numbered 2.0, 2.1',
    );
    // Nothing typed is lost, and nothing was created.
    expect(await number.inputValue()).toBe('9.1');
    expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Misplaced Page');
    expect(await page.getByRole('textbox', { name: 'URL slug' }).inputValue()).toBe('misplaced-page');
    expect(page.url()).toMatch(/\/create$/);
    await screenshot(page, '09-editor-bad-number', number);
  });
});

describe('course checks in the side panel', () => {
  const collection = (uid: string, documentId: string): string =>
    adminUrl(`/content-manager/collection-types/${uid}/${documentId}`);

  /** The "Course checks" panel's words on the edit view of a document. */
  async function courseChecksOn(page: Page, url: string): Promise<Locator> {
    await page.goto(url);
    const panel = page.getByTestId('course-checks');
    await panel.waitFor({ timeout: UI_TIMEOUT_MS });
    return panel;
  }

  it('warns of a section without learning outcomes', async () => {
    const { page } = editor;
    const bare = await createDocument(
      write(),
      'sections',
      { module: moduleId, number: 3, title: 'Keeping It Going', slug: 'keeping-it-going' },
      'draft',
    );
    const panel = await courseChecksOn(page, collection('api::section.section', bare));
    expect(text(await panel.innerText())).toContain('section 3 "Keeping It Going" has no learning outcomes');
    expect(await panel.getByRole('list', { name: /publishing is not blocked/ }).count()).toBe(1);
    await screenshot(page, '10-checks-section-without-outcomes', panel);
  });

  it('warns of a link to a page that is not published yet, and says nothing of a page without problems', async () => {
    const { page } = editor;
    await createDocument(
      write(),
      'pages',
      { section: sectionId, number: '2.2', title: 'Choosing a Venue', slug: 'choosing-a-venue' },
      'draft',
    );
    const linking = await createDocument(
      write(),
      'pages',
      {
        section: sectionId,
        number: '2.3',
        title: 'Planning the Year',
        slug: 'planning-the-year',
        body: [
          {
            __component: 'content.rich-text',
            content: [
              {
                type: 'paragraph',
                children: [
                  {
                    type: 'link',
                    url: pageUrl(MODULE_SLUG, 'choosing-a-venue'),
                    children: [{ type: 'text', text: 'where to meet' }],
                  },
                ],
              },
            ],
          },
        ],
      },
      'draft',
    );
    const panel = await courseChecksOn(page, collection('api::page.page', linking));
    expect(text(await panel.innerText())).toContain('"Choosing a Venue", which is not published yet');
    await screenshot(page, '11-checks-link-to-unpublished', panel);

    const clean = await courseChecksOn(page, collection('api::page.page', pageId));
    expect(text(await clean.innerText())).toBe('No problems found.');
  });
});
