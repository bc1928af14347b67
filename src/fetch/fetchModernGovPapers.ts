import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MeetingStatus } from '../model';
import { writeFileAtomic } from './atomicFile';
import { FetchState } from './FetchState';
import { paperFileName, withSuffix } from './fileNames';
import { meetingStatus } from './meetingStatus';
import { identifyModernGovSite, isServiceXml, siteBase } from './identifySite';
import { documentId, isDocument, readMeetingPage, readMeetingsList, readPackChooser, readPageHeading, type PageLink } from './moderngovPages';
import { isoToUkDate, readLinkedDocuments, readMeetings, type ServiceCommittee } from './moderngovXml';
import { FetchError, PoliteClient, type Fetched, type PoliteClientOptions } from './PoliteClient';

/** The few logger methods the fetcher uses (the bot's JSON logger has them). */
export interface FetchLogger {
  info(event: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(event: string, fields?: Readonly<Record<string, unknown>>): void;
}

export interface FetchProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

export interface FetchPapersOptions {
  /** The council's ModernGov site, e.g. https://moderngov.example.gov.uk (a path after the host is kept). */
  readonly baseUrl: string;
  /** Committee ids ("711") or names, as the site lists them. */
  readonly committees: readonly string[];
  /** Meetings on or after this day (YYYY-MM-DD) ... */
  readonly since: string;
  /** ... and on or before this one; null for no end. */
  readonly until: string | null;
  readonly papersDir: string;
  /** The JSON file that keeps names and validators between rounds. */
  readonly stateFile: string;
  /** "Today", for telling held meetings from scheduled ones. */
  readonly today: string;
  readonly client?: Omit<PoliteClientOptions, 'ratePerSecond'> & { readonly ratePerSecond?: number };
  readonly onProgress?: (progress: FetchProgress) => void;
  readonly logger?: FetchLogger;
  /** Reads the site's pages to find what there is, but writes nothing: `planned` says what would be fetched. */
  readonly dryRun?: boolean;
}

export interface FetchedMeeting {
  readonly committee: string;
  readonly id: string;
  readonly date: string;
  readonly time: string | null;
  readonly status: MeetingStatus;
  readonly documents: number;
}

export interface FetchSummary {
  /** Each committee fetched, by id and the name its files carry. */
  readonly committees: readonly { readonly id: string; readonly title: string }[];
  readonly meetings: FetchedMeeting[];
  /** Files written this round: new papers and changed ones. */
  readonly downloaded: string[];
  /** Files already up to date (a 304, or the same bytes again). */
  readonly unchanged: string[];
  readonly failed: { readonly url: string; readonly reason: string }[];
  readonly skipped: { readonly url: string; readonly reason: string }[];
  /** What else the round should tell, e.g. that the web service was unavailable. */
  readonly notes: string[];
  /** Why nothing was fetched: the address is not a ModernGov site, or nothing answered there. */
  refused: string | null;
  /** In a dry run, each file the round would write (or check, when a copy is held) and its source. */
  readonly planned: PlannedFile[];
  requests: number;
}

export interface PlannedFile {
  readonly file: string;
  readonly url: string;
  /** A copy is held: the round would ask "changed since?" and write only a change. */
  readonly held: boolean;
}

/** The file formats ingest reads; a document in any other is listed as skipped. */
const READABLE_EXTENSIONS: ReadonlySet<string> = new Set(['.pdf', '.html', '.htm', '.txt', '.md']);
/** Pages of "earlier meetings" followed at most, when the meetings list stands in for the web service. */
const MAX_EARLIER_PAGES = 10;

interface Committee {
  readonly id: string;
  readonly title: string;
}

/** A meeting as listed, with what the site says of its status (the service's words, the list's note). */
interface ListedMeeting {
  readonly id: string;
  readonly date: string;
  readonly time: string | null;
  readonly said: (string | null)[];
}

interface Document {
  readonly title: string;
  readonly url: string;
  readonly ext: string;
  /** Already fetched (a pack chooser that answered with the pack). */
  readonly fetched?: Fetched;
}

/**
 * One round: for each chosen committee, its details page and meetings list, then each meeting in
 * the window — its "agenda, decisions and minutes" page and every document it links (agenda
 * packs, frontsheet, printed decisions and minutes, reports) — saved into the papers folder when
 * new or changed. Meetings and documents come from the web service where the site answers it, and
 * from the public pages otherwise. One failed document is reported and the rest go on.
 */
export async function fetchModernGovPapers(options: FetchPapersOptions): Promise<FetchSummary> {
  const { state, problem } = await FetchState.load(options.stateFile);
  const round = new Round(options, state);
  if (problem) round.summary.notes.push(problem);
  try {
    await round.run();
  } finally {
    // Whatever was saved stays remembered, even when the round stopped early.
    if (!options.dryRun) await state.save();
  }
  round.summary.requests = round.client.requests;
  return round.summary;
}

class Round {
  readonly client: PoliteClient;
  readonly summary: FetchSummary = { committees: [], meetings: [], downloaded: [], unchanged: [], failed: [], skipped: [], notes: [], refused: null, planned: [], requests: 0 };
  private readonly base: URL;
  /** Set once the web service has failed this round, so the rest uses the pages straight away. */
  private serviceDown = false;
  private readonly claimed = new Set<string>();

