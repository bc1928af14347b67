import { readPaperFolder } from '../../src/ingest';
import { parsePaperFile, parsePapers } from '../../src/parse';
import { combineParsedFiles } from '../../src/search/snapshotCorpus';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';

describe('combineParsedFiles', () => {
  it('makes exactly the corpus parsePapers makes (guards the copied meeting merge)', () => {
    const folder = readPaperFolder(SAMPLE_PAPERS_DIR);
    expect(combineParsedFiles(folder.documents, folder.documents.map(parsePaperFile), folder.issues)).toStrictEqual(parsePapers(folder.documents, folder.issues));
  });
});
