// The worker that reads papers for readPaperFolderAsync (see PaperWorker.ts): one paper a message.
import { readPaper, servePaperJobs } from './PaperWorker';

servePaperJobs(async (job) => ({ result: await readPaper(job) }));
