import { z } from 'zod';
import { ErrorCode, httpStatusByCode, problemTypeSlug, titleByCode } from '../errors/index.ts';
import { escapeHtml } from '../modules/statements/index.ts';
import type { RoutePlugin } from './api-server.ts';
import { accessTo } from './access-rules.ts';

/**
 * What each problem `type` URI (`/api/problems/<slug>`, errors/problem-details.ts) means: RFC 9457 §3.1.1
 * asks that a type URI, when dereferenced, give human-readable documentation of the problem type. One
 * entry per error code, in Chinese and English: what went wrong and what to do about it.
 */
const DESCRIPTIONS: Readonly<Record<ErrorCode, { titleZh: string; en: string; zh: string }>> = {
  VALIDATION: {
    titleZh: '请求无效',
    en: 'A field of the request is missing, malformed or out of range. `field` and `errors[]` name each field with the reason; correct them and send the request again.',
    zh: '请求中的字段缺失、格式错误或超出范围。`field` 和 `errors[]` 列出每个字段及原因；改正后重新提交。',
  },
  UNAUTHENTICATED: {
    titleZh: '需要登录',
    en: 'The request carries no valid session or token: the session ended or was never started. Log in again (or send a valid bearer token) and repeat the request.',
    zh: '请求没有有效的会话或令牌：会话已结束或尚未登录。请重新登录（或使用有效的令牌）后再试。',
  },
  FORBIDDEN: {
    titleZh: '无权操作',
    en: 'You are logged in, but your role, region or account does not allow this: a person sees only their own record, an employer only its own, staff only their regions. Writes with a session cookie also need the X-CSRF-Token from the login reply.',
    zh: '已登录，但您的角色、地区或账户不允许此操作：参保人只能查看本人记录，单位只能查看本单位，经办人员只能办理本地区业务。使用会话提交修改时还须携带登录时返回的 X-CSRF-Token。',
  },
  NOT_FOUND: {
    titleZh: '未找到',
    en: 'Nothing is registered under the address or key given (a person, employer, bill, payment or route). Check the identifier.',
    zh: '所给的地址或编号下没有登记任何内容（人员、单位、账单、缴费或接口）。请核对编号。',
  },
  METHOD_NOT_ALLOWED: {
    titleZh: '不支持的请求方法',
    en: 'The address exists but does not take this method (GET, POST, ...). The `Allow` header lists the methods it takes.',
    zh: '该地址存在，但不接受此请求方法（GET、POST 等）。响应头 `Allow` 列出它接受的方法。',
  },
  CONFLICT: {
    titleZh: '与现有数据冲突',
    en: 'The request clashes with what is already recorded: a duplicate business reference, a record changed by someone else meanwhile, or an Idempotency-Key reused with another body. Reload, then decide whether to send it again.',
    zh: '请求与已有记录冲突：业务编号重复、记录已被他人修改，或同一幂等键（Idempotency-Key）用于不同内容。请刷新后再决定是否重新提交。',
  },
  RULE_VIOLATION: {
    titleZh: '不符合业务规则',
    en: 'The request is well formed, but a rule of the Social Insurance Law or of the agency forbids it now (a closed period, a person not insured, an amount above what is owed). `detail` names the rule.',
    zh: '请求格式正确，但社会保险法或经办规则目前不允许（期间已关闭、人员未参保、金额超过应缴等）。`detail` 说明所依据的规则。',
  },
  POLICY_MISSING: {
    titleZh: '缺少政策参数',
    en: 'No policy parameter (rate, base floor or ceiling, average wage...) is in force for the region and month asked about. The agency has to record it; the request itself is not at fault.',
    zh: '所查询的地区和月份没有生效的政策参数（费率、缴费基数上下限、平均工资等）。需由经办机构录入，请求本身没有错误。',
  },
  PAYLOAD_TOO_LARGE: {
    titleZh: '请求内容过大',
    en: 'The body is larger than the route takes; `detail` states the limit. Send a smaller body, or split a file into several.',
    zh: '请求内容超过该接口的上限，`detail` 说明具体限额。请缩小内容或将文件拆分后分别提交。',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    titleZh: '不支持的内容类型',
    en: 'The body is in a format the route does not take (the Content-Type header); `detail` names the types it takes, JSON for most routes, CSV or an Excel workbook for file uploads.',
    zh: '请求内容的格式（Content-Type）不被该接口接受；`detail` 列出可接受的类型：多数接口为 JSON，文件上传为 CSV 或 Excel 工作簿。',
  },
  RATE_LIMITED: {
    titleZh: '请求过于频繁',
    en: 'Too many requests from this address in a short time (logins are limited per address). Wait for the seconds in the Retry-After header, then try again.',
    zh: '短时间内来自同一地址的请求过多（登录按地址限流）。请等待 Retry-After 标头所示的秒数后再试。',
  },
  UNAVAILABLE: {
    titleZh: '服务暂不可用',
    en: 'A service the request depends on (the database, a bank gateway) is not reachable. Nothing was changed; try again later.',
    zh: '请求所依赖的服务（数据库、银行接口）暂时无法访问。未做任何更改，请稍后再试。',
  },
  INTERNAL: {
    titleZh: '内部错误',
    en: 'An error in Shebao itself. Nothing half-done was kept. Report the request id (the X-Request-Id header) to the agency.',
    zh: 'Shebao 自身出错。不会保留未完成的更改。请将请求编号（X-Request-Id 标头）告知经办机构。',
  },
};