  constructor(
    private readonly options: FetchPapersOptions,
    private readonly state: FetchState,
  ) {
    this.client = new PoliteClient({ ratePerSecond: 2, ...options.client });
    this.base = siteBase(options.baseUrl);
  }

  async run(): Promise<void> {
    // Nothing is written until the address has shown itself to be a ModernGov site.
    const site = await identifyModernGovSite(this.client, this.base);
    if (site.kind === 'refused') {
      this.summary.refused = site.reason;
      this.options.logger?.warn('moderngov_site_refused', { url: this.base.href, reason: site.reason });
      return;
    }
    if (site.serviceProblem !== null) {
      this.serviceDown = true;
      this.summary.notes.push(`the web service did not answer (${site.serviceProblem}); the public pages were read instead`);
      this.options.logger?.warn('moderngov_service_unavailable', { url: this.base.href, reason: site.serviceProblem });
    }
    for (const committee of this.resolveCommittees(site.committees)) {
      const title = await this.fetchCommittee(committee);
      (this.summary.committees as Committee[]).push({ id: committee.id, title });
    }
  }

  private resolveCommittees(listed: readonly ServiceCommittee[]): Committee[] {
    const out: Committee[] = [];
    for (const wanted of this.options.committees) {
      const key = normalise(wanted);
      const matches = listed.filter((c) => c.id === wanted.trim() || normalise(c.title) === key);
      const found = matches.find((c) => c.live) ?? matches[0];
      if (found) out.push({ id: found.id, title: found.title });
      else if (/^\d+$/u.test(wanted.trim())) out.push({ id: wanted.trim(), title: '' });
      else this.fail(this.page('mgListCommittees.aspx'), `no committee named "${wanted}" on ${this.base.origin}${listed.length > 0 ? ` (it lists ${listed.length}, e.g. ${listed.slice(0, 3).map((c) => `"${c.title}"`).join(', ')})` : ''}`);
    }
    return out;
  }

  /** Saves the committee's pages and meetings; returns its name as used in file names. */
  private async fetchCommittee(committee: Committee): Promise<string> {
    const listUrl = this.page(`ieListMeetings.aspx?CommitteeId=${committee.id}`);
    const detailsUrl = this.page(`mgCommitteeDetails.aspx?ID=${committee.id}`);
    // A committee given by id alone is named from its page, so its files are named after it.
    let title = committee.title;
    let listFetched: Fetched | undefined;
    if (title === '') {
      listFetched = await this.getOrFail(listUrl);
      const heading = listFetched?.status === 200 ? readPageHeading(listFetched.body.toString('utf8')) : null;
      title = heading ?? `committee ${committee.id}`;
    }
    await this.save(detailsUrl, paperFileName(title, null, 'committee details', '.html'));
    const listPage = await this.save(listUrl, paperFileName(title, null, 'meetings list', '.html'), null, listFetched);

    const meetings = await this.listMeetings(committee.id, listUrl, listPage);
    const inWindow = meetings.filter((m) => m.date >= this.options.since && (this.options.until === null || m.date <= this.options.until));
    for (const [i, meeting] of inWindow.entries()) {
      this.options.onProgress?.({ done: i, total: inWindow.length, file: `${title} ${meeting.date}` });
      const documents = await this.fetchMeeting(committee.id, title, meeting);
      this.summary.meetings.push({ committee: title, id: meeting.id, date: meeting.date, time: meeting.time, status: meetingStatus(meeting.said, meeting.date, this.options.today), documents });
    }
    this.options.onProgress?.({ done: inWindow.length, total: inWindow.length, file: '' });
    return title;
  }

