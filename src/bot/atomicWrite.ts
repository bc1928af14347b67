import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes a whole file so a crash leaves either the old or the new content, never half of each. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, content, 'utf8');
  await rename(temp, file);
}
