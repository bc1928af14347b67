import type { IdentityEvidence } from '../../../model';
import type { IdentityCue } from '../evidence';
import { FILE_NAME_CUE } from './fileName';
import { FRONT_MATTER_CUE } from './frontMatter';
import { HEADING_CUE } from './heading';
import { LABELS_CUE } from './labels';
import { MARKUP_CUE } from './markup';
import { READER_RECORDS_CUE } from './readerRecords';
import { WEB_SERVICE_CUE } from './webService';

/**
 * The cues a file's identity is read from, one module each. Their order here does not decide trust:
 * `CUE_TRUST` does (see its comment).
 */
export const IDENTITY_CUES: readonly IdentityCue[] = [
  HEADING_CUE,
  LABELS_CUE,
  READER_RECORDS_CUE,
  FRONT_MATTER_CUE,
  MARKUP_CUE,
  WEB_SERVICE_CUE,
  FILE_NAME_CUE,
];

/**
 * Which cue wins where cues disagree, most trusted first, and why:
 * - heading: the clerk's own words about this document ("Minutes of the Cabinet held on ...");
 * - front_page: the same document's cover, read through labels or by the layout readers, less directly;
 * - front_matter: a website's metadata about the post (its `date` is often when it was published);
 * - markup: a page title the site generated from its own records;
 * - web_service: data about the meeting, not about a document of it;
 * - file_name: whoever saved the file chose it (a collector, a browser, a fetcher);
 * - folder: inferred from the other files, so it only fills what a file does not say.
 */
export const CUE_TRUST: readonly IdentityEvidence['cue'][] = ['heading', 'front_page', 'front_matter', 'markup', 'web_service', 'file_name', 'folder'];
