import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { z } from 'zod';
import { PUBLISH_STATUS_POLL_MS } from '@lm/shared/browser';

/** What a polled status holds so far. */
export interface PolledStatus<T> {
  data: T | null;
  /** Why the last request failed, in words. */
  error: string | null;
}

/**
 * Reads `url` from the CMS with the admin's session, parses it with `schema`, and asks again every
 * PUBLISH_STATUS_POLL_MS for as long as `shouldPoll` says (given the answer and how many polls
 * came before): only while something is about to change, so an idle admin sends nothing.
 * `refreshKey` starts over, e.g. when the entry was just published.
 */
export function usePolledStatus<T>(
  url: string | null,
  schema: z.ZodType<T>,
  shouldPoll: (value: T, polls: number) => boolean,
  refreshKey = '',
): PolledStatus<T> {
  const { get } = useFetchClient();
  const [state, setState] = useState<PolledStatus<T>>({ data: null, error: null });

  useEffect(() => {
    if (url === null) return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const load = async (): Promise<void> => {
      try {
        const { data } = await get(url);
        const parsed = schema.parse(data);
        if (cancelled) return;
        setState({ data: parsed, error: null });
        if (shouldPoll(parsed, polls)) {
          polls += 1;
          timer = setTimeout(() => void load(), PUBLISH_STATUS_POLL_MS);
        }
      } catch (error) {
        if (cancelled) return;
        setState((previous) => ({
          data: previous.data,
          error: error instanceof Error ? error.message : String(error),
        }));
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `get`, `schema` and `shouldPoll` do not change what is asked; only the URL and the key do.
  }, [url, refreshKey]);

  return state;
}
