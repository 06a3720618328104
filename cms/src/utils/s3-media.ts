import type { Core } from '@strapi/strapi';
import { parseEnv, S3_ENV_KEYS, s3EnvSchema, type S3Media } from './shared';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * The S3 bucket the media library uses, or null when files stay on this machine (one Strapi).
 * Read from the S3_* variables, which must be set all together: a half-configured bucket stops
 * Strapi at start with the names of the missing ones, rather than losing uploads later.
 */
export function s3Media(env: Env): S3Media {
  const values = Object.fromEntries(S3_ENV_KEYS.map((key) => [key, env(key)]));
  return parseEnv(s3EnvSchema, values, '[cms]');
}

/**
 * The upload plugin's settings for a bucket, for @strapi/provider-upload-aws-s3. Path-style
 * addressing (`endpoint/bucket/key`) works on AWS, R2 and MinIO alike; the public URL (the bucket's
 * own, or a CDN's) is what Strapi stores as each file's URL. No ACL unless S3_ACL asks for one:
 * buckets made since 2023 refuse ACLs, and a bucket policy makes their files public.
 */
export function s3UploadConfig(media: NonNullable<S3Media>) {
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: media.publicUrl,
      s3Options: {
        credentials: { accessKeyId: media.accessKeyId, secretAccessKey: media.secretAccessKey },
        region: media.region,
        endpoint: media.endpoint,
        forcePathStyle: true,
        params: { Bucket: media.bucket, ACL: media.acl },
      },
    },
  };
}
