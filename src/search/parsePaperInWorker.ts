// The worker that reads and parses papers for loadPaperIndexAsync (see src/ingest/PaperWorker.ts):
// the parser's records come back with the paper, so no paper's parsing runs on the bot's main thread.
import { readPaper, servePaperJobs } from '../ingest';
import { parsePaperFile, type ParsedFile } from '../parse';

servePaperJobs<ParsedFile>(async (job) => {
  const result = await readPaper(job);
  return result.document ? { result, extra: parsePaperFile(result.document) } : { result };
});
