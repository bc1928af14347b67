import { passagesOn } from '../../src/answer/answerLookups';
import { inRef, type DateRef } from '../../src/answer/dateRefs';
import { sampleIndex } from '../helpers/sampleIndex';

const index = sampleIndex();
const ids = (ps: readonly { id: number }[]): number[] => ps.map((p) => p.id).sort((a, b) => a - b);

describe('passagesOn', () => {
  it('finds the passages whose meeting date is in any of the dates, as testing every passage does', () => {
    const dated = index.passages.filter((p) => p.meetingDate !== null);
    const day = dated[0]!.meetingDate!;
    const month: DateRef = { from: `${day.slice(0, 7)}-01`, to: `${day.slice(0, 7)}-31`, label: 'month', exactDay: false };
    const refs: DateRef[][] = [
      [{ from: day, to: day, label: day, exactDay: true }],
      [month],
      [month, { from: '2021-01-01', to: '2021-12-31', label: '2021', exactDay: false, yearOnly: true }],
      [{ from: '1990-01-01', to: '1990-12-31', label: '1990', exactDay: false }],
    ];
    for (const dates of refs) {
      const expected = ids(index.passages.filter((p) => dates.some((d) => inRef(p.meetingDate, d))));
      expect(ids(passagesOn(index, dates))).toStrictEqual(expected);
    }
    expect(passagesOn(index, refs[1]!).length).toBeGreaterThan(0);
  });
});
