import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './locales/messages.ts';
import { detectLanguage, isLanguage, LANGUAGE_STORAGE_KEY, type Language } from './language.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    // The widened shape (every text a string), not the literal one: with the literal texts TypeScript
    // works out each t() result from the text itself and gives up once there are many keys.
    resources: { translation: Messages };
  }
}

/** A part of `Messages`: some of its top-level keys with their texts. */
export type Texts = Partial<Messages>;

/**
 * The texts in parts, each loaded in one language when first needed (its own chunk per part and
 * language), so the first page carries only the frame's texts in the language it starts in. A route
 * names the parts it needs (router.tsx, public-app.tsx) and renders once they are in; the other language
 * is fetched only when the reader switches to it. Every key of `locales/zh-cn.ts` is in exactly one part
 * (text-areas.test.ts).
 */
export const TEXT_AREAS = {
  /** The frame of every page: name, navigation, language switch, session, errors. */
  shell: {
    'zh-CN': async () => (await import('./locales/shell.zh-cn.ts')).shellZhCN,
    en: async () => (await import('./locales/shell.en.ts')).shellEn,
  },
  /** The public pages, and the statement kinds and identifier checks the audiences reuse. */
  public: {
    'zh-CN': async () => (await import('./locales/public.zh-cn.ts')).publicZhCN,
    en: async () => (await import('./locales/public.en.ts')).publicEn,
  },
  /** What the server's refusals mean, for the signed-in audiences' pages. */
  problems: {
    'zh-CN': async () => ({ problem: (await import('./locales/problems.zh-cn.ts')).problemsZhCN }),
    en: async () => ({ problem: (await import('./locales/problems.en.ts')).problemsEn }),
  },
  person: {
    'zh-CN': async () => ({ personPages: (await import('./locales/pages/person.zh-cn.ts')).personZhCN }),
    en: async () => ({ personPages: (await import('./locales/pages/person.en.ts')).personEn }),
  },
  employer: {
    'zh-CN': async () => ({
      employerPages: (await import('./locales/pages/employer.zh-cn.ts')).employerZhCN,
    }),
    en: async () => ({ employerPages: (await import('./locales/pages/employer.en.ts')).employerEn }),
  },
  /** The benefit pages (applications, pension claims and awards), the person's and the agency's. */
  benefits: {
    'zh-CN': async () => ({ benefitPages: (await import('./locales/pages/benefits.zh-cn.ts')).benefitsZhCN }),
    en: async () => ({ benefitPages: (await import('./locales/pages/benefits.en.ts')).benefitsEn }),
  },
  /** The payroll: the agency's monthly payroll page and the person's payments. */
  payroll: {
    'zh-CN': async () => ({ payrollPages: (await import('./locales/pages/payroll.zh-cn.ts')).payrollZhCN }),
    en: async () => ({ payrollPages: (await import('./locales/pages/payroll.en.ts')).payrollEn }),
  },
  /**
   * The medical pages: a person's medical account, an institution's counter, the designated institutions,
   * and the officers' fund pages (the month's settlement, supervision, residents' enrolment).
   */
  medical: {
    'zh-CN': async () => {
      const [medical, fund] = await Promise.all([
        import('./locales/pages/medical.zh-cn.ts'),
        import('./locales/pages/medical-fund.zh-cn.ts'),
      ]);
      return { medicalPages: medical.medicalZhCN, medicalFundPages: fund.medicalFundZhCN };
    },
    en: async () => {
      const [medical, fund] = await Promise.all([
        import('./locales/pages/medical.en.ts'),
        import('./locales/pages/medical-fund.en.ts'),
      ]);
      return { medicalPages: medical.medicalEn, medicalFundPages: fund.medicalFundEn };
    },
  },
  /** The notices pages: a person's and an employer's inbox and channels, the agency's deliveries and runs. */
  notices: {
    'zh-CN': async () => ({ noticePages: (await import('./locales/pages/notices.zh-cn.ts')).noticesZhCN }),
    en: async () => ({ noticePages: (await import('./locales/pages/notices.en.ts')).noticesEn }),
  },
  /**
   * The card pages: a person's social security card and electronic card, an employer's applications for
   * its new hires, the agency's queue, production batches and e-card verification.
   */
  cards: {
    'zh-CN': async () => ({ cardPages: (await import('./locales/pages/cards.zh-cn.ts')).cardsZhCN }),
    en: async () => ({ cardPages: (await import('./locales/pages/cards.en.ts')).cardsEn }),
  },
  /** The agency's pages, the money pages among them. */
  staff: {
    'zh-CN': async () => {
      const [staff, money] = await Promise.all([
        import('./locales/pages/staff.zh-cn.ts'),
        import('./locales/pages/staff-money.zh-cn.ts'),
      ]);
      return { staffPages: staff.staffZhCN, staffMoneyPages: money.staffMoneyZhCN };
    },
    en: async () => {
      const [staff, money] = await Promise.all([
        import('./locales/pages/staff.en.ts'),
        import('./locales/pages/staff-money.en.ts'),
      ]);
      return { staffPages: staff.staffEn, staffMoneyPages: money.staffMoneyEn };
    },
  },
} satisfies Record<string, Record<Language, () => Promise<Texts>>>;

