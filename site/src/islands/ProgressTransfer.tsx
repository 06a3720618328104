import './progress.css';
import { useState, type ChangeEvent } from 'react';
import { parseProgressFile, progressFileName, progressFileText } from '../lib/progress/progress-file';
import { useHydrated, useProgress } from './use-progress';

/** "1 page", "2 pages". */
const count = (n: number, noun: string): string => `${String(n)} ${noun}${n === 1 ? '' : 's'}`;

type Message = { kind: 'ok' | 'error'; text: string } | null;

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has handed the file to the browser; the URL is no longer needed.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** "Export my progress" to a JSON file and "Import progress" from one; shown once JavaScript runs. */
export function ProgressTransfer() {
  const hydrated = useHydrated();
  const [progress, dispatch] = useProgress();
  const [message, setMessage] = useState<Message>(null);
  if (!hydrated) return null;

  const onImport = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseProgressFile(await file.text());
    input.value = '';
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: `Nothing was imported: ${parsed.reason}. Choose a file saved with "Export my progress".` });
      return;
    }
    dispatch({ type: 'merge', from: parsed.state });
    const { pages, checks } = parsed.state;
    setMessage({ kind: 'ok', text: `Progress imported: ${count(pages.length, 'page')} and ${count(checks.length, 'checklist item')}.` });
  };

  return (
    <section className="progress-transfer" aria-labelledby="progress-transfer-heading">
      <h2 id="progress-transfer-heading">Your progress</h2>
      <p>Progress is saved in this browser only. Export it to keep a copy or to move it to another browser.</p>
      <div className="progress-transfer__actions">
        <button
          type="button"
          onClick={() => {
            const now = new Date();
            download(progressFileText(progress, now), progressFileName(now));
          }}
        >
          Export my progress
        </button>
        <label className="progress-transfer__import">
          Import progress
          <input type="file" accept="application/json,.json" onChange={(event) => void onImport(event)} />
        </label>
      </div>
      <p role="status" className={message?.kind === 'error' ? 'progress-transfer__error' : undefined}>
        {message?.text}
      </p>
    </section>
  );
}
