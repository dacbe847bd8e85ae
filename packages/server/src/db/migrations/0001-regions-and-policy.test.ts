import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import type { NewPolicyParameterRow } from '../schema.ts';

function parameter(overrides: Partial<NewPolicyParameterRow> = {}): NewPolicyParameterRow {
  return {
    name: 'contribution_rate',
    region_code: '110000',
    insurance: 'pension',
    party: 'employer',
    category: null,
    valid_from: '2024-07',
    valid_to: null,
    value_json: JSON.stringify(160000),
    source: '京人社发〔2024〕12号',
    version: 1,
    recorded_at: '2024-06-20T08:00:00.000Z',
    recorded_by: 'admin',
    approved_by: null,
    ...overrides,
  };
}

describeEachDatabase('0001 regions and policy parameters', (getDb, dialect) => {
  beforeAll(async () => {
    await getDb()
      .insertInto('regions')
      .values([
        { code: '100000', name: '全国', level: 'national', parent_code: null },
        { code: '110000', name: '北京市', level: 'province', parent_code: '100000' },
        { code: '110105', name: '朝阳区', level: 'county', parent_code: '110000' },
      ])
      .execute();
  });

  it('stores a policy parameter and reads it back unchanged', async () => {
    const value = { floorFen: 712_600, ceilingFen: 3_562_800, note: '缴费基数' };
    const row = parameter({
      name: 'base_limits',
      insurance: null,
      party: null,
      value_json: JSON.stringify(value),
    });
    const { id } = await getDb()
      .insertInto('policy_parameters')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(typeof id).toBe('number');

    const stored = await getDb()
      .selectFrom('policy_parameters')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ ...row, id });
    expect(JSON.parse(stored.value_json)).toEqual(value);
  });

  it('returns 64-bit integers (counts, ids) as numbers', async () => {
    const { count } = await getDb()
      .selectFrom('policy_parameters')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(count).toBe(1);
    const { big } = await sql<{ big: number }>`select cast(9007199254740991 as bigint) as big`
      .execute(getDb())
      .then((it) => it.rows[0]!);
    expect(big).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.runIf(dialect === 'postgres')('refuses int8 values beyond 2^53 rather than rounding them', async () => {
    await expect(sql`select cast(9007199254740993 as bigint) as big`.execute(getDb())).rejects.toThrow(
      /beyond 2\^53/,
    );
  });

  it('keeps versions apart and refuses a second row for the same version, NULL dimensions included', async () => {
    const db = getDb();
    await db.insertInto('policy_parameters').values(parameter()).execute();
    await db
      .insertInto('policy_parameters')
      .values(parameter({ version: 2, value_json: '150000' }))
      .execute();
    await db
      .insertInto('policy_parameters')
      .values(parameter({ valid_from: '2025-07' }))
      .execute();
    await db
      .insertInto('policy_parameters')
      .values(parameter({ party: 'employee', value_json: '80000' }))
      .execute();
    await expect(db.insertInto('policy_parameters').values(parameter()).execute()).rejects.toThrow(/unique/i);

    const allParties = parameter({ name: 'interest_rate', party: null, insurance: null });
    await db.insertInto('policy_parameters').values(allParties).execute();
    await expect(db.insertInto('policy_parameters').values(allParties).execute()).rejects.toThrow(/unique/i);
  });

  it('refuses unknown regions, malformed periods and reversed validity', async () => {
    const db = getDb();
    const insert = (overrides: Partial<NewPolicyParameterRow>) =>
      db
        .insertInto('policy_parameters')
        .values(parameter({ name: 'checks', ...overrides }))
        .execute();
    await expect(insert({ region_code: '999999' })).rejects.toThrow(/foreign key/i);
    await expect(insert({ valid_from: '2024-7' })).rejects.toThrow(/check/i);
    await expect(insert({ valid_from: '2024-07', valid_to: '2024-06' })).rejects.toThrow(/check/i);
    await expect(insert({ version: 0 })).rejects.toThrow(/check/i);
    await expect(
      db
        .insertInto('regions')
        .values({ code: '1101', name: 'x', level: 'county', parent_code: null })
        .execute(),
    ).rejects.toThrow(/check/i);
  });

  it('finds parameters by name and region through the index', async () => {
    const rows = await getDb()
      .selectFrom('policy_parameters')
      .select(['party', 'version', 'value_json'])
      .where('name', '=', 'contribution_rate')
      .where('region_code', '=', '110000')
      .where('valid_from', '=', '2024-07')
      .orderBy('party')
      .orderBy('version')
      .execute();
    expect(rows).toEqual([
      { party: 'employee', version: 1, value_json: '80000' },
      { party: 'employer', version: 1, value_json: '160000' },
      { party: 'employer', version: 2, value_json: '150000' },
    ]);
  });
});
