import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n/i18n.ts';
import { bcp47, ENDONYMS, LANGUAGES } from '../i18n/languages.ts';
import { IconGlobe } from './icons.tsx';

export function LanguageSwitch({ userId }: { userId?: string }) {
  const { t, i18n } = useTranslation();
  const current = ENDONYMS[i18n.language as keyof typeof ENDONYMS];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" size="compact-sm" leftSection={<IconGlobe size={16} />}>
          {/* the visible name is the language itself; "Language" completes it for screen readers */}
          <VisuallyHidden>{t('app.language')}</VisuallyHidden>
          {current ? (
            <span lang={bcp47(i18n.language)} translate="no">
              {current}
            </span>
          ) : (
            t('app.language')
          )}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('app.language')}</Menu.Label>
        {LANGUAGES.map((lng) => (
          <Menu.Item
            key={lng}
            onClick={() => void chooseLanguage(lng, userId)}
            aria-current={i18n.language === lng ? 'true' : undefined}
            fw={i18n.language === lng ? 700 : undefined}
          >
            <span lang={lng} dir={lng === 'ar' ? 'rtl' : 'ltr'} translate="no">
              {ENDONYMS[lng]}
            </span>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
