/**
 * The part of s3rver 3.7 (a local S3 server for tests, which ships no types) the tests use.
 * From its README and lib/s3rver.js.
 */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  export interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    /** Where the buckets' objects are kept. */
    directory: string;
    /** Buckets created at start; `configs` holds bucket XML documents (CORS, website). */
    configureBuckets?: { name: string; configs: string[] }[];
  }

  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
