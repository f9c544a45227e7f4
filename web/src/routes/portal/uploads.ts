// Sending the customer's files to their case, one after another, each with its own outcome (the
// server judges every file by its content and may refuse one and take the next).
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { uploadFile } from './portal-api.ts';

/** What the server accepts (server/src/modules/attachments/file-check.ts), for the file picker. */
export const ACCEPTED_FILES =
  '.pdf,.png,.jpg,.jpeg,.webp,.tif,.tiff,.wav,.mp3,.ogg,.opus,.docx,.xlsx,application/pdf,image/png,image/jpeg,image/webp,image/tiff';
/** Files a customer may add to one case (PORTAL_LIMITS.attachmentsPerCase). */
export const MAX_FILES = 10;

export interface UploadOutcome {
  name: string;
  state: 'sending' | 'done' | 'failed';
  error?: unknown;
}

export function useUploads(org: string, number: string) {
  const [outcomes, setOutcomes] = useState<UploadOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  const upload = useCallback(
    async (files: File[]) => {
      setBusy(true);
      const start = outcomes.length;
      setOutcomes((o) => [...o, ...files.map((f) => ({ name: f.name, state: 'sending' as const }))]);
      const set = (i: number, v: UploadOutcome) =>
        setOutcomes((o) => o.map((x, j) => (j === start + i ? v : x)));
      let failed = 0;
      for (const [i, file] of files.entries()) {
        try {
          await uploadFile(org, number, file);
          set(i, { name: file.name, state: 'done' });
        } catch (error) {
          // the session ended: the remaining files would be refused the same way
          const ended = error instanceof ApiError && error.status === 401;
          for (const [j, f] of files.entries()) {
            if (j === i || (ended && j > i)) set(j, { name: f.name, state: 'failed', error });
          }
          failed += ended ? files.length - i : 1;
          if (ended) break;
        }
      }
      setBusy(false);
      return failed;
    },
    [org, number, outcomes.length],
  );
  return { outcomes, busy, upload };
}