export type TextArea = keyof typeof TEXT_AREAS;

/** The parts shown so far: a language switch fetches them in the new language before switching. */
const shownAreas = new Set<TextArea>(['shell']);
/** Loads under way or done, by "area:language"; a failed one is forgotten so that it can be retried. */
const loads = new Map<string, Promise<void>>();
let started: Promise<typeof i18next> | undefined;
/** The language being switched to, else the current one. */
let targetLanguage: Language | undefined;

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

function load(area: TextArea, language: Language): Promise<void> {
  const key = `${area}:${language}`;
  let loading = loads.get(key);
  if (!loading) {
    loading = TEXT_AREAS[area][language]().then((texts) => {
      i18next.addResourceBundle(language, 'translation', texts, true, true);
    });
    loading.catch(() => loads.delete(key));
    loads.set(key, loading);
  }
  return loading;
}

/**
 * Starts i18next in the detected language with the frame's texts and keeps <html lang> and dayjs's locale
 * in step with it.
 * Called once by main.tsx before the first render; later calls return the same start.
 */
export function startI18n(): Promise<typeof i18next> {
  started ??= (async () => {
    const language = detectLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
    targetLanguage = language;
    const shell = await TEXT_AREAS.shell[language]();
    // Registered before react-i18next's own listener, so pages re-render with dayjs already switched.
    i18next.on('languageChanged', follow);
    await i18next.use(initReactI18next).init({
      resources: { [language]: { translation: shell } },
      lng: language,
      fallbackLng: false,
      supportedLngs: ['zh-CN', 'en'],
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
    loads.set(`shell:${language}`, Promise.resolve());
    follow(language);
    return i18next;
  })();
  started.catch(() => (started = undefined));
  return started;
}

/**
 * Loads the texts of some parts in the current language (and in the one being switched to, if a switch is
 * under way), so that the pages that show them render with their texts, never with their keys.
 */
export async function loadTexts(...areas: TextArea[]): Promise<void> {
  await startI18n();
  for (const area of areas) shownAreas.add(area);
  const languages = new Set([currentLanguage(i18next.language), targetLanguage ?? 'zh-CN']);
  await Promise.all(areas.flatMap((area) => [...languages].map((language) => load(area, language))));
}

/**
 * Switches the language and remembers the choice for the next visit. The texts of every part shown so far
 * are fetched in the new language first, so the pages switch all at once.
 */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered, but still switched
  }
  await startI18n();
  targetLanguage = language;
  await Promise.all([...shownAreas].map((area) => load(area, language)));
  if (targetLanguage !== language) return; // switched again meanwhile: the last choice wins
  await i18next.changeLanguage(language);
}

export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'zh-CN';
}
