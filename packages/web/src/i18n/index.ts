import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import type { Messages } from './locales/messages.ts';
import { zhCN } from './locales/zh-cn.ts';
import { detectLanguage, isLanguage, LANGUAGE_STORAGE_KEY, type Language } from './language.ts';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    // The widened shape (every text a string), not the literal one: with the literal texts TypeScript
    // works out each t() result from the text itself and gives up once there are many keys.
    resources: { translation: Messages };
  }
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled; fall back to the browser's languages
  }
}

/** <html lang> and dayjs's global locale (dates it formats, Ant Design's calendars) in the app's language. */
function follow(language: string): void {
  document.documentElement.lang = language;
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}

/** Starts i18next in the detected language and keeps <html lang> and dayjs's locale in step with it. */
export async function startI18n(): Promise<typeof i18next> {
  const language = detectLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
  // Registered before react-i18next's own listener, so pages re-render with dayjs already switched.
  i18next.on('languageChanged', follow);
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  follow(language);
  return i18next;
}

/** Switches the language and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered, but still switched
  }
  await i18next.changeLanguage(language);
}

export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'zh-CN';
}
