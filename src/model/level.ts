/**
 * The level of government a body belongs to, from its name: the last administrative unit the
 * name holds (省, 市, 县, 区, 乡, 镇, 街道 …), not counting words that only contain one of those
 * characters (城乡, 市场, 社区 …). Pure.
 */

/** 乡镇 and 街道; 县, 区 and 旗; a city, prefecture or province (or a body of the State Council). */
export type Level = 'township' | 'county' | 'higher';

const UNITS = /自治区|自治州|地区|街道|省|市|州|盟|县|旗|区|乡|镇/gu;
/** Words that contain a unit's character without naming a unit. */
const NOT_A_UNIT = /城乡|乡村|城镇|镇区|社区|园区|景区|片区|辖区|小区|区域|市场|市政|市容|县域|区划|乡镇企业/u;

const LEVEL_OF: Record<string, Level> = {
  乡: 'township', 镇: 'township', 街道: 'township',
  县: 'county', 区: 'county', 旗: 'county',
};

/** The level of the body `organization` names; `higher` when it names no unit (a ministry, a bureau of the State Council). */
export function levelOf(organization: string): Level {
  // Beijing's 地区办事处 are of a 街道's level.
  if (/地区办事处$/u.test(organization)) return 'township';
  let level: Level = 'higher';
  for (const m of organization.matchAll(UNITS)) {
    // A unit follows its name (镇江市: 镇 starts the name, it is no 镇).
    if (m.index === 0) continue;
    const around = organization.slice(Math.max(0, m.index - 1), m.index + m[0].length + 1);
    if (NOT_A_UNIT.test(around)) continue;
    level = LEVEL_OF[m[0]] ?? 'higher';
  }
  return level;
}

/** A level's own government (某县人民政府), as opposed to one of its departments or offices. */
export function isGovernment(organization: string): boolean {
  return /人民政府$/u.test(organization);
}

/**
 * Who publishes a report, and so which deadline binds it: as the report says (`publisher:`),
 * else a level's own government (某市人民政府) as a government and anyone else as a department.
 */
export function publisherOf(said: unknown, organization: string): 'department' | 'government' {
  if (said === 'government' || said === 'department') return said;
  return isGovernment(organization) && levelOf(organization) !== 'township' ? 'government' : 'department';
}
