import dayjs from 'dayjs';
import type { Region, RegionLevel } from '../../api/types';

export const levelColor: Record<RegionLevel, string> = {
  province: 'magenta',
  city: 'purple',
  county: 'geekblue',
  township: 'blue',
  village: 'green',
  group: 'cyan',
};

const significant: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12, group: 15 };

/** The code prefix shared by a region and everything under it (433124213 for 补抽乡). */
export const prefixOf = (r: Pick<Region, 'code' | 'level'>): string => r.code.slice(0, significant[r.level]);

/** Whether `code` is the region `root` or lies under it. */
export const isWithin = (code: string, root: Pick<Region, 'code' | 'level'>): boolean =>
  code === root.code || code.startsWith(prefixOf(root));

/** Expired: it has an end date on or before today (the end date is the first day it no longer exists). */
export const isExpired = (r: Pick<Region, 'validTo'>, today = dayjs().format('YYYY-MM-DD')): boolean => !!r.validTo && r.validTo <= today;

/** Groups (组/社) are the bottom of the tree; everything else may have children. */
export const canHaveChildren = (r: Pick<Region, 'level'>): boolean => r.level !== 'group';
