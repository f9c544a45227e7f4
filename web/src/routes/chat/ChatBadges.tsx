import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChatState } from './chat-api.ts';

const STATE_COLOR: Record<ChatState, string> = { waiting: 'orange', active: 'teal', closed: 'gray' };

export function ChatStateBadge({ state }: { state: ChatState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" radius="sm" style={{ flex: 'none' }}>
      {t(`chat.state.${state}`)}
    </Badge>
  );
}

/** The language the visitor writes in, named in the agent's language ("Writes in Arabic"). */
export function LanguageBadge({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const name = t(`languageName.${locale}`, { defaultValue: locale });
  return (
    <Badge variant="outline" color="blue" radius="sm" title={t('chat.list.language', { language: name })}>
      {name}
    </Badge>
  );
}
