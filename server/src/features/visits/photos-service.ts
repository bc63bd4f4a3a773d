import type { Readable } from 'node:stream';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { FileStorage } from '../../platform/storage.js';
import { recordAudit } from '../audit/service.js';
import { maxPhotosPerVisit, PhotoRejected, processPhoto } from './photos.js';
import * as repo from './repository.js';
import { getVisit, visitForRead, visitForWrite } from './service.js';

const fileField = (actor: Actor, zh: string, en: string) => [{ path: 'body.file', message: actor.lang === 'en' ? en : zh }];

/** Adds a photo: checked by content, EXIF stripped, a thumbnail made, both stored, then the row written. */
export async function addPhoto(db: Db, storage: FileStorage, actor: Actor, visitId: string, input: Buffer) {
  const visit = await visitForWrite(db, actor, visitId);
  if ((await repo.photoCount(db, visitId)) >= maxPhotosPerVisit) {
    throw new AppError(
      'validation_failed',
      { zh: `每次走访最多 ${maxPhotosPerVisit} 张照片`, en: `At most ${maxPhotosPerVisit} photos a visit` },
      fileField(actor, '照片已满', 'too many photos'),
    );
  }
  let photo: Awaited<ReturnType<typeof processPhoto>>;
  try {
    photo = await processPhoto(input);
  } catch (err) {
    if (err instanceof PhotoRejected && err.reason === 'size')
      throw new AppError(
        'payload_too_large',
        { zh: '照片不能超过 10 MB', en: 'Photos are at most 10 MB' },
        fileField(actor, '照片过大', 'too large'),
      );
    if (err instanceof PhotoRejected)
      throw new AppError(
        'validation_failed',
        { zh: '只能上传 JPEG、PNG、WebP 或 HEIF 照片', en: 'Upload a JPEG, PNG, WebP or HEIF photo' },
        fileField(actor, '不是照片', 'not a photo'),
      );
    throw err;
  }
  const id = newId();
  const storageKey = `visits/${visitId}/${id}.jpg`;
  const thumbKey = `visits/${visitId}/${id}.thumb.jpg`;
  await storage.put(storageKey, photo.full);
  await storage.put(thumbKey, photo.thumb);
  try {
    await db.transaction(async (tx) => {
      const row = {
        id,
        visitId,
        regionCode: visit.regionCode,
        countyCode: visit.countyCode,
        storageKey,
        thumbKey,
        contentType: photo.contentType,
        bytes: photo.full.length,
        width: photo.width,
        height: photo.height,
        uploadedBy: actor.id,
      };
      await repo.insertPhoto(tx, row);
      await recordAudit(tx, actor, {
        action: 'add_photo',
        entityType: 'visit',
        entityId: visitId,
        regionCode: visit.regionCode,
        after: { photoId: id, bytes: row.bytes },
      });
    });
  } catch (err) {
    await storage.remove(storageKey);
    await storage.remove(thumbKey);
    throw err;
  }
  return getVisit(db, actor, visitId);
}

export async function readPhoto(
  db: Db,
  storage: FileStorage,
  actor: Actor,
  visitId: string,
  photoId: string,
  size: 'full' | 'thumb',
): Promise<{ stream: Readable; contentType: string }> {
  await visitForRead(db, actor, visitId);
  const photo = await repo.getPhoto(db, visitId, photoId);
  if (!photo) throw notFound({ zh: '照片', en: 'Photo' });
  return { stream: storage.read(size === 'thumb' ? photo.thumbKey : photo.storageKey), contentType: photo.contentType };
}
