import { presentStatement, type StatementView } from './present-statement.ts';
import type { StatementLanguage, StatementVerification } from './statements.schemas.ts';

const COLOURS = { valid: '#1b7f3b', invalid: '#b3261e', unknown: '#b3261e' } as const;

/** The page's own words per language; the statement itself comes from presentStatement. */
const PAGE_TEXT = {
  zh: {
    htmlLang: 'zh-CN',
    heading: '文件核验',
    banner: {
      valid: '有效：本文件由本经办机构出具，电子签名核验通过，证明内容如下。',
      invalid: '无效：本文件的电子签名核验不通过，内容已被改动或来源不明，不得采信。',
      unknown: '未找到：本经办机构没有出具过使用此验证码的文件，请核对验证码。',
    },
    code: '验证码',
    keyId: '签名密钥',
    notCertified: '（未经核验）',
    other: { lang: 'en', label: 'English' },
  },
  en: {
    htmlLang: 'en',
    heading: 'Statement verification',
    banner: {
      valid: 'Valid: this statement was issued by this agency and certifies exactly what is shown.',
      invalid:
        'NOT VALID: the electronic signature of this statement does not hold; it was changed or comes from elsewhere and cannot be relied on.',
      unknown:
        'Not found: this agency issued no document with this verification code. Please check the code.',
    },
    code: 'Verification code',
    keyId: 'Signing key',
    notCertified: ' (NOT CERTIFIED)',
    other: { lang: 'zh', label: '中文' },
  },
} as const;

/** The language of the page: `?lang=` when given, else the reader's Accept-Language (Chinese unless English comes first). */
export function verificationPageLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
): StatementLanguage {
  if (query === 'zh' || query === 'en') return query;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

/**
 * The public verification page, in the reader's language (with a link to the other one): plain HTML, no
 * scripts. The verdict is said in the page's language; the English `message` of the JSON answer is for
 * API clients.
 */
export function renderVerificationPage(
  verification: StatementVerification,
  lang: StatementLanguage = 'zh',
): string {
  const text = PAGE_TEXT[lang];
  const colour = COLOURS[verification.status];
  const view = verification.document ? presentStatement(verification.document, lang) : null;
  const code = escapeHtml(verification.code);
  return `<!doctype html>
<html lang="${text.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${text.heading} ${code}</title>
<style>
body{font-family:system-ui,"Noto Sans SC",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d1d1d}
.banner{border-left:.5rem solid ${colour};padding:.75rem 1rem;background:#f6f6f6;margin-bottom:1.5rem}
.banner strong{color:${colour}}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:1.1em}
</style>
</head>
<body>
<main>
<p><a href="?lang=${text.other.lang}" lang="${text.other.lang}">${text.other.label}</a></p>
<h1>${text.heading}</h1>
<div class="banner" role="status">
<p><strong>${escapeHtml(text.banner[verification.status])}</strong></p>
<p>${text.code}: <code>${code}</code>${
    verification.keyId ? ` · ${text.keyId}: <code>${escapeHtml(verification.keyId)}</code>` : ''
  }</p>
</div>
${view ? renderView(view, verification.status !== 'valid' ? text.notCertified : '') : ''}
</main>
</body>
</html>
`;
}

function renderView(view: StatementView, notCertified: string): string {
  return `<section>
<h2>${escapeHtml(view.title)}${notCertified ? ` <small>${notCertified}</small>` : ''}</h2>
<table>${view.facts.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>
${view.sections
  .map(
    (section) => `<h3>${escapeHtml(section.heading)}</h3>
<table><thead><tr>${section.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr></thead>
<tbody>${section.rows
      .map(
        (row) =>
          `<tr>${row
            .map(
              (cell, index) =>
                `<td${section.alignRight.includes(index) ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`,
            )
            .join('')}</tr>`,
      )
      .join('')}</tbody></table>`,
  )
  .join('\n')}
${view.notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('\n')}
</section>`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
