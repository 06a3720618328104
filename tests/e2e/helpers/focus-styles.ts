import type { Page } from 'playwright-core';

/** An element that took keyboard focus, and whether anything about it looks different when focused. */
export interface FocusStop {
  /** Tag, id and text, to name the element in a failure message. */
  label: string;
  /** The focused style differs from the unfocused one in outline, box-shadow, border or background. */
  indicated: boolean;
}

/** Most Tab stops followed on one page; the site's pages have far fewer. */
const MAX_STOPS = 80;

/**
 * Tabs through the page from the top and, for each element that takes focus, compares its computed
 * outline, box-shadow, border colour and background focused (from the keyboard, so :focus-visible
 * applies) with the same properties once focus moved on. Stops when focus leaves the document or
 * comes back to the first stop.
 */
export async function tabThroughFocusStops(page: Page): Promise<FocusStop[]> {
  const focused: Array<{ index: number; style: string }> = [];
  for (let index = 0; index < MAX_STOPS; index++) {
    await page.keyboard.press('Tab');
    const style = await page.evaluate((stop) => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement) || element === document.body) return null;
      if (element.dataset.focusStop !== undefined) return null;
      element.dataset.focusStop = String(stop);
      const css = getComputedStyle(element);
      return [
        css.outlineStyle,
        css.outlineWidth,
        css.outlineColor,
        css.boxShadow,
        css.borderColor,
        css.backgroundColor,
      ].join('|');
    }, index);
    if (style === null) break;
    focused.push({ index, style });
  }
  // Focus off every stop, so each is read unfocused (and not hovered: the mouse never moved).
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  const stops: FocusStop[] = [];
  for (const { index, style } of focused) {
    const unfocused = await page.evaluate((stop) => {
      const element = document.querySelector(`[data-focus-stop="${String(stop)}"]`);
      if (!(element instanceof HTMLElement)) return null;
      const css = getComputedStyle(element);
      const label = `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}> "${element.textContent.trim().slice(0, 40)}"`;
      const now = [
        css.outlineStyle,
        css.outlineWidth,
        css.outlineColor,
        css.boxShadow,
        css.borderColor,
        css.backgroundColor,
      ].join('|');
      return { label, now };
    }, index);
    if (unfocused) stops.push({ label: unfocused.label, indicated: unfocused.now !== style });
  }
  return stops;
}
