import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answer';
import { loadPaperIndexAsync, type PaperIndex } from '../../src/search';

/*
 * A parish council's minutes whose items are often one line under their heading, beside its agenda,
 * whose items say what will be done ("To receive ..."). Every council, place and person is invented.
 */
let index: PaperIndex;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'short-minutes-'));
  writeFileSync(
    join(dir, 'minutes.txt'),
    [
      'MINUTES OF THE MEETING OF EASTFIELD PARISH COUNCIL',
      'HELD IN THE VILLAGE HALL ON 4th March 2025',
      '',
      'Present: Cllr Ann Lowe (Chair), Cllr Ben Hart, Cllr Dee Fox',
      '',
      '03.25.01\tApologies for absence',
      'Apologies had been received from Cllr Cara Ingle.',
      '',
      '03.25.02\tFootbridge',
      'The problem has now been resolved.',
      '',
      '03.25.03\tGrass cutting',
      'The contract was renewed for a further year and the contractor thanked for the work done in the churchyard.',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'agenda.txt'),
    ['EASTFIELD PARISH COUNCIL', 'Agenda for the meeting to be held on 1st April 2025 at 7.30pm in the Village Hall', '', '1. Apologies for absence', 'To receive apologies for absence from Members.', '', '2. Footbridge', 'To receive an update.', ''].join('\n'),
  );
  index = (await loadPaperIndexAsync(dir)).index;
}, 60_000);

describe('a minute of one short sentence under its heading', () => {
  it('is the answer, not "not in the papers"', () => {
    const answer = answerQuestion(index, { text: 'what happened with the footbridge?', asOf: '2025-04-20' });
    expect(answer.kind).not.toBe('not_found');
    expect(answer.text).toContain('The problem has now been resolved.');
  });

  it('is not an agenda\'s standing wording: apologies come from the minutes', () => {
    const answer = answerQuestion(index, { text: 'who sent apologies in march?', asOf: '2025-04-20' });
    expect(answer.text).toContain('Cara Ingle');
    expect(answer.text).not.toContain('To receive apologies');
  });
});
