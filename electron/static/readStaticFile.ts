// Reads one file of the built app for a request: the file itself, or index.html
// for app routes without an extension, or a 404. Shared by both ways of serving.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeFor } from './contentTypes';
import { resolveStaticPath } from './resolveStaticPath';

export interface StaticResponse {
  readonly status: 200 | 404;
  readonly contentType: string;
  readonly body: Buffer;
}

const NOT_FOUND: StaticResponse = {
  status: 404,
  contentType: 'text/plain; charset=utf-8',
  body: Buffer.from('Not found'),
};

export async function readStaticFile(root: string, requestPath: string): Promise<StaticResponse> {
  const filePath = resolveStaticPath(root, requestPath);
  if (!filePath) return NOT_FOUND;
  const found = await isFile(filePath);
  if (found) {
    return { status: 200, contentType: contentTypeFor(filePath), body: await readFile(filePath) };
  }
  if (path.extname(filePath) !== '') return NOT_FOUND;
  const index = path.join(root, 'index.html');
  if (!(await isFile(index))) return NOT_FOUND;
  return { status: 200, contentType: contentTypeFor(index), body: await readFile(index) };
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}
