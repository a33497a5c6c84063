/** Hex SHA-256, cut to `length` digits: passage and media ids, and the checksums of media files. */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Buffer, length = 64): string {
  return createHash('sha256').update(data).digest('hex').slice(0, length);
}
