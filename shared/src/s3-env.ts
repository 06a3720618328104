import { z } from 'zod';

/** The variables that move the media library to an S3-compatible bucket: all of them, or none. */
export const S3_REQUIRED_KEYS = [
  'S3_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_PUBLIC_URL',
] as const;

/** Every variable s3EnvSchema reads. */
export const S3_ENV_KEYS = [...S3_REQUIRED_KEYS, 'S3_ACL'] as const;

const unset = (value: unknown): unknown => (value === '' ? undefined : value);
const text = z.preprocess(unset, z.string().optional());
const url = (name: string, example: string) =>
  z.preprocess(
    unset,
    z
      .string()
      .url(`${name} must be a URL such as ${example}.`)
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
  );

/**
 * Where the CMS keeps uploaded media when one machine is not enough: an S3-compatible bucket
 * (AWS S3, Cloudflare R2, MinIO...) through Strapi's upload provider, so every Strapi instance
 * reads and writes the same files. Unset: files stay in cms/public/uploads on the machine.
 */
export const s3EnvSchema = z
  .object({
    /** The bucket's name. */
    S3_BUCKET: text,
    /** Its region (`auto` for R2; any value for MinIO). */
    S3_REGION: text,
    /** The S3 API's URL, e.g. https://s3.eu-west-1.amazonaws.com or https://<account>.r2.cloudflarestorage.com. */
    S3_ENDPOINT: url('S3_ENDPOINT', 'https://s3.eu-west-1.amazonaws.com'),
    S3_ACCESS_KEY_ID: text,
    S3_SECRET_ACCESS_KEY: text,
    /** Where readers' browsers fetch the files: the bucket's public URL or a CDN in front of it. */
    S3_PUBLIC_URL: url('S3_PUBLIC_URL', 'https://media.example.org'),
    /** A canned ACL sent with each upload (`public-read`) for buckets that use ACLs; unset: none, a bucket policy makes files public. */
    S3_ACL: z.preprocess(
      unset,
      z.enum(['public-read'], { errorMap: () => ({ message: 'S3_ACL must be public-read, or unset.' }) }).optional(),
    ),
  })
  .superRefine((env, context) => {
    const missing = S3_REQUIRED_KEYS.filter((key) => env[key] === undefined);
    if (missing.length > 0 && missing.length < S3_REQUIRED_KEYS.length) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: [missing.join(', ')],
        message:
          `missing, while ${S3_REQUIRED_KEYS.filter((key) => !missing.includes(key)).join(', ')} ` +
          'are set. Media go to an S3 bucket only with all six set; unset them all to keep files on this machine.',
      });
    }
  })
  .transform((env) => {
    const { S3_BUCKET, S3_REGION, S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_PUBLIC_URL } = env;
    // superRefine let through all six or none.
    if (!S3_BUCKET || !S3_REGION || !S3_ENDPOINT || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY || !S3_PUBLIC_URL) {
      return null;
    }
    return {
      bucket: S3_BUCKET,
      region: S3_REGION,
      endpoint: S3_ENDPOINT,
      accessKeyId: S3_ACCESS_KEY_ID,
      secretAccessKey: S3_SECRET_ACCESS_KEY,
      publicUrl: S3_PUBLIC_URL,
      acl: env.S3_ACL,
    };
  });

/**
 * What the site build needs of the bucket: the public URL its files are read from, so it may fetch
 * and optimise them as it does Strapi's own uploads. Unset: media are Strapi's.
 */
export const mediaUrlEnvSchema = z.object({
  S3_PUBLIC_URL: url('S3_PUBLIC_URL', 'https://media.example.org'),
});

/** The bucket's settings, or null when media stay on this machine. */
export type S3Media = z.infer<typeof s3EnvSchema>;
