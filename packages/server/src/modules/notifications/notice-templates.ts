import { formatFenAsYuan } from '@shebao/domain';
import type { NoticeKind, NoticeLanguage, NoticeParams } from './notice-kinds.ts';

/** A notice in one language: the inbox and e-mail title, the e-mail and inbox text, the SMS text. */
export interface RenderedNotice {
  title: string;
  text: string;
  sms: string;
}

/** The SMS gateway's template of each kind (docs/RULES.md 17.3): the gateway is given it with the params. */
export const SMS_TEMPLATE_IDS: Readonly<Record<NoticeKind, string>> = {
  'contribution.credited': 'SB_CREDITED',
  'contribution.unpaid': 'SB_UNPAID',
  'payment.voucher': 'SB_VOUCHER',
  'monthly.details': 'SB_DETAILS',
  'monthly.unreached': 'SB_UNREACHED',
  'statement.yearly': 'SB_YEARLY',
  'benefit.status': 'SB_BENEFIT',
  'card.status': 'SB_CARD',
};

type Strings = Readonly<Record<string, string>>;

const BENEFIT_KINDS: Record<NoticeLanguage, Strings> = {
  'zh-CN': {
    pension: '养老金',
    'record-correction': '记录更正',
    'work-injury': '工伤认定',
    'injury-benefits': '工伤待遇',
    unemployment: '失业保险金',
    maternity: '生育津贴',
  },
  en: {
    pension: 'pension',
    'record-correction': 'record correction',
    'work-injury': 'work-injury identification',
    'injury-benefits': 'work-injury benefits',
    unemployment: 'unemployment benefit',
    maternity: 'maternity allowance',
  },
};

const BENEFIT_EVENTS: Record<NoticeLanguage, Strings> = {
  'zh-CN': {
    filed: '已受理',
    'material-requested': '需补充材料',
    'material-received': '材料已收到',
    'decided-award': '已核准',
    'decided-refusal': '未予核准',
    'decided-identified': '已作出认定',
    withdrawn: '已撤回',
    'appraisal-recorded': '鉴定结论已记录',
  },
  en: {
    filed: 'received',
    'material-requested': 'more material needed',
    'material-received': 'material received',
    'decided-award': 'granted',
    'decided-refusal': 'refused',
    'decided-identified': 'decided',
    withdrawn: 'withdrawn',
    'appraisal-recorded': 'appraisal recorded',
  },
};

const CARD_EVENTS: Record<NoticeLanguage, Strings> = {
  'zh-CN': {
    applied: '申领已受理',
    approved: '申领已审核通过',
    refused: '申领未通过',
    sent_to_bank: '已送银行制卡',
    produced: '已制卡完成',
    at_branch: '已到网点待领取',
    mailed: '已邮寄',
    collected: '已领取启用',
    temporarily_lost: '已临时挂失',
    temporary_loss_lapsed: '临时挂失已到期解除',
    temporary_loss_lifted: '临时挂失已解除',
    lost: '已正式挂失',
    replaced: '已补换新卡',
    damaged: '已登记损坏换卡',
    cancelled: '已注销',
  },
  en: {
    applied: 'application received',
    approved: 'application approved',
    refused: 'application refused',
    sent_to_bank: 'sent to the bank for production',
    produced: 'produced',
    at_branch: 'ready to collect at the branch',
    mailed: 'mailed',
    collected: 'collected and activated',
    temporarily_lost: 'temporarily reported lost',
    temporary_loss_lapsed: 'temporary loss report lapsed',
    temporary_loss_lifted: 'temporary loss report lifted',
    lost: 'formally reported lost',
    replaced: 'replaced',
    damaged: 'damaged-card replacement recorded',
    cancelled: 'cancelled',
  },
};

function text(params: NoticeParams, name: string): string {
  const value = params[name];
  return value === null || value === undefined ? '' : String(value);
}

function yuan(params: NoticeParams, name: string, language: NoticeLanguage): string {
  const value = params[name];
  if (typeof value !== 'number') return '';
  return language === 'en' ? `CNY ${formatFenAsYuan(value)}` : `${formatFenAsYuan(value)}元`;
}

/** Who paid the month: the employer's name, or the person themselves (a flexible worker). */
function payer(params: NoticeParams, language: NoticeLanguage): string {
  return text(params, 'payer') || (language === 'en' ? 'paid by yourself' : '个人缴费');
}

function label(table: Strings, key: string): string {
  return table[key] ?? key;
}

