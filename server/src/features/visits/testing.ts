/**
 * The cast of the field-work tests: 补抽乡's township committee, 吉久村's branch secretary 施明发,
 * two members of his branch who are cadres with accounts (龙文斌, 石金林), and the households they
 * are paired with (one 一帮一 each, 龙文斌 two). The pairings go straight into their table.
 */
import sharp from 'sharp';
import { BUCHOU, JIJIU, MAOER, type Client, type TestContext } from '../../../test/app.js';
import { insertCadres } from '../cadres/repository.js';
import { householdBody } from '../households/fixtures.js';
import { pairings } from '../pairings/tables.js';
import { newId } from '../../platform/ids.js';
import { randomBytes } from 'node:crypto';

export interface FieldWorld {
  admin: Client;
  secretary: Client;
  long: Client;
  shi: Client;
  maoer: Client;
  cadre: { long: string; shi: string; secretary: string };
  household: { a: string; b: string; c: string; maoer: string };
  branchId: string;
}

export async function fieldWorld(t: TestContext): Promise<FieldWorld> {
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  const secretaryUser = await t.createUser('shi_mingfa', 'branch_secretary', JIJIU);
  const longUser = await t.createUser('long_wenbin', 'cadre', BUCHOU);
  const shiUser = await t.createUser('shi_jinlin', 'cadre', BUCHOU);
  const admin = await t.login('buchou_admin');
  const maoer = await t.login('maoer_admin');
  const branchId = (await admin.post('/api/branches', { name: '吉久村党支部', regionCode: JIJIU })).body.id as string;
  const cadre = { long: newId(), shi: newId(), secretary: newId() };
  await insertCadres(t.database.db, [
    {
      id: cadre.secretary,
      name: '施明发',
      initials: 'smf',
      rank: 'village',
      regionCode: JIJIU,
      countyCode: '433124',
      branchId,
      branchRole: 'secretary',
      userId: secretaryUser,
    },
    {
      id: cadre.long,
      name: '龙文斌',
      initials: 'lwb',
      rank: 'party_member',
      regionCode: JIJIU,
      countyCode: '433124',
      branchId,
      branchRole: 'member',
      userId: longUser,
    },
    {
      id: cadre.shi,
      name: '石金林',
      initials: 'sjl',
      rank: 'party_member',
      regionCode: JIJIU,
      countyCode: '433124',
      branchId,
      branchRole: 'member',
      userId: shiUser,
    },
  ]);
  const household = {
    a: (await admin.post('/api/households', householdBody(JIJIU, '麻老三'))).body.id as string,
    b: (await admin.post('/api/households', householdBody(JIJIU, '吴二妹'))).body.id as string,
    c: (await admin.post('/api/households', householdBody(JIJIU, '田大山'))).body.id as string,
    maoer: (await maoer.post('/api/households', householdBody('433124206201', '田猫儿'))).body.id as string,
  };
  const pairing = (helperId: string, targetId: string, regionCode = JIJIU) => ({
    id: newId(),
    regionCode,
    countyCode: '433124',
    role: 'one_to_one' as const,
    helperKind: 'cadre' as const,
    helperId,
    targetKind: 'household' as const,
    targetId,
    lead: true,
    startOn: '2025-01-01',
  });
  await t.database.db
    .insert(pairings)
    .values([pairing(cadre.long, household.a), pairing(cadre.long, household.b), pairing(cadre.shi, household.c)]);
  return {
    admin,
    secretary: await t.login('shi_mingfa'),
    long: await t.login('long_wenbin'),
    shi: await t.login('shi_jinlin'),
    maoer,
    cadre,
    household,
    branchId,
  };
}

/** A small JPEG with EXIF, as a phone would send it. */
export const phonePhoto = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 140, b: 60 } } })
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'X1' } })
    .jpeg()
    .toBuffer();

/** multipart/form-data with one file part named "file". */
export function photoUpload(file: Buffer, contentType = 'image/jpeg', fileName = 'photo.jpg') {
  const boundary = `----lianhu${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Today in Asia/Shanghai, and the month. */
export const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
