import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type restify from 'restify';

/** A file the server sends as it is: the tab's and the paper view's scripts and styles, pdf.js's build. */
interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.ttf': 'font/ttf',
  '.pfb': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

/** Our own page code, beside this module (copied into dist by scripts/copyRuntimeFiles.mjs). */
const OWN = join(__dirname, 'static');

/**
 * Every static file, read once at start and served from memory by name: a request names a key in this
 * map, never a path, so nothing outside these folders can be asked for. pdf.js renders PDF pages in the
 * browser (a native canvas package cannot be installed here); teams-js gives the tab its SSO token.
 */
function loadStaticFiles(): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const add = (route: string, path: string): void => {
    const type = TYPES[extname(path)];
    if (type) files.set(route, { body: readFileSync(path), type });
  };
  for (const name of readdirSync(OWN)) add(`/static/${name}`, join(OWN, name));
  const pdfjs = dirname(dirname(require.resolve('pdfjs-dist/build/pdf.min.mjs')));
  add('/static/pdfjs/pdf.min.mjs', join(pdfjs, 'build', 'pdf.min.mjs'));
  add('/static/pdfjs/pdf.worker.min.mjs', join(pdfjs, 'build', 'pdf.worker.min.mjs'));
  for (const folder of ['standard_fonts', 'wasm']) {
    for (const name of readdirSync(join(pdfjs, folder))) add(`/static/pdfjs/${folder}/${name}`, join(pdfjs, folder, name));
  }
  add('/static/teams-js/MicrosoftTeams.min.js', require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js'));
  return files;
}

/** GET /static/...: public (no paper text is in them), cached for an hour. */
export function registerStaticFiles(server: restify.Server): void {
  const files = loadStaticFiles();
  server.get('/static/*', async (req: restify.Request, res: restify.Response) => {
    const file = files.get(req.path());
    if (!file) {
      res.send(404, { error: 'no such file' });
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' });
    res.end(file.body);
  });
}
