import { describe, expect, it } from 'vitest';
import { backupEnvSchema, parseEnv } from '@lm/shared';

describe('backupEnvSchema', () => {
  it('accepts a key of 32 characters or more', () => {
    const key = 'k'.repeat(32);
    expect(parseEnv(backupEnvSchema, { BACKUP_ENCRYPTION_KEY: key }, '[backup]')).toEqual({
      BACKUP_ENCRYPTION_KEY: key,
    });
  });

  it.each([
    [undefined, 'BACKUP_ENCRYPTION_KEY is missing'],
    ['', 'BACKUP_ENCRYPTION_KEY is missing or empty'],
    ['change-me', 'BACKUP_ENCRYPTION_KEY is still a placeholder from .env.example'],
    ['short', 'BACKUP_ENCRYPTION_KEY is too short (5 characters; at least 32)'],
  ])('refuses %o, saying how to set one', (value, problem) => {
    const parse = () => parseEnv(backupEnvSchema, { BACKUP_ENCRYPTION_KEY: value }, '[backup]');
    expect(parse).toThrow(problem);
    expect(parse).toThrow('Run `npm start` once to add a fresh one to .env, or add BACKUP_ENCRYPTION_KEY=<key> to .env');
  });
});
