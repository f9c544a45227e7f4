import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<string, string> = {
  received: 'blue',
  acknowledged: 'cyan',
  assessment: 'indigo',
  investigation: 'violet',
  waiting_on_customer: 'yellow',
  waiting_on_department: 'orange',
  response_communicated: 'teal',
  closed: 'gray',
  reopened: 'pink',
  under_review: 'grape',
  escalated_externally: 'red',
  withdrawn: 'gray',
  rejected: 'dark',
};

const PRIORITY_COLOR: Record<string, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" radius="sm" data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLOR[priority] ?? 'gray'} variant="outline" radius="sm">
      {t(`priority.${priority}`, { defaultValue: priority })}
    </Badge>
  );
}