type Template = (params: NoticeParams, language: NoticeLanguage) => RenderedNotice;

const TEMPLATES: Record<NoticeKind, Template> = {
  'contribution.credited': (p, lang) => {
    const period = text(p, 'period');
    const amount = yuan(p, 'amountFen', lang);
    return lang === 'en'
      ? {
          title: `${period} contributions credited`,
          text: `Your contributions for ${period} (${payer(p, lang)}) are credited to your record: declared ✓ → assessed ✓ → paid ✓ → credited ✓ (${amount} in all).`,
          sms: `[Shebao] ${period} contributions credited to your record: declared, assessed, paid, credited, ${amount}.`,
        }
      : {
          title: `${period} 社保缴费已记账`,
          text: `您 ${period} 的社会保险费（${payer(p, lang)}）已记入个人权益记录：申报 ✓ → 核定 ✓ → 缴费 ✓ → 记账 ✓，合计 ${amount}。`,
          sms: `【社保】您${period}社保费已记账：申报→核定→缴费→记账，合计${amount}。`,
        };
  },
  'contribution.unpaid': (p, lang) => {
    const period = text(p, 'period');
    const amount = yuan(p, 'owedFen', lang);
    return lang === 'en'
      ? {
          title: `${period} contributions unpaid`,
          text: `Your contributions for ${period} (${payer(p, lang)}) were due on ${text(p, 'dueOn')} and are not paid: declared ✓ → assessed ✓ → paid ✗ → credited ✗ (${amount} owed). You may report an employer that does not pay (SIL Art. 4).`,
          sms: `[Shebao] ${period} contributions unpaid since ${text(p, 'dueOn')}: declared, assessed, NOT paid, ${amount} owed.`,
        }
      : {
          title: `${period} 社保费未缴`,
          text: `您 ${period} 的社会保险费（${payer(p, lang)}）应于 ${text(p, 'dueOn')} 前缴纳，至今未缴：申报 ✓ → 核定 ✓ → 缴费 ✗ → 记账 ✗，欠缴 ${amount}。单位未缴费的，您可以举报（《社会保险法》第四条）。`,
          sms: `【社保】您${period}社保费逾期未缴：申报→核定→未缴费，欠缴${amount}。`,
        };
  },
  'payment.voucher': (p, lang) =>
    lang === 'en'
      ? {
          title: `Payment voucher ${text(p, 'paymentNo')}`,
          text: `We received your payment of ${yuan(p, 'amountFen', lang)} on ${text(p, 'paidOn')} (voucher ${text(p, 'paymentNo')}) for ${text(p, 'periods')}.`,
          sms: `[Shebao] Payment ${yuan(p, 'amountFen', lang)} received ${text(p, 'paidOn')}, voucher ${text(p, 'paymentNo')}.`,
        }
      : {
          title: `缴费凭证 ${text(p, 'paymentNo')}`,
          text: `您于 ${text(p, 'paidOn')} 缴纳的社会保险费 ${yuan(p, 'amountFen', lang)} 已到账（凭证号 ${text(p, 'paymentNo')}），所缴月份：${text(p, 'periods')}。`,
          sms: `【社保】您${text(p, 'paidOn')}缴费${yuan(p, 'amountFen', lang)}已到账，凭证号${text(p, 'paymentNo')}。`,
        },
  'monthly.details': (p, lang) => {
    const period = text(p, 'period');
    return lang === 'en'
      ? {
          title: `${period} social insurance details from ${text(p, 'employer')}`,
          text: `For ${period}, ${text(p, 'employer')} declared a contribution base of ${yuan(p, 'baseFen', lang)} for you; your share ${yuan(p, 'employeeFen', lang)}, the employer's share ${yuan(p, 'employerFen', lang)}. Paid: ${text(p, 'paid') === 'yes' ? 'yes' : 'not yet'}. (SIL Art. 60)`,
          sms: `[Shebao] ${period}: base ${yuan(p, 'baseFen', lang)}, you ${yuan(p, 'employeeFen', lang)}, employer ${yuan(p, 'employerFen', lang)}.`,
        }
      : {
          title: `${text(p, 'employer')} ${period} 社保缴费明细`,
          text: `${text(p, 'employer')} ${period} 为您申报的缴费基数 ${yuan(p, 'baseFen', lang)}，个人缴纳 ${yuan(p, 'employeeFen', lang)}，单位缴纳 ${yuan(p, 'employerFen', lang)}，${text(p, 'paid') === 'yes' ? '已缴费' : '尚未缴费'}。（《社会保险法》第六十条）`,
          sms: `【社保】${period}基数${yuan(p, 'baseFen', lang)}，个人${yuan(p, 'employeeFen', lang)}，单位${yuan(p, 'employerFen', lang)}。`,
        };
  },
  'monthly.unreached': (p, lang) => {
    const period = text(p, 'period');
    return lang === 'en'
      ? {
          title: `${period} details: ${text(p, 'unreached')} staff could not be reached`,
          text: `The ${period} details were sent to ${text(p, 'sent')} of your staff. These have no e-mail or mobile number they chose to be told on, and were left a notice in their inbox only; please tell them yourself: ${text(p, 'names')}.`,
          sms: `[Shebao] ${period} details: ${text(p, 'unreached')} staff not reached, see your inbox.`,
        }
      : {
          title: `${period} 缴费明细：${text(p, 'unreached')} 名职工未能送达`,
          text: `${period} 缴费明细已告知 ${text(p, 'sent')} 名职工。以下职工未选择可送达的邮箱或手机号，仅在其站内信中留存，请单位另行告知：${text(p, 'names')}。`,
          sms: `【社保】${period}缴费明细有${text(p, 'unreached')}名职工未能送达，详见单位站内信。`,
        };
  },
  'statement.yearly': (p, lang) =>
    lang === 'en'
      ? {
          title: `Your ${text(p, 'year')} social insurance rights statement`,
          text: `Your personal rights record statement for ${text(p, 'year')} is issued free of charge (SIL Art. 74). Verification code ${text(p, 'code')}; anyone you show it to can check it at ${text(p, 'url')}.`,
          sms: `[Shebao] Your ${text(p, 'year')} rights statement is ready, code ${text(p, 'code')}.`,
        }
      : {
          title: `您的 ${text(p, 'year')} 年度社会保险权益记录单`,
          text: `您 ${text(p, 'year')} 年度的个人权益记录单已免费寄发（《社会保险法》第七十四条）。验证码 ${text(p, 'code')}，可在 ${text(p, 'url')} 核验。`,
          sms: `【社保】您${text(p, 'year')}年度权益记录单已出具，验证码${text(p, 'code')}。`,
        },
  'benefit.status': (p, lang) => {
    const kind = label(BENEFIT_KINDS[lang], text(p, 'benefitKind'));
    const event = label(BENEFIT_EVENTS[lang], text(p, 'event'));
    const no = text(p, 'applicationNo');
    return lang === 'en'
      ? {
          title: `Your ${kind} application ${no}: ${event}`,
          text: `Your ${kind} application ${no} is ${event}.${text(p, 'note') ? ` ${text(p, 'note')}` : ''}`,
          sms: `[Shebao] Your ${kind} application ${no}: ${event}.`,
        }
      : {
          title: `您的${kind}申请 ${no}：${event}`,
          text: `您的${kind}申请（编号 ${no}）${event}。${text(p, 'note')}`,
          sms: `【社保】您的${kind}申请${event}，编号${no}。`,
        };
  },
  'card.status': (p, lang) => {
    const event = label(CARD_EVENTS[lang], text(p, 'event'));
    const card = text(p, 'cardNumber');
    const due = text(p, 'dueOn');
    const fee = yuan(p, 'feeFen', lang);
    const place = text(p, 'place');
    return lang === 'en'
      ? {
          title: `Social security card: ${event}`,
          text: [
            `Your social security card${card ? ` ${card}` : ''}: ${event}.`,
            due ? `Expected by ${due}.` : '',
            place ? `Place: ${place}.` : '',
            fee ? `Fee: ${fee}.` : '',
          ]
            .filter(Boolean)
            .join(' '),
          sms: `[Shebao] Your social security card${card ? ` ${card}` : ''}: ${event}.`,
        }
      : {
          title: `社保卡：${event}`,
          text: [
            `您的社会保障卡${card ? ` ${card}` : ''}${event}。`,
            due ? `预计 ${due} 前办结。` : '',
            place ? `地点：${place}。` : '',
            fee ? `工本费：${fee}。` : '',
          ].join(''),
          sms: `【社保】您的社保卡${card ? card : ''}${event}。`,
        };
  },
};

/** The notice in one language; unknown params render as empty text, never as "undefined". */
export function renderNotice(
  kind: NoticeKind,
  params: NoticeParams,
  language: NoticeLanguage,
): RenderedNotice {
  return TEMPLATES[kind](params, language);
}