  private async listMeetings(committeeId: string, listUrl: string, listPage: Buffer | null): Promise<ListedMeeting[]> {
    const xml = await this.service('GetMeetings', {
      lCommitteeId: committeeId,
      sFromDate: isoToUkDate(this.options.since),
      sToDate: isoToUkDate(this.options.until ?? '2099-12-31'),
    });
    if (xml !== null) {
      // The list page's note (" - CANCELLED") backs up the service's status.
      const notes = new Map(listPage ? readMeetingsList(listPage.toString('utf8'), listUrl).meetings.map((m) => [m.id, m.note]) : []);
      return readMeetings(xml).map((m) => ({ id: m.id, date: m.date, time: m.time, said: [m.status, notes.get(m.id) ?? null] }));
    }
    // The list shows a season at a time: walk back through "earlier meetings" to the window's start.
    const out = new Map<string, ListedMeeting>();
    let html = listPage?.toString('utf8') ?? null;
    let url = listUrl;
    for (let page = 0; html !== null && page <= MAX_EARLIER_PAGES; page += 1) {
      const { meetings, earlier } = readMeetingsList(html, url);
      for (const m of meetings) if (m.committeeId === committeeId) out.set(m.id, { id: m.id, date: m.date, time: m.time, said: [m.note] });
      const oldest = meetings.map((m) => m.date).sort()[0];
      if (!earlier || !oldest || oldest < this.options.since || out.size === 0) break;
      url = earlier;
      html = await this.fetchText(url);
    }
    return [...out.values()];
  }

  /** Saves the meeting page and its documents; returns how many documents it has. */
  private async fetchMeeting(committeeId: string, title: string, meeting: { id: string; date: string }): Promise<number> {
    const pageUrl = this.page(`ieListDocuments.aspx?CId=${committeeId}&MId=${meeting.id}`);
    const page = await this.save(pageUrl, paperFileName(title, meeting.date, 'agenda decisions minutes', '.html'));
    const links = page ? readMeetingPage(page.toString('utf8'), pageUrl) : [];
    const documents: Document[] = [];
    const seen = new Set<string>();
    const add = (doc: Document): void => {
      const key = attachmentKey(doc.url);
      if (seen.has(key)) return;
      seen.add(key);
      documents.push(doc);
    };
    for (const link of links) {
      if (link.pack) for (const doc of await this.openPack(link)) add(doc);
      else this.asDocument(link.title, link.url, add);
    }
    const xml = await this.service('GetMeeting', { lMeetingId: meeting.id });
    if (xml !== null) for (const linked of readLinkedDocuments(xml)) this.asDocument(linked.title, linked.url, add);

    for (const doc of documents) {
      const wanted = paperFileName(title, meeting.date, doc.title, doc.ext);
      if (this.options.dryRun) this.plan(doc.url, this.state.get(doc.url)?.file ?? wanted);
      else await this.save(doc.url, wanted, documentId(doc.url), doc.fetched);
    }
    return documents.length;
  }

  /**
   * A pack chooser answers with the pack itself on some sites and a page linking it on others. A
   * chooser we saved before as a PDF is one of the first kind, and is asked for conditionally.
   */
  private async openPack(link: PageLink): Promise<Document[]> {
    const direct: Document = { title: link.title, url: link.url, ext: '.pdf' };
    if (this.state.get(link.url)) return [direct];
    const fetched = await this.getOrFail(link.url);
    if (fetched?.status !== 200) return [];
    if (fetched.contentType.includes('pdf')) return [{ ...direct, fetched }];
    const docs: Document[] = [];
    for (const pdf of readPackChooser(fetched.body.toString('utf8'), link.url)) this.asDocument(pdf.title, pdf.url, (d) => docs.push(d));
    return docs;
  }

  /** A link becomes a document to fetch when it is on this site and in a format the bot reads. */
  private asDocument(title: string, href: string, add: (doc: Document) => void): void {
    let url: URL;
    try {
      url = new URL(href, this.base);
    } catch {
      this.summary.skipped.push({ url: href, reason: 'not a URL' });
      return;
    }
    if (url.hostname !== this.base.hostname) {
      this.summary.skipped.push({ url: url.href, reason: `not on ${this.base.hostname}` });
      return;
    }
    // The web service writes its own links as http:// even on https sites.
    url.protocol = this.base.protocol;
    const ext = path.extname(url.pathname).toLowerCase();
    const converted = url.pathname.toLowerCase().endsWith('/mgconvert2pdf.aspx');
    if (!converted && !(isDocument(url) && READABLE_EXTENSIONS.has(ext))) {
      this.summary.skipped.push({ url: url.href, reason: `not a format the bot reads (${ext || 'no extension'})` });
      return;
    }
    add({ title, url: url.href, ext: converted ? '.pdf' : ext });
  }

