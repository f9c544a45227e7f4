// The portal's language menu: the five languages, the organisation's own first.
import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types.ts';
import { chooseLanguage } from '../../i18n/i18n.ts';
import { bcp47, directionOf, ENDONYMS } from '../../i18n/languages.ts';
import { IconGlobe } from '../../ui/icons.tsx';
import { languagesFor } from './portal-language.ts';

export function PortalLanguageSwitch({ orgLanguages }: { orgLanguages: readonly Locale[] }) {
  const { t, i18n } = useTranslation();
  const { own, others } = languagesFor(orgLanguages);
  const current = ENDONYMS[i18n.language as Locale];
  const item = (lng: Locale) => (
    <Menu.Item
      key={lng}
      onClick={() => void chooseLanguage(lng)}
      aria-current={i18n.language === lng ? 'true' : undefined}
      fw={i18n.language === lng ? 700 : undefined}
      data-lng={lng}
    >
      <span lang={lng} dir={directionOf(lng)} translate="no">
        {ENDONYMS[lng]}
      </span>
    </Menu.Item>
  );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="compact-md" leftSection={<IconGlobe size={16} />}>
          <VisuallyHidden>{t('portal.language')}</VisuallyHidden>
          {current ? (
            <span lang={bcp47(i18n.language)} translate="no">
              {current}
            </span>
          ) : (
            t('portal.language')
          )}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('portal.languagesOfOrg')}</Menu.Label>
        {own.map(item)}
        {others.length > 0 && (
          <>
            <Menu.Divider />
            <Menu.Label>{t('portal.otherLanguages')}</Menu.Label>
            {others.map(item)}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
