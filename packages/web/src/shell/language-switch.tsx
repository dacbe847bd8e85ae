import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n/index.ts';
import { otherLanguage } from '../i18n/language.ts';

/** One button that switches to the other language; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = otherLanguage(currentLanguage(i18n.language));
  return (
    <Button
      type="text"
      className="language-switch"
      icon={<GlobalOutlined aria-hidden />}
      lang={target}
      aria-label={t('language.switchLabel')}
      onClick={() => void changeLanguage(target)}
    >
      {t('language.switchTo')}
    </Button>
  );
}
