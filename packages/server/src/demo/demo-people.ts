import { makeCreditCode, makeResidentId, type BusinessDate } from '@shebao/domain';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰文俊晨宇欣怡子涵浩然梓轩雨桐思远嘉怡';
const DISTRICTS = ['110101', '110102', '110105', '110106', '110108', '110114'];

/** A small deterministic generator, so the demo region is the same on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function makeName(random: () => number): string {
  const given = Array.from({ length: random() < 0.6 ? 2 : 1 }, () => pick(random, [...GIVEN])).join('');
  return `${pick(random, [...SURNAMES])}${given}`;
}

export function makePerson(random: () => number, sequence: number) {
  const year = 1965 + Math.floor(random() * 38);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const birthDate: BusinessDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const district = pick(random, DISTRICTS);
  // The sequence makes every number unique; its parity sets the sex, as in a real number.
  const idNumber = makeResidentId(district, birthDate, sequence % 1000);
  const sex = (sequence % 1000) % 2 === 1 ? 'male' : 'female';
  return { idNumber, birthDate, sex: sex as 'male' | 'female', name: makeName(random), hukou: district };
}

export const DEMO_EMPLOYERS = [
  { name: '北京云帆软件有限公司', industryClass: 1, employees: 80, wageYuan: [9000, 45000] },
  { name: '北京华信商贸有限公司', industryClass: 2, employees: 60, wageYuan: [5000, 15000] },
  { name: '北京安居物业管理有限公司', industryClass: 3, employees: 50, wageYuan: [4000, 9000] },
  { name: '北京京通劳务派遣有限公司', industryClass: 4, employees: 70, wageYuan: [5000, 11000] },
  { name: '北京城建安装工程有限公司', industryClass: 5, employees: 90, wageYuan: [6000, 20000] },
  { name: '北京顺达道路运输有限公司', industryClass: 5, employees: 40, wageYuan: [6000, 14000] },
  { name: '北京金盾保安服务有限公司', industryClass: 2, employees: 30, wageYuan: [4500, 8000] },
  { name: '北京晨光餐饮管理有限公司', industryClass: 2, employees: 35, wageYuan: [4000, 9000] },
] as const;

export function demoCreditCode(index: number): string {
  return makeCreditCode('110105', 50_000_000 + index * 7919);
}
