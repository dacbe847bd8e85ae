import { presentStatement, type StatementView } from './present-statement.ts';
import type { StatementVerification } from './schemas.ts';

const BANNER = {
  valid: {
    zh: '有效：本文件由本经办机构出具，电子签名核验通过，证明内容如下。',
    colour: '#1b7f3b',
  },
  invalid: {
    zh: '无效：本文件的电子签名核验不通过，内容已被改动或来源不明，不得采信。',
    colour: '#b3261e',
  },
  unknown: {
    zh: '未找到：本经办机构没有出具过使用此验证码的文件，请核对验证码。',
    colour: '#b3261e',
  },
} as const;

/** The public verification page: plain HTML, no scripts, in Chinese and English. */
export function renderVerificationPage(verification: StatementVerification): string {
  const banner = BANNER[verification.status];
  const views = verification.document
    ? [presentStatement(verification.document, 'zh'), presentStatement(verification.document, 'en')]
    : [];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>核验 Verify ${escapeHtml(verification.code)}</title>
<style>
body{font-family:system-ui,"Noto Sans SC",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d1d1d}
.banner{border-left:.5rem solid ${banner.colour};padding:.75rem 1rem;background:#f6f6f6;margin-bottom:1.5rem}
.banner strong{color:${banner.colour}}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:1.1em}
</style>
</head>
<body>
<main>
<h1>文件核验 Statement verification</h1>
<div class="banner" role="status">
<p><strong>${escapeHtml(banner.zh)}</strong></p>
<p><strong>${escapeHtml(verification.message)}</strong></p>
<p>验证码 Verification code: <code>${escapeHtml(verification.code)}</code>${
    verification.keyId ? ` · 签名密钥 Signing key: <code>${escapeHtml(verification.keyId)}</code>` : ''
  }</p>
</div>
${views.map((view) => renderView(view, verification.status !== 'valid')).join('\n')}
</main>
</body>
</html>
`;
}

function renderView(view: StatementView, notCertified: boolean): string {
  return `<section>
<h2>${escapeHtml(view.title)}${notCertified ? ' <small>(NOT CERTIFIED 未经核验)</small>' : ''}</h2>
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
