import type { Rng } from './random.js';

/**
 * Surnames of 花垣县 (Miao and Tujia, 湘西): 石, 龙, 麻, 吴, 杨, 施 lead among the Miao, 彭, 田, 向
 * among the Tujia; weights are rough shares, not statistics.
 */
export const surnames: readonly (readonly [string, number])[] = [
  ['石', 12], ['龙', 12], ['麻', 10], ['吴', 9], ['杨', 8], ['施', 7], ['田', 6], ['彭', 5], ['向', 4],
  ['张', 4], ['李', 4], ['滕', 3], ['隆', 3], ['刘', 2], ['王', 2], ['陈', 2], ['梁', 2], ['罗', 2],
  ['唐', 2], ['黄', 2], ['欧', 1], ['廖', 1], ['宋', 1], ['时', 1],
];

const maleChars = [...'文明光成永金国建志华军林平清云生福贵祥海东勇强兵辉斌松昌德胜发忠银富万长开顺学正元'];
const femaleChars = [...'春花秀梅英兰芳红玉桂菊琴丽燕霞娟艳翠凤香莲珍妹群敏彩玲'];

export type Sex = 'male' | 'female';

/** A plausible name: a local surname and a one- or two-character given name of the sex. */
export function pickName(rng: Rng, sex: Sex = rng.chance(0.5) ? 'male' : 'female'): { name: string; sex: Sex } {
  const pool = sex === 'male' ? maleChars : femaleChars;
  const first = rng.pick(pool);
  let given = first;
  if (rng.chance(0.8)) {
    let second = rng.pick(pool);
    while (second === first) second = rng.pick(pool);
    given += second;
  }
  return { name: rng.weighted(surnames) + given, sex };
}

const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '180', '182', '183', '185', '186', '187', '188', '189'];

/** An 11-digit mobile number starting 13, 15 or 18: well formed, not anyone's (demo only). */
export function pickPhone(rng: Rng): string {
  let n = rng.pick(mobilePrefixes);
  for (let i = 0; i < 8; i++) n += String(rng.int(0, 9));
  return n;
}

const numerals = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一组, 12 → 十二组: how villages name their groups (组). */
export function groupName(n: number): string {
  if (n < 1 || n > 99) throw new Error(`no group name for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 0 ? '' : tens === 1 ? '十' : `${numerals[tens]}十`;
  return `${t}${numerals[ones]}组`;
}
