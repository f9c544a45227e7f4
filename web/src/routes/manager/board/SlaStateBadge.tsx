// The most pressing deadline of a case still being worked: overdue first, then due soon, on track,
// paused. Words, not only colour, say which.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseSla, SlaState } from '../../../api/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { useFormatters } from '../../../i18n/format.ts';
import { IconClock } from '../../../ui/icons.tsx';

const URGENCY: SlaState[] = ['breached', 'due_soon', 'on_track', 'paused'];
const COLOR: Partial<Record<SlaState, string>> = {
  breached: 'red',
  due_soon: 'orange',
  on_track: 'teal',
  paused: 'gray',
};

export function pressingStage(sla: CaseSla | null | undefined) {
  const running = (sla?.stages ?? []).filter((s) => URGENCY.includes(s.state));
  running.sort(
    (a, b) => URGENCY.indexOf(a.state) - URGENCY.indexOf(b.state) || a.dueAt.localeCompare(b.dueAt),
  );
  return running[0] ?? null;
}

export function SlaStateBadge({ sla }: { sla: CaseSla | null | undefined }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const f = useFormatters(org.timezone);
  const s = pressingStage(sla);
  if (!s) return null;
  const stage = t(`sla.stage.${s.stage}`);
  const left = s.remainingBusinessMs;
  const text =
    s.state === 'paused'
      ? t('sla.pausedStage', { stage })
      : s.state === 'breached'
        ? t('sla.breached', { stage, ago: left !== null ? f.duration(left) : f.dateTime(s.dueAt) })
        : left !== null
          ? t('sla.left', { stage, left: f.duration(left) })
          : t('sla.due', { stage, at: f.dateTime(s.dueAt) });
  return (
    <Badge
      size="sm"
      color={COLOR[s.state]}
      variant={s.state === 'breached' ? 'filled' : 'light'}
      leftSection={<IconClock size={12} />}
      data-sla-state={s.state}
      title={t('sla.dueAt', { at: f.dateTime(s.dueAt) })}
    >
      {text}
    </Badge>
  );
}
