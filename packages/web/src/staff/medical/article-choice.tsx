import type { PenaltyArticle } from '@shebao/domain';
import { Radio } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { sourceText } from '../../medical/explanation-text.ts';
import { allowanceOf, ARTICLE_KEYS, articlesFor } from './penalty-terms.ts';
import type { FindingSubject } from './supervision-api.ts';

const F = 'medicalFundPages.finding';

/** What an article allows, in words: the fine's range, then the suspension or termination it permits. */
export function allowanceText(t: TFunction, article: PenaltyArticle, language: string): string {
  const allowance = allowanceOf(article);
  const parts = [t(`${F}.fineRange`, { low: allowance.low, high: allowance.high })];
  const range = allowance.suspension;
  if (range === null) parts.push(t(`${F}.noSuspension`));
  else
    parts.push(
      t(allowance.subject === 'institution' ? `${F}.suspendAgreement` : `${F}.suspendSettlement`, {
        from: range[0],
        to: range[1],
      }),
    );
  if (allowance.terminate) parts.push(t(`${F}.orTerminate`));
  return parts.join(language.startsWith('zh') ? '；' : '; ');
}

/**
 * The articles a finding against the subject may rest on, each with the conduct it covers and what it
 * allows (MFR Arts. 38, 40, 41; SIL Art. 88), as the form's choice of article.
 */
export function ArticleChoice({
  subject,
  value,
  onChange,
  id,
}: {
  subject: FindingSubject;
  value?: PenaltyArticle;
  onChange?: (article: PenaltyArticle) => void;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Radio.Group
      id={id}
      className="medical-articles"
      value={value}
      onChange={(event) => onChange?.(event.target.value as PenaltyArticle)}
    >
      {articlesFor(subject).map((article) => (
        <Radio key={article} value={article} className="medical-article" data-article={article}>
          <strong>{sourceText(t, article, i18n.language)}</strong>
          <span className="medical-article-conduct">
            {t(`medicalPages.explain.conduct.${ARTICLE_KEYS[article]}`)}
          </span>
          <span className="medical-article-allows">{allowanceText(t, article, i18n.language)}</span>
        </Radio>
      ))}
    </Radio.Group>
  );
}
