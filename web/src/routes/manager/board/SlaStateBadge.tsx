// The most pressing deadline of a case still being worked (the server picks it: overdue first,
// then due soon, on track, paused). Words, not only colour, say which.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaSummary } from '../../../api/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { useFormatters } from '../../../i18n/format.ts';
import { IconClock } from '../../../ui/icons.tsx';
import { STATE_COLOR, useStageText } from '../../agent/case/SlaBadges.tsx';

export function SlaStateBadge({ sla }: { sla: SlaSummary | null | undefined }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const f = useFormatters(org.timezone);
  const text = useStageText();
  if (!sla) return null;
  return (
    <Badge
      size="sm"
      color={STATE_COLOR[sla.state]}
      variant={sla.state === 'breached' ? 'filled' : 'light'}
      leftSection={<IconClock size={12} />}
      data-sla-state={sla.state}
      title={t('sla.dueAt', { at: f.dateTime(sla.dueAt) })}
    >
      {text(sla)}
    </Badge>
  );
}
