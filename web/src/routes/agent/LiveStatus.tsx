// Says whether what the agent sees updates by itself: live (pushed by the server) or, while the
// stream is down, refreshed every so often.
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FALLBACK_POLL_MS, useLiveState } from '../../features/cases/live.ts';

export function LiveStatus() {
  const { t } = useTranslation();
  const state = useLiveState();
  if (state === 'down') {
    return (
      <Tooltip label={t('agent2.live.downHint')} withArrow multiline w={260}>
        <Badge variant="outline" color="gray" data-live-state={state} tabIndex={0}>
          {t('agent2.live.down', { count: FALLBACK_POLL_MS / 1000 })}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge variant="dot" color={state === 'live' ? 'teal' : 'gray'} data-live-state={state} role="status">
      {state === 'live' ? t('agent2.live.on') : t('agent2.live.connecting')}
    </Badge>
  );
}
