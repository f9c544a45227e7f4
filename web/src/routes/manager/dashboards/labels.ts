// Names for the groups a report returns: codes the UI translates (channels, case types, segments,
// stages), ids of things the organisation named (categories, services, departments), or people.
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../api/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';

export interface GroupLabel {
  text: string;
  /** stored data (the organisation's names, people): shown as data, not as UI text */
  data: boolean;
}

export type Dimension =
  | 'channel'
  | 'type'
  | 'category'
  | 'service'
  | 'department'
  | 'segment'
  | 'agent'
  | 'stage';

export function useGroupLabel() {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const named = (list: { id: string; name: LocalizedText }[], id: string, fallback: string | null) => {
    const found = list.find((x) => x.id === id);
    return {
      text: found ? pickText(found.name, i18n.language, org.defaultLocale) : (fallback ?? id),
      data: true,
    };
  };
  return (by: Dimension, group: string | null, name: string | null = null): GroupLabel => {
    if (group === null) return { text: t('manager.chart.notSet'), data: false };
    switch (by) {
      case 'channel':
        return { text: t(`channel.${group}`, { defaultValue: group }), data: false };
      case 'type': {
        const own = org.settings.caseTypes?.[group]?.name;
        return own
          ? { text: pickText(own, i18n.language, org.defaultLocale), data: true }
          : { text: t(`type.${group}`, { defaultValue: group }), data: false };
      }
      case 'segment':
        return { text: t(`manager.segment.${group}`, { defaultValue: group }), data: false };
      case 'stage':
        return { text: t(`sla.stage.${group}`, { defaultValue: group }), data: false };
      case 'category':
        return named(org.categories, group, name);
      case 'service':
        return named(org.services, group, name);
      case 'department':
        return named(org.departments, group, name);
      case 'agent':
        return { text: name ?? group, data: true };
    }
  };
}
