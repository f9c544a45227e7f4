// SLA deadlines as badges, one per stage, when the case carries SLA data. Nothing is shown (or
// guessed) when it does not.
import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseSla, SlaState, SlaSummary } from '../../../api/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { useFormatters } from '../../../i18n/format.ts';
import { IconClock } from '../../../ui/icons.tsx';

export const STATE_COLOR: Record<SlaState, string> = {
  on_track: 'teal',
  due_soon: 'orange',
  breached: 'red',
  met: 'gray',
  paused: 'gray',
  stopped: 'gray',
};

/** A stage of the case view, or the summary a list row carries (which is never met). */
type Stage = SlaSummary & { metAt?: string | null };

export function useStageText() {
  const { t } = useTranslation();
  const { org } = useSession();
  const f = useFormatters(org.timezone);
  return (s: Stage) => {
    const stage = t(`sla.stage.${s.stage}`);
    if (s.state === 'met') return t('sla.met', { stage, at: s.metAt ? f.dateTime(s.metAt) : '' });
    if (s.state === 'paused') return t('sla.pausedStage', { stage });
    if (s.state === 'stopped') return t('sla.stoppedStage', { stage });
    const left = s.remainingBusinessMs;
    if (s.state === 'breached')
      return t('sla.breached', { stage, ago: left !== null ? f.duration(left) : f.dateTime(s.dueAt) });
    return left !== null
      ? t('sla.left', { stage, left: f.duration(left) })
      : t('sla.due', { stage, at: f.dateTime(s.dueAt) });
  };
}

export function SlaBadges({ sla }: { sla: CaseSla | null | undefined }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const f = useFormatters(org.timezone);
  const text = useStageText();
  if (!sla) return null;
  return (
    <Group gap={6} aria-label={t('sla.label')} role="group">
      {sla.stages.map((s) => (
        <Tooltip key={s.stage} label={t('sla.dueAt', { at: f.dateTime(s.dueAt) })} withArrow>
          <Badge
            color={STATE_COLOR[s.state]}
            variant={s.state === 'breached' ? 'filled' : 'light'}
            leftSection={<IconClock size={12} />}
            data-sla-state={s.state}
            tabIndex={0}
          >
            {text(s)}
          </Badge>
        </Tooltip>
      ))}
      {sla.paused && (
        <Badge color="gray" variant="outline">
          {t('sla.paused')}
        </Badge>
      )}
      {sla.extensions > 0 && (
        <Badge color="grape" variant="light">
          {t('sla.extended', { count: sla.extensions })}
        </Badge>
      )}
    </Group>
  );
}

/** In a list row: the most pressing stage still running, if any (the server picks it). */
export function NextSlaBadge({ sla: next }: { sla: SlaSummary | null | undefined }) {
  const text = useStageText();
  if (!next) return null;
  return (
    <Badge
      size="xs"
      mt={4}
      color={STATE_COLOR[next.state]}
      variant={next.state === 'breached' ? 'filled' : 'light'}
      data-sla-state={next.state}
    >
      {text(next)}
    </Badge>
  );
}
