/* global window, document */
// The admin posts `{ type: 'strapiUpdate' }` into its preview frame after each save. Only a
// message from the admin's own origin (given by the banner) reloads the page: any other window
// could post one too.
const adminOrigin = document.querySelector('.lm-preview-banner')?.getAttribute('data-admin-origin');

window.addEventListener('message', (event) => {
  /** @type {unknown} */
  const data = event.data;
  if (event.origin !== adminOrigin) return;
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'strapiUpdate') {
    window.location.reload();
  }
});
