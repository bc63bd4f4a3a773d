import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded and generated files live (Excel uploads and error reports, later photos and
 * PDFs), so that API processes stay stateless. Keys are relative paths such as
 * `imports/<job id>/upload.xlsx`. The default keeps them in a folder (LIANHU_FILES_DIR, else
 * LIANHU_DATA_DIR/files); an S3-compatible store implements the same interface later.
 */
export interface FileStorage {
  /** Writes the stream under key and answers the bytes written; on error nothing is left behind. */
  put(key: string, data: Readable | Buffer | string): Promise<number>;
  /** Reads a stored file, or bytes start..end of it (end inclusive); the stream errors with code ENOENT when there is none. */
  read(key: string, range?: { start: number; end: number }): Readable;
  /** Appends lines or chunks to a file written in several steps (staging files of a job). */
  writer(key: string): fs.WriteStream;
  exists(key: string): Promise<boolean>;
  size(key: string): Promise<number>;
  /** Removes a file, or every file under a folder key; nothing to remove is fine. */
  remove(key: string): Promise<void>;
}

const safeKey = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function folderStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    if (!safeKey.test(key) || key.split('/').includes('..')) throw new Error(`bad storage key: ${key}`);
    return path.join(root, key);
  };
  const ensureDir = (file: string) => fs.promises.mkdir(path.dirname(file), { recursive: true });
  return {
    async put(key, data) {
      const file = resolve(key);
      await ensureDir(file);
      const tmp = `${file}.part`;
      let bytes = 0;
      const source = typeof data === 'string' || Buffer.isBuffer(data) ? Readable.from([data]) : data;
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, count, fs.createWriteStream(tmp));
        await fs.promises.rename(tmp, file);
      } catch (err) {
        await fs.promises.rm(tmp, { force: true });
        throw err;
      }
      return bytes;
    },
    read: (key, range) => fs.createReadStream(resolve(key), range),
    writer(key) {
      const file = resolve(key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      return fs.createWriteStream(file);
    },
    exists: (key) =>
      fs.promises.access(resolve(key)).then(
        () => true,
        () => false,
      ),
    size: async (key) => (await fs.promises.stat(resolve(key))).size,
    remove: (key) => fs.promises.rm(resolve(key), { recursive: true, force: true }),
  };
}
