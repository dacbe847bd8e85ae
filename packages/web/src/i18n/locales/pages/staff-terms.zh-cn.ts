/**
 * Names of the policy parameters (the domain's catalogue keys, e.g. "base.floor"), what the tags at the
 * end of a seeded source mean, and the fields of a proposal awaiting approval, in Chinese. Mounted under
 * staffPages.terms.
 */
export const staffTermsZhCN = {
  parameters: {
    contribution: {
      rate: '缴费比例',
      fixedMonthly: '定额缴费（每月）',
      personalAccountRate: '划入个人账户比例',
      rounding: '缴费金额舍入方式',
    },
    base: {
      floor: '缴费基数下限',
      ceiling: '缴费基数上限',
      rounding: '缴费基数舍入方式',
      averageWage: '社会平均工资（月）',
      cycleStartMonth: '缴费年度起始月份',
    },
    workInjury: {
      classRates: '工伤保险行业基准费率（一至八类）',
      benefitTables: '工伤伤残待遇标准（按伤残等级）',
      deathBenefits: '因工死亡待遇标准',
    },
    statistics: { urbanDisposableIncome: '全国城镇居民人均可支配收入' },
    unemployment: {
      duration: '失业保险金领取期限（全国）',
      regionalSchedule: '失业保险金领取期限（本地办法）',
      monthlyStandard: '失业保险金标准',
      medicalPremium: '失业人员医疗保险费（失业保险基金代缴）',
    },
    maternity: {
      leave: '产假天数',
      leaveExtension: '延长生育假（生育津贴支付）',
      allowance: '生育津贴计发办法',
      medical: '生育医疗费用标准',
    },
    medical: {
      employeeBenefits: '职工医保统筹基金支付标准（起付线、支付比例、最高支付限额）',
      residentBenefits: '城乡居民医保统筹基金支付标准',
      retireeAccountCredit: '退休人员医保个人账户每月划入额',
      retireeMinimumYears: '退休人员享受医保待遇的最低缴费年限',
      accountForRelatives: '个人账户可否支付近亲属费用',
      supervision: '医保基金监管审核规则阈值',
    },
    minimumWage: '最低工资标准（月）',
    collection: {
      dueDay: '缴费截止日（次月几日）',
      undeclaredEstimateRate: '未申报月份按上月核定的比例',
      bankAccount: '社会保险费收入户（缴费人转账账户）',
    },
    lateFee: { dailyRate: '滞纳金日费率' },
    pension: {
      calculationBase: '养老金计发基数',
      divisors: '个人账户养老金计发月数',
      divisorPolicy: '计发月数取法',
      transitional: '过渡性养老金',
      rounding: '养老金舍入方式',
      minContributionMonths: '领取养老金的最低缴费月数',
      creditingRate: '个人账户记账利率',
      creditingMethod: '个人账户计息方法',
    },
    benefits: {
      decisionClock: '各类申请的办理时限',
      statutoryClocks: '工伤、失业、生育的法定时限',
    },
    death: {
      funeralGrant: '丧葬补助金标准',
      survivorsBenefit: '一次性抚恤金标准',
      inheritance: '个人账户继承范围',
    },
    calendar: { workingDays: '法定节假日与调休上班日' },
    residents: {
      pension: { grades: '城乡居民养老保险缴费档次', basicMinimum: '城乡居民基础养老金最低标准' },
      medical: { individualMinimum: '城乡居民医保个人缴费标准', subsidyMinimum: '城乡居民医保财政补助标准' },
    },
  },
  /** The fields of a parameter whose value is a table (collection.bankAccount). */
  tableFields: { bank: '开户银行', accountName: '户名', accountNo: '账号' },
  /** The regional standards of the benefits on a death, in words (docs/RULES.md 14.10). */
  deathRules: {
    fixed: '定额 {{amount}}',
    monthsOfBase: '{{months}} 个月 × 月基数 {{base}}',
    band: '缴费满 {{from}} 年：{{months}} 个月，每多 1 年加 {{extra}} 个月',
    survivors: '月基数 {{base}}；{{bands}}；最多 {{max}} 个月',
    wholeBalance: '个人账户余额全部可继承',
    excludeSubsidy: '城乡居民个人账户中的政府补贴不予继承',
  },
  /** "[R]" and "[U]" at the end of a seeded source. */
  sourceTags: {
    R: '已核对',
    RHelp: '数值已与公开的政策文件核对',
    U: '待核实',
    UHelp: '数值尚未与政策文件核对，使用前请核实',
    legend: '“已核对”：数值已与公开的政策文件核对；“待核实”：尚未核对，使用前请核实。',
  },
  /** The fields of a proposal (approvals page). */
  approvalFields: {
    name: '参数',
    regionCode: '统筹区',
    insurance: '险种',
    party: '缴费方',
    category: '参保类别',
    validFrom: '生效月份',
    validTo: '截止月份',
    value: '取值',
    source: '文件依据',
    employerId: '单位编号',
    personId: '人员编号',
    creditCode: '统一社会信用代码',
    idNumber: '身份证号码',
    cycleStart: '缴费年度',
    period: '月份',
    declaredFen: '申报基数',
    amountFen: '金额',
    paymentNo: '缴费编号',
    payerKey: '缴费人',
    reason: '原因',
    note: '说明',
  },
  approvedMessage: '已通过第 {{id}} 号审批，变更已生效。',
  rejectedMessage: '已驳回第 {{id}} 号审批。',
  notLimited: '不限',
};
