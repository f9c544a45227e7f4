import { useSession } from '../features/session/SessionContext.tsx';
import { useFormatters } from '../i18n/format.ts';

/** A moment in the organisation's time zone, in the user's language; Hijri beside it when the org wants it. */
export function DateTime({ iso, format = 'full' }: { iso: string; format?: 'full' | 'date' | 'compact' }) {
  const { org } = useSession();
  const f = useFormatters(org.timezone);
  const text = format === 'date' ? f.date(iso) : format === 'compact' ? f.compact(iso) : f.dateTime(iso);
  // the compact form keeps its full date (and Hijri date) in the tooltip
  const title = format === 'compact' ? f.dateTime(iso) : undefined;
  return (
    <time
      dateTime={iso}
      translate="no"
      title={org.settings.hijri ? `${title ?? text} · ${f.hijriDate(iso)}` : title}
    >
      {text}
      {org.settings.hijri && format === 'full' ? ` · ${f.hijriDate(iso)}` : ''}
    </time>
  );
}
