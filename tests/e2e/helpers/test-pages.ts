import { homeUrl, moduleUrl, pageUrl } from '@lm/shared';

/** A kind of page the browser tests visit, with text its main content must show. */
export interface TestPage {
  /** Names the page in test titles and failure messages. */
  name: string;
  /** Path on the site, e.g. `/modules/partnerships/`. */
  path: string;
  /** Text that only the page's main content shows (checked with JavaScript off). */
  mainText: string;
  /** The HTTP status the site must answer. */
  status: number;
}

/**
 * One page of each kind the site renders: the home, a module home, a content page, a page with a
 * resource box, and the 404 page (an unknown URL). Content from scripts/start/demo and
 * tests/e2e/fixtures/reading-circles.
 */
export const TEST_PAGES: readonly TestPage[] = [
  { name: 'home', path: homeUrl(), mainText: 'Community Partnerships', status: 200 },
  { name: 'module home', path: moduleUrl('partnerships'), mainText: 'Building a Partnership', status: 200 },
  {
    name: 'content page',
    path: pageUrl('reading-circles', 'two-one'),
    mainText: 'Invite quieter members to speak first',
    status: 200,
  },
  {
    name: 'page with a resource box',
    path: pageUrl('partnerships', 'three-one'),
    mainText: 'WebJunction courses for library staff',
    status: 200,
  },
  { name: '404 page', path: '/modules/no-such-module/no-such-page/', mainText: 'Page not found', status: 404 },
];
