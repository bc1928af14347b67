import { answerQuestion } from '../../src/answer';
import { namedCommittee, withCommitteeAsPanel } from '../../src/answer/read/committeeAsked';
import type { Answer } from '../../src/model';
import { loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { councilPapers, sampleIndex } from '../helpers/sampleIndex';

const flat = (s: string): string => s.replace(/\s+/gu, ' ');

let moderngov: PaperIndex;
let printed: PaperIndex;
const sample = sampleIndex();

beforeAll(async () => {
  moderngov = (await loadPaperIndexAsync(councilPapers('kingston'))).index;
  printed = (await loadPaperIndexAsync(councilPapers('bristol'))).index;
}, 120_000);

const ask = (index: PaperIndex, text: string, asOf = '2026-06-30'): Answer => answerQuestion(index, { text, asOf });

/** Every quote is in the lines it cites, and every [n] marker points at a citation. */
function expectFaithful(index: PaperIndex, answer: Answer): void {
  for (const c of answer.citations) {
    const cited = flat((index.lines(c.file) ?? []).slice(c.lineStart - 1, c.lineEnd).join(' '));
    for (const fragment of c.quote.split('…').map((f) => flat(f).trim()).filter((f) => f.length > 0)) expect(cited).toContain(fragment);
  }
  for (const m of answer.text.matchAll(/\[(\d+)\]/gu)) expect(Number(m[1])).toBeLessThanOrEqual(answer.citations.length);
}

describe('the committee a question names', () => {
  it('is found by its distinctive words, and a structure page of bodies without meetings does not outrank the one with them', () => {
    expect(namedCommittee(moderngov, 'who is in charge of the neighbourhood committee')).toBe('Kingston and North Kingston Neighbourhood Committee');
    expect(namedCommittee(moderngov, 'when does the licensing committee sit')).toBe('Licensing Committee');
    expect(namedCommittee(printed, 'agenda for the transport committee')).toBe('Transport and Connectivity Policy Committee');
  });

  it('is not named by a topic word or a glue word alone', () => {
    expect(namedCommittee(moderngov, 'how do pupils travel to school')).toBeNull();
    expect(namedCommittee(moderngov, 'the day before, when was the committee due to sit')).toBeNull();
  });

  it('is read by the question grammar as "the panel"', () => {
    const q = 'Where did the South of the Borough Neighbourhood Committee meet?';
    expect(withCommitteeAsPanel(moderngov, q, namedCommittee(moderngov, q))).toBe('Where did the panel meet?');
    const adjective = 'When was the last Transport committee meeting?';
    expect(withCommitteeAsPanel(printed, adjective, namedCommittee(printed, adjective))).toBe('When was the last meeting?');
  });

  it('is named in the answer, not called "the panel"', () => {
    const a = ask(printed, 'when will the transport committee next meet?', '2026-04-02');
    expect(a.kind).toBe('next_meeting');
    expect(a.text).toContain('The next meeting of the Transport and Connectivity Policy Committee is on Thursday 14 May 2026');
  });

  it('with no meetings in the papers says so rather than answering for the main committee', () => {
    const a = ask(moderngov, 'who is the chair of the licensing committee?');
    expect(a.kind).toBe('not_found');
    expect(a.text).toContain('Licensing Committee');
  });
});

describe('meeting status', () => {
  it('"last met" skips a cancelled meeting, says it was cancelled, and quotes both list lines', () => {
    const a = ask(moderngov, 'as things stood, when did the neighbourhood committee last meet?', '2026-01-08');
    expect(a.kind).toBe('last_meeting');
    expect(a.text).toContain('last met on Tuesday 18 November 2025 at 7:30 pm [1]');
    expect(a.text).toContain('The 4 December 2025 meeting was cancelled [2]');
    expect(a.text).toContain('- 4 Dec 2025 7:30 pm - CANCELLED');
    expect(a.citations[0]).toMatchObject({ file: 'kingston-nodate-meetings-list.html', quote: '- 18 Nov 2025 7:30 pm - Agenda, Decisions, Minutes' });
    expectFaithful(moderngov, a);
  });

  it('"next meeting" skips a cancelled one but says so', () => {
    const a = ask(moderngov, 'when is the next neighbourhood committee meeting?', '2025-11-20');
    expect(a.text).toContain('is on Thursday 15 January 2026 at 7:30 pm');
    expect(a.text).toContain('The 4 December 2025 meeting was cancelled');
    expectFaithful(moderngov, a);
  });

  it('a meetings list for a year shows each meeting with its list line and status, the list lines cited first', () => {
    const a = ask(moderngov, 'what meetings did the neighbourhood committee have in 2025?');
    expect(a.kind).toBe('meeting_list');
    expect(a.text).toContain('- 4 Dec 2025 7:30 pm - CANCELLED (cancelled)');
    expect(a.text).toContain('- 18 Jun 2025 7:00 pm - Agenda, Decisions, Minutes (held)');
    expect(a.text).not.toContain('2026');
    expect(a.citations[0]!.quote).toContain('- 14 Jan 2025 7:30 pm - Agenda, Decisions, Minutes');
    expectFaithful(moderngov, a);
  });

  it('a month whose only meeting was cancelled is answered "none went ahead", the list line quoted with the next that went ahead', () => {
    const a = ask(moderngov, 'did the committee meet at all in december 2025?');
    expect(a.kind).toBe('meeting_list');
    expect(a.text).toContain('No meeting of the Kingston and North Kingston Neighbourhood Committee in December 2025 went ahead.');
    expect(a.text).toMatch(/The next meeting listed: \w+ 15 January 2026/u);
    expect(a.citations[0]!.quote).toBe('- 15 Jan 2026 7:30 pm - Agenda, Decisions, Minutes\n- 4 Dec 2025 7:30 pm - CANCELLED');
  });

  it('the last meeting of printed minutes is cited by their own date line', () => {
    const a = ask(printed, 'when was the most recent transport committee meeting?', '2026-05-01');
    expect(a.kind).toBe('last_meeting');
    expect(a.text).toContain('last met on Thursday 19 March 2026 at 5.00 pm [1]');
    expect(a.citations[0]).toMatchObject({ file: 'bristol-2026-03-19-minutes.pdf', quote: '19 March 2026 at 5.00 pm' });
  });
});

describe('time and venue', () => {
  it("quotes a meeting page's heading and venue lines", () => {
    const a = ask(moderngov, 'where was the neighbourhood committee held in jan 2026, and what time?');
    expect(a.kind).toBe('meeting_info');
    expect(a.text).toContain('- Kingston and North Kingston Neighbourhood Committee - Thursday 15 January 2026 7:30 pm');
    expect(a.text).toContain('- Venue: Guildhall, Kingston upon Thames');
    expectFaithful(moderngov, a);
  });
});

describe('the chair', () => {
  it("quotes a committee page's membership lines", () => {
    const a = ask(moderngov, 'who is the chair and vice chair of the neighbourhood committee?');
    expect(a.text).toContain('- Councillor Olly Wehring (Chair)\n- Councillor Anne Owen (Vice-Chair)');
    expect(a.citations[0]!.file).toBe('kingston-nodate-committee-details.html');
    expectFaithful(moderngov, a);
  });

  it("without a committee page, quotes the latest minutes' attendance line marking the chair", () => {
    const a = ask(printed, "who's chairing the city council's transport committee these days?");
    expect(a.kind).toBe('meeting_info');
    expect(a.text).toContain('Ed Plowden (Chair), Graham Morris (Vice-Chair)');
    expect(a.citations[0]!.file).toBe('bristol-2026-03-19-minutes.pdf');
    expectFaithful(printed, a);
  });
});

describe('attendance and apologies', () => {
  it('quotes the attendance lines as printed, with the apologies when asked', () => {
    const a = ask(printed, 'who attended the transport committee on 19 March 2026 - any apologies sent?');
    expect(flat(a.text)).toContain('Emma Edwards, Tom Renhard, Tim Rippington, Kaz Self and David Wilcox');
    expect(a.text).toContain('There were no apologies');
    expectFaithful(printed, a);
  });

  it('reads apologies and substitutes from the printed minutes, not the decision notice of the same day', () => {
    const a = ask(printed, 'apologies and substitutions at the transport committee, 23/10/2025?');
    expect(a.text).toContain('There were apologies from Councillor Morris. Councillor Hucker attended as substitute.');
    expect(a.citations[0]!.file).toBe('bristol-2025-10-23-minutes.pdf');
  });
});

describe('membership', () => {
  it("quotes a committee page's membership list", () => {
    const a = ask(moderngov, 'who sits on the neighbourhood committee?');
    expect(a.kind).toBe('meeting_info');
    expect(a.text).toContain('- Councillor Rowena Bass');
    expect(a.citations[0]!.file).toBe('kingston-nodate-committee-details.html');
    expectFaithful(moderngov, a);
  });
});

describe('plans', () => {
  it("lists a next meeting's expected items from the newest forward plan, each row line quoted", () => {
    const a = ask(printed, 'next transport committee: when, and what is coming to it?', '2026-04-02');
    expect(a.kind).toBe('next_meeting');
    expect(flat(a.text)).toContain('Kerbside and Parking Strategy 14 May 2026');
    expect(flat(a.text)).toContain('Cribbs Patchway New Neighbourhood Funding');
    expect(a.citations.every((c) => c.file !== 'bristol-2026-01-21-forward-plan.pdf')).toBe(true);
    expectFaithful(printed, a);
  });

  it("lists the meeting dates of the forward plan the question dates by its publication", () => {
    const a = ask(printed, 'what meeting dates does the January 2026 forward plan give for the transport committee?');
    expect(a.kind).toBe('meeting_list');
    expect(a.text).toContain('published 20 January 2026');
    expect(a.text).toContain('5 Feb 2026');
    expectFaithful(printed, a);
  });
});

describe('when a meeting ended', () => {
  it("quotes the minutes' closing line when asked", () => {
    const a = ask(printed, 'when did the transport committee last meet and what time did it finish?', '2026-04-02');
    // Two questions, both answered: when it last met, then the closing line of that meeting's minutes.
    expect(a.text).toMatch(/last met on Thursday 19 March 2026/u);
    const ended = a.citations.findIndex((c) => c.quote === 'Meeting ended at 7.30 pm');
    expect(ended).toBeGreaterThan(0);
    expect(a.text).toContain(`The minutes close: "Meeting ended at 7.30 pm" [${ended + 1}]`);
  });
});

describe('the sample panel', () => {
  it('a meetings list keeps the note where papers disagree about a meeting', () => {
    const a = answerQuestion(sample, { text: 'which meetings did the panel have in february 2023?', asOf: '2023-07-20' });
    expect(a.kind).toBe('meeting_list');
    expect(a.text).toContain('Note that the papers disagree: Minute 6 of 15 March 2023');
  });

  it('a question naming the panel by shorthand still answers for the main committee', () => {
    const a = answerQuestion(sample, { text: 'when is the next scrutiny panel mtg?', asOf: '2023-07-20' });
    expect(a.kind).toBe('next_meeting');
    expect(a.text).toContain('Children and Young People Scrutiny Panel');
  });
});