const BY_SLUG = new Map(Object.values(ErrorCode).map((code) => [problemTypeSlug(code), code]));

const problemType = z
  .object({
    type: z.string(),
    code: z.string(),
    status: z.number().int(),
    title: z.string(),
    titleZh: z.string(),
    description: z.string(),
    descriptionZh: z.string(),
  })
  .meta({ id: 'ProblemType', description: 'What a problem type means and what to do about it' });

type ProblemType = z.infer<typeof problemType>;

function describe(code: ErrorCode): ProblemType {
  const text = DESCRIPTIONS[code];
  return {
    type: `/api/problems/${problemTypeSlug(code)}`,
    code,
    status: httpStatusByCode[code],
    title: titleByCode[code],
    titleZh: text.titleZh,
    description: text.en,
    descriptionZh: text.zh,
  };
}

/** Plain HTML without scripts or inline styles, in Chinese and English, like the verification page. */
function renderPage(problem: ProblemType): string {
  const code = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(problem.titleZh)} ${escapeHtml(problem.title)} (${problem.status})</title>
</head>
<body>
<main>
<h1>${escapeHtml(problem.titleZh)} · ${escapeHtml(problem.title)}</h1>
<p>HTTP ${problem.status} · <code>${escapeHtml(problem.code)}</code></p>
<p>${code(problem.descriptionZh)}</p>
<p lang="en">${code(problem.description)}</p>
</main>
</body>
</html>
`;
}

/** The same preference as the verification page: HTML unless JSON is asked for ahead of it. */
function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  if (html < 0) return false;
  const json = accept.search(/application\/(problem\+)?json/);
  return json < 0 || html < json;
}

/** `GET /api/problems/:type`: the page each problem's `type` URI points at; public, no login. */
export const problemTypeRoutes: RoutePlugin = (server) => {
  server.get(
    '/api/problems/:type',
    {
      schema: {
        tags: ['system'],
        summary: 'What a problem type means (HTML for browsers, JSON otherwise)',
        params: z.strictObject({
          type: z.enum([...BY_SLUG.keys()] as [string, ...string[]]),
        }),
        response: { 200: problemType },
      },
      config: { access: accessTo('service', 'describe') },
    },
    async (request, reply) => {
      const problem = describe(BY_SLUG.get(request.params.type)!);
      reply.header('vary', 'accept');
      // The HTML page is sent as text, outside the JSON reply schema (which the OpenAPI document shows).
      if (prefersHtml(request.headers.accept))
        return reply.type('text/html; charset=utf-8').send(renderPage(problem) as never);
      return problem;
    },
  );
};
