import { describe, expect, it } from 'vitest';
import { s3EnvSchema } from '@lm/shared';

const all = {
  S3_BUCKET: 'lm-media',
  S3_REGION: 'eu-west-1',
  S3_ENDPOINT: 'https://s3.eu-west-1.amazonaws.com/',
  S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'secret',
  S3_PUBLIC_URL: 'https://media.example.org/',
};

describe('s3EnvSchema', () => {
  it.each([
    ['nothing set', {}],
    ['every value empty', Object.fromEntries(Object.keys(all).map((key) => [key, '']))],
  ])('keeps media on this machine with %s', (_, env) => {
    expect(s3EnvSchema.parse(env)).toBeNull();
  });

  it('reads all six, without trailing slashes, and no ACL unless asked', () => {
    expect(s3EnvSchema.parse(all)).toEqual({
      bucket: 'lm-media',
      region: 'eu-west-1',
      endpoint: 'https://s3.eu-west-1.amazonaws.com',
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'secret',
      publicUrl: 'https://media.example.org',
      acl: undefined,
    });
    expect(s3EnvSchema.parse({ ...all, S3_ACL: 'public-read' })?.acl).toBe('public-read');
  });

  it.each([
    ['one missing', { ...all, S3_PUBLIC_URL: '' }, 'S3_PUBLIC_URL: missing, while S3_BUCKET'],
    ['only the bucket', { S3_BUCKET: 'lm-media' }, 'S3_REGION, S3_ENDPOINT, S3_ACCESS_KEY_ID'],
    ['an endpoint that is no URL', { ...all, S3_ENDPOINT: 's3.amazonaws.com' }, 'S3_ENDPOINT must be a URL'],
    ['an unknown ACL', { ...all, S3_ACL: 'authenticated-read' }, 'S3_ACL must be public-read'],
  ])('refuses %s, naming it', (_, env, message) => {
    const result = s3EnvSchema.safeParse(env);
    expect(result.success).toBe(false);
    const text = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n');
    expect(text).toContain(message);
  });
});
