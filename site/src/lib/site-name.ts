/** The public site's name: in every title, the header, Open Graph and the JSON-LD provider. */
export const SITE_NAME = 'Library Learning Modules';

/** The description of pages that have nothing more specific (home, 404). */
export const SITE_DESCRIPTION = 'Self-paced training modules for library staff.';
