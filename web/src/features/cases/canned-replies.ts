// Canned replies for agents: the organisation's own SMS texts for "our answer" and "we need more
// information", in the customer's language, with this case's values put in and rendered by the
// server's template preview (ICU plurals and selects included). Only for users who may read the
// templates (settings:manage); everyone else writes freely.
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CaseView, Org } from '../../api/types.ts';
import { pickText } from '../../i18n/format.ts';
import type { TemplateItem } from './types.ts';

export const CANNED_EVENTS = ['resolved', 'info_requested'] as const;
export type CannedEvent = (typeof CANNED_EVENTS)[number];

/** Where the agent writes: the preview shows it as a gap to fill in. */
export const FILL_IN = '…';
const AGENT_WRITES = new Set(['result', 'question', 'steps', 'howToObject', 'reason', 'offer']);

/** A value as ICU literal text: apostrophes doubled, braces and # quoted. */
export function icuLiteral(value: string): string {
  return value.replace(/'/g, "''").replace(/[{}#]+/g, (m) => `'${m}'`);
}

/** Puts known values into the simple {name} arguments of an ICU template; others stay arguments. */
export function fillTemplate(source: string, values: Record<string, string>): string {
  return source.replace(/\{\s*([a-zA-Z]+)\s*\}/g, (whole, name: string) => {
    if (Object.hasOwn(values, name)) return icuLiteral(values[name]!);
    if (AGENT_WRITES.has(name)) return FILL_IN;
    return whole;
  });
}

export function caseValues(c: CaseView, org: Org, customerName: string, origin: string) {
  return {
    caseNumber: c.number,
    customerName,
    orgName: pickText(org.name, c.locale, org.defaultLocale),
    trackingUrl: `${origin}/portal/${org.slug}/track?number=${encodeURIComponent(c.number)}`,
  };
}

export interface CannedReply {
  event: CannedEvent;
  text: string;
}

export function useCannedReplies(
  enabled: boolean,
  locale: string,
  values: Record<string, string>,
): { replies: CannedReply[]; loading: boolean } {
  const templates = useQuery({
    queryKey: ['templates'],
    queryFn: async () => (await api<{ items: TemplateItem[] }>('/api/v1/admin/templates')).items,
    enabled,
    staleTime: 5 * 60_000,
  });
  const sources = CANNED_EVENTS.flatMap((event) => {
    const t = templates.data?.find((x) => x.event === event && x.channel === 'sms' && x.locale === locale);
    return t ? [{ event, body: fillTemplate(t.body, values) }] : [];
  });
  const previews = useQueries({
    queries: sources.map((s) => ({
      queryKey: ['template-preview', s.event, locale, s.body],
      queryFn: () =>
        api<{ body: string }>('/api/v1/admin/templates/preview', {
          method: 'POST',
          body: { event: s.event, channel: 'sms', locale, body: s.body },
        }),
      enabled,
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const replies = sources.flatMap((s, i) => {
    const text = previews[i]?.data?.body;
    return text ? [{ event: s.event, text }] : [];
  });
  return { replies, loading: enabled && (templates.isPending || previews.some((p) => p.isPending)) };
}
