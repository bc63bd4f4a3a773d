import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PhotoRejected, processPhoto } from './photos.js';

/** A 600×400 JPEG carrying EXIF (camera, GPS-ish comment) and orientation 6 (rotated 90°). */
const withExif = () =>
  sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'X1', ImageDescription: 'GPS 28.3N 109.4E' } })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

describe('visit photos', () => {
  it('strips EXIF, turns the picture upright and makes a thumbnail', async () => {
    const input = await withExif();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const out = await processPhoto(input);
    const meta = await sharp(out.full).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect([out.width, out.height]).toEqual([400, 600]);
    const thumb = await sharp(out.thumb).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(320);
    expect(thumb.exif).toBeUndefined();
  });
  it('refuses what is not a picture, whatever it is called', async () => {
    await expect(processPhoto(Buffer.from('%PDF-1.4 not a photo'))).rejects.toBeInstanceOf(PhotoRejected);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await expect(processPhoto(svg)).rejects.toMatchObject({ reason: 'type' });
  });
  it('refuses files over 10 MB', async () => {
    await expect(processPhoto(Buffer.alloc(10 * 1024 * 1024 + 1))).rejects.toMatchObject({ reason: 'size' });
  });
});
