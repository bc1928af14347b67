import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { makePdf } from '../ingest/makePdf';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'moderngov');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

export interface RecordedRequest {
  readonly path: string;
  readonly at: number;
  readonly ifNoneMatch: string | undefined;
  readonly ifModifiedSince: string | undefined;
}

/** Answers one request instead of the site (`count` from 1); return false to let the site answer. */
export type Override = (req: IncomingMessage, res: ServerResponse, count: number) => boolean | void;

export interface ModernGovServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Replaces a document's bytes (a new ETag and Last-Modified follow). */
  setDocument(pathname: string, bytes: Buffer): void;
  documentBytes(pathname: string): Buffer;
  /** Answers requests whose path (query included) starts with `prefix` through `handler`. */
  override(prefix: string, handler: Override): void;
  /** Makes the web service answer 500, as a site that does not offer it does. */
  serviceDown(): void;
  close(): Promise<void>;
}

/** The PDFs the fixture meeting links, by path (as the browser would ask for them). */
export const MEETING_DOCUMENTS: readonly string[] = [
  '/documents/g10230/Agenda frontsheet Thursday 15-Jan-2026 19.30 Ashvale and North Ashvale Neighbourhood Committee.pdf',
  '/documents/g10230/Public reports pack 15th-Jan-2026 19.30 Ashvale and North Ashvale Neighbourhood Committee.pdf',
  '/documents/g10230/Decisions Thursday 15-Jan-2026 19.30 Ashvale and North Ashvale Neighbourhood Committee.pdf',
  '/documents/g10230/Printed minutes Thursday 15-Jan-2026 19.30 Ashvale and North Ashvale Neighbourhood Committee.pdf',
  '/documents/s111920/Minutes of Previous Meeting.pdf',
  '/documents/s112217/Petition TMO Orchard Rd Report.pdf',
  '/documents/s112218/Annex 1 - Beacon Avenue.pdf',
  '/documents/s112219/Annex 2 - Orchard Road.pdf',
  '/documents/s112374/Annex 3 - Overview plan.pdf',
  '/documents/s112380/Annex 4 - Survey summary.pdf',
];

const LAST_MODIFIED = 'Mon, 05 Jan 2026 10:00:00 GMT';

/**
 * A ModernGov site on 127.0.0.1 (random port) that replays the fixture pages, web-service XML and
 * small real PDFs. Documents carry an ETag and Last-Modified and answer conditional requests with
 * 304, as IIS does for static files; the .aspx pages carry neither, as ModernGov's do.
 */
export async function startModernGovServer(): Promise<ModernGovServer> {
  const requests: RecordedRequest[] = [];
  const documents = new Map<string, { bytes: Buffer; etag: string; lastModified: string }>();
  const overrides: { prefix: string; handler: Override; count: number }[] = [];
  let version = 0;
  const setDocument = (pathname: string, bytes: Buffer): void => {
    version += 1;
    const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`;
    documents.set(pathname, { bytes, etag, lastModified: version === 1 ? LAST_MODIFIED : new Date(Date.parse(LAST_MODIFIED) + version * 60_000).toUTCString() });
  };
  const extra = ['/mgConvert2PDF.aspx?ID=112999', '/mgChooseDocPack.aspx?ID=10230&SID=23550', '/mgChooseDocPack.aspx?ID=10230&SID=23609'];
  for (const pathname of [...MEETING_DOCUMENTS, ...extra]) {
    setDocument(pathname, await makePdf([path.basename(pathname), 'Ashvale and North Ashvale Neighbourhood Committee', 'A small test document.']));
  }
  version = 1;

  let host = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const decoded = decodeURIComponent(url.pathname);
    requests.push({ path: decoded + url.search, at: Date.now(), ifNoneMatch: header(req, 'if-none-match'), ifModifiedSince: header(req, 'if-modified-since') });
    for (const o of overrides) {
      if ((decoded + url.search).startsWith(o.prefix)) {
        o.count += 1;
        if (o.handler(req, res, o.count) !== false) return;
      }
    }
    const send = (status: number, body: string | Buffer, type: string): void => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    const xml = (name: string): void => send(200, fixture(name).replaceAll('HOST', host), 'text/xml; charset=utf-8');
    const html = (name: string): void => send(200, fixture(name), 'text/html; charset=utf-8');
    const q = (name: string): string => url.searchParams.get(name) ?? '';
    const page = url.pathname.toLowerCase();
    if (page === '/mgwebservice.asmx/getcommittees') return xml('GetCommittees.xml');
    if (page === '/mgwebservice.asmx/getmeetings' && q('lCommitteeId') === '711') return xml('GetMeetings-711.xml');
    if (page === '/mgwebservice.asmx/getmeeting' && ['10221', '10161'].includes(q('lMeetingId'))) return xml(`GetMeeting-${q('lMeetingId')}.xml`);
    if (page === '/mglistcommittees.aspx') return html('mgListCommittees.html');
    if (page === '/mgcommitteedetails.aspx' && q('ID') === '711') return html('committee-details.html');
    if (page === '/ielistmeetings.aspx' && q('CommitteeId') === '711') return html('meetings-list.html');
    if (page === '/ielistdocuments.aspx' && q('MId') === '10221') return html('meeting-page.html');
    if (page === '/ielistdocuments.aspx' && q('MId') === '10161') return html('meeting-cancelled.html');
    if (page === '/mgchoosedocpack.aspx' && q('ID') === '10230' && !q('SID')) return html('pack-chooser.html');
    const doc = documents.get(page.endsWith('.aspx') ? decoded + url.search : decoded);
    if (!doc) return send(404, 'Not found', 'text/plain');
    if (header(req, 'if-none-match') === doc.etag || (!header(req, 'if-none-match') && header(req, 'if-modified-since') === doc.lastModified)) {
      res.writeHead(304, { etag: doc.etag, 'last-modified': doc.lastModified });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': doc.bytes.length, etag: doc.etag, 'last-modified': doc.lastModified });
    res.end(doc.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    requests,
    setDocument,
    documentBytes: (pathname) => documents.get(pathname)!.bytes,
    override: (prefix, handler) => void overrides.push({ prefix, handler, count: 0 }),
    serviceDown: () =>
      void overrides.push({
        prefix: '/mgWebService.asmx/',
        count: 0,
        handler: (_req, res) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('System.InvalidOperationException: Request format is unrecognized.');
        },
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
