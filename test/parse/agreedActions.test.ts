import path from 'node:path';
import { agreedActions } from '../../src/parse/agreedActions';
import type { MinuteItem } from '../../src/model';
import { loadPaperIndex, type PaperIndex } from '../../src/search';
import { sampleIndex } from '../helpers/sampleIndex';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'papers', 'people');
const item = (index: PaperIndex, date: string, number: string): MinuteItem => index.corpus.minutes.flatMap((m) => m.items).find((i) => i.meetingDate === date && i.number === number)!;
const actionsOf = (index: PaperIndex, i: MinuteItem) => agreedActions(index.lines(i.source.file)!, i);

describe('agreedActions', () => {
  it('finds what officers agreed in the discussion and in the decision, with who agreed, verbatim', () => {
    const index = sampleIndex();
    const found = actionsOf(index, item(index, '2023-03-15', '11'));
    expect(found.map((a) => a.who)).toEqual(expect.arrayContaining(['The Inclusion and Attendance Service Manager', 'The Deputy Director of Education', 'The panel']));
    const findings = found.find((a) => a.who === 'The Inclusion and Attendance Service Manager')!;
    expect(findings).toMatchObject({ text: 'The Inclusion and Attendance Service Manager agreed to present the findings to a future meeting of the panel.', returns: true, when: 'future meeting' });
    for (const a of found) expect(index.lines(a.source.file)!.at(a.source.lineStart - 1)).toContain(a.text);
  });

  it('is a record of each minute item, read when the paper is parsed, as from the item\'s lines', () => {
    const index = sampleIndex();
    const items = index.corpus.minutes.flatMap((m) => m.items);
    expect(items.some((i) => (i.actions ?? []).length > 0)).toBe(true);
    for (const i of items) expect(i.actions ?? []).toStrictEqual(actionsOf(index, i));
  });

  it('leaves out decisions to note and services offered', () => {
    const index = sampleIndex();
    expect(actionsOf(index, item(index, '2021-01-13', '7'))).toStrictEqual([]);
  });

  it('reads one sentence of a line that holds two', () => {
    const index = loadPaperIndex(FIXTURE).index;
    const found = actionsOf(index, index.corpus.minutes[0]!.items.find((i) => i.title === 'Social Work Practice Report')!);
    expect(found.map((a) => a.text)).toStrictEqual(['The Principal Social Worker agreed to bring the caseload figures to a future meeting.']);
  });
});
