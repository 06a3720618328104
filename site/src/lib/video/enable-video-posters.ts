/**
 * Turns each video poster's play button on, and on a click swaps the poster for the player. The
 * player's address and title come from the poster's data attributes, which the build wrote from
 * checked content (see VideoPoster.astro); nothing is requested from the host before the click.
 */
export function enableVideoPosters(root: Document): void {
  for (const stage of root.querySelectorAll<HTMLElement>('[data-video-player]')) {
    const button = stage.querySelector('button');
    const src = stage.dataset.videoPlayer;
    if (!button || !src || button.dataset.videoReady === 'true') continue;
    // Bound once, should the script ever run twice on a page.
    button.dataset.videoReady = 'true';
    button.hidden = false;
    button.addEventListener('click', () => {
      const frame = root.createElement('iframe');
      frame.src = src;
      frame.title = stage.dataset.videoTitle ?? 'Video';
      frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
      frame.allowFullscreen = true;
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      for (const child of stage.children) if (child instanceof HTMLElement) child.hidden = true;
      stage.append(frame);
      // The button is gone from view; keep the keyboard where the learner was, on the player.
      frame.focus();
    });
  }
}
