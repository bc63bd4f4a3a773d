import sharp from 'sharp';

/** Upload limits for visit photos: phone pictures, not archives. */
export const maxPhotoBytes = 10 * 1024 * 1024;
export const maxPhotosPerVisit = 9;
const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'heif']);

export class PhotoRejected extends Error {
  constructor(readonly reason: 'type' | 'size') {
    super(reason);
  }
}

/**
 * Reads an uploaded picture by its content (never by its name or declared type), turns it upright
 * by its EXIF orientation, and re-encodes it as JPEG without any metadata (sharp drops EXIF, GPS and
 * ICC unless asked to keep them): the stored picture at most 2048 px, and a 320-px thumbnail.
 */
export async function processPhoto(input: Buffer) {
  if (input.length > maxPhotoBytes) throw new PhotoRejected('size');
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(input).metadata();
  } catch {
    throw new PhotoRejected('type');
  }
  if (!meta.format || !acceptedFormats.has(meta.format)) throw new PhotoRejected('type');
  const base = () => sharp(input, { limitInputPixels: 50_000_000 }).rotate();
  const full = await base()
    .resize({ width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  const thumb = await base().resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
  return { full: full.data, thumb, width: full.info.width, height: full.info.height, contentType: 'image/jpeg' };
}
