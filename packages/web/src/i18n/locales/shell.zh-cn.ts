/**
 * The Chinese texts of the frame of every page (name, navigation, language switch, session, errors): the
 * reference for `shell.en.ts`. The entry loads them in the starting language before the first render
 * (i18n/index.ts).
 */
export const shellZhCN = {
  app: {
    name: '社保',
    fullName: '社会保险经办与查询',
    skipToContent: '跳到主要内容',
    footer: '社会保险经办与查询系统 · 开源软件，遵循 Apache-2.0 许可',
    loading: '正在加载…',
    serverStatus: '服务状态',
    serverUp: '服务正常（数据库：{{database}}）',
    serverDown: '暂时无法连接服务器',
  },
  language: {
    switchTo: 'English',
    switchLabel: 'Switch the language to English',
  },
  nav: {
    main: '主导航',
    home: '首页',
    login: '登录',
    verify: '文件核验',
    signOut: '退出登录',
    signedInAs: '当前用户：{{name}}',
  },
  audience: {
    person: '参保人',
    employer: '参保单位',
    staff: '经办人员',
  },
  session: {
    checking: '正在确认登录状态…',
    welcome: '欢迎，{{name}}',
    signedInAs: '您已作为{{audience}}登录。',
    roles: '角色',
    regions: '经办区域',
    wrongAudience: '当前登录的账号不是{{audience}}账号，请退出后重新登录。',
  },
  roles: {
    admin: '系统管理员',
    collection_officer: '征缴经办',
    benefits_officer: '待遇经办',
    medical_officer: '医保经办',
    inspector: '稽核',
    auditor: '审计（只读）',
    institution_user: '定点机构用户',
    employer_user: '单位经办人',
    insured_person: '参保人',
  },
  notFound: {
    title: '页面不存在',
    text: '您访问的地址没有对应的页面。',
    home: '返回首页',
  },
  error: {
    title: '出错了',
    text: '页面加载失败，请刷新后再试。',
    reload: '刷新',
  },
} as const;
