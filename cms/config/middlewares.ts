import type { Core } from '@strapi/strapi';
import { CSP_DEFAULTS } from '@strapi/utils';
import { s3Media } from '../src/utils/s3-media';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const media = s3Media(env);
  // With media in a bucket, the media library shows files from the bucket's public URL: the
  // admin's Content-Security-Policy must allow that origin, or every thumbnail is blocked.
  const origins = media === null ? [] : [new URL(media.publicUrl).origin];
  return [
    'strapi::logger',
    'strapi::errors',
    {
      name: 'strapi::security',
      config: {
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            'img-src': [...CSP_DEFAULTS['img-src'], ...origins],
            'media-src': [...CSP_DEFAULTS['media-src'], ...origins],
          },
        },
      },
    },
    'strapi::cors',
    'strapi::poweredBy',
    'strapi::query',
    'strapi::body',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
    // 304 for unchanged uploads, so the site build's image cache revalidates instead of refetching.
    'global::unchanged-uploads',
  ];
};

export default config;