  /**
   * GETs `url` (conditionally, when we hold a copy) and saves it as `wanted` (or the name it was
   * saved under before). Returns the bytes now on disk, or null when it failed (reported).
   */
  private async save(url: string, wanted: string, id: string | null = null, prefetched?: Fetched): Promise<Buffer | null> {
    const known = this.state.get(url);
    const knownPath = known ? path.join(this.options.papersDir, known.file) : null;
    const held = knownPath ? await readIfExists(knownPath) : null;
    let fetched: Fetched;
    try {
      fetched = prefetched ?? (await this.client.get(url, held && known ? { etag: known.etag, lastModified: known.lastModified } : {}));
    } catch (error) {
      this.fail(url, reasonOf(error));
      return held;
    }
    if (fetched.status === 304 && held && known) {
      this.summary.unchanged.push(known.file);
      return held;
    }
    if (fetched.status !== 200) {
      this.fail(url, 'HTTP 304 for a copy we do not hold');
      return null;
    }
    const sha256 = createHash('sha256').update(fetched.body).digest('hex');
    const file = known?.file ?? (await this.chooseName(url, wanted, id, sha256));
    // A dry run reads the pages it must (to find the meetings and documents) and keeps nothing.
    if (this.options.dryRun) {
      this.plan(url, file);
      return fetched.body;
    }
    const validators = { ...(fetched.etag ? { etag: fetched.etag } : {}), ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}) };
    const onDisk = held ?? (await readIfExists(path.join(this.options.papersDir, file)));
    if (onDisk && sha256 === hashOf(onDisk)) {
      this.summary.unchanged.push(file);
    } else {
      try {
        await writeFileAtomic(path.join(this.options.papersDir, file), fetched.body);
      } catch (error) {
        this.fail(url, `could not save as ${file}: ${reasonOf(error)}`);
        return held;
      }
      this.summary.downloaded.push(file);
      this.options.logger?.info('paper_fetched', { url, file, bytes: fetched.body.length });
    }
    this.state.set(url, { file, sha256, ...validators });
    return fetched.body;
  }

  /**
   * A name no other document has: the wanted one, else told apart by the document's id, else by
   * a number. A file already there that we did not write is never overwritten, unless it holds
   * these very bytes (a copy made by hand, or state lost).
   */
  private async chooseName(url: string, wanted: string, id: string | null, sha256: string): Promise<string> {
    const candidates = [wanted, ...(id ? [withSuffix(wanted, id)] : []), ...Array.from({ length: 98 }, (_, i) => withSuffix(wanted, String(i + 2)))];
    for (const name of candidates) {
      const owner = this.state.ownerOf(name);
      if ((owner && owner !== url) || this.claimed.has(name)) continue;
      const there = owner ? null : await readIfExists(path.join(this.options.papersDir, name));
      if (there && hashOf(there) !== sha256) continue;
      this.claimed.add(name);
      return name;
    }
    throw new FetchError(url, `every name like ${wanted} is taken`);
  }

  private plan(url: string, file: string): void {
    this.summary.planned.push({ file, url, held: this.state.get(url) !== undefined });
  }

  /** The service's answer, or null (and the pages from here on) when the site does not answer it. */
  private async service(operation: string, params: Record<string, string>): Promise<string | null> {
    if (this.serviceDown) return null;
    const url = new URL(`mgWebService.asmx/${operation}`, this.base);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    try {
      const fetched = await this.client.get(url.href);
      if (isServiceXml(fetched)) return fetched.body.toString('utf8');
    } catch (error) {
      this.summary.notes.push(`the web service did not answer (${reasonOf(error)}); the public pages were read instead`);
      this.options.logger?.warn('moderngov_service_unavailable', { url: url.href, reason: reasonOf(error) });
    }
    this.serviceDown = true;
    return null;
  }

  private async getOrFail(url: string): Promise<Fetched | undefined> {
    try {
      return await this.client.get(url);
    } catch (error) {
      this.fail(url, reasonOf(error));
      return undefined;
    }
  }

  private async fetchText(url: string): Promise<string | null> {
    const fetched = await this.getOrFail(url);
    return fetched?.status === 200 ? fetched.body.toString('utf8') : null;
  }

  private page(relative: string): string {
    return new URL(relative, this.base).href;
  }

  private fail(url: string, reason: string): void {
    this.summary.failed.push({ url, reason });
    this.options.logger?.warn('paper_fetch_failed', { url, reason });
  }
}

/** The same report reached as documents/s123/… from the page and mgConvert2PDF.aspx?ID=123 from the service. */
function attachmentKey(href: string): string {
  const url = new URL(href);
  const fromPath = url.pathname.match(/\/documents\/s(\d+)\//iu)?.[1];
  if (fromPath) return `s${fromPath}`;
  if (url.pathname.toLowerCase().endsWith('/mgconvert2pdf.aspx')) {
    const id = [...url.searchParams].find(([k]) => k.toLowerCase() === 'id')?.[1];
    if (id) return `s${id}`;
  }
  return url.href;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/&/gu, 'and').replace(/[^a-z0-9]+/gu, ' ').trim();
}

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof FetchError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
