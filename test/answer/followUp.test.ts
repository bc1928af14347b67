import { answerQuestion } from '../../src/answer';
import type { Answer, FollowUpContext } from '../../src/model';
import type { PaperIndex } from '../../src/search';
import { councilIndex, sampleIndex } from '../helpers/sampleIndex';

const sample = sampleIndex();
let moderngov: PaperIndex;

beforeAll(async () => {
  moderngov = await councilIndex('kingston');
}, 120_000);

const ask = (index: PaperIndex, text: string, asOf: string, previous?: FollowUpContext): Answer => answerQuestion(index, { text, asOf, previous });

describe('follow-up questions (agenda packs)', () => {
  const asOf = '2023-07-20';

  it('an answer says which meeting and item it was about', () => {
    const first = ask(sample, 'what did the panel resolve on exclusions', asOf);
    expect(first.context).toMatchObject({ meetingDate: '2023-03-15', itemTitle: 'School Exclusion and Suspensions', itemNumber: '11', topic: ['exclusions'] });
  });

  it('"and who introduced it?" is about the previous item, at its meeting', () => {
    const first = ask(sample, 'what did the panel resolve on exclusions', asOf);
    const alone = ask(sample, 'and who introduced it?', asOf);
    const followUp = ask(sample, 'and who introduced it?', asOf, first.context);
    expect(alone.text).not.toContain('Brenda Wile');
    expect(followUp.kind).toBe('who');
    expect(followUp.text).toContain('15 March 2023, item 11 School Exclusion and Suspensions');
    expect(followUp.text).toContain('Brenda Wile');
    // The item carries on to the next question.
    expect(followUp.context).toMatchObject({ meetingDate: '2023-03-15', itemTitle: 'School Exclusion and Suspensions' });
  });

  it('"what was agreed at that meeting then?" after a who question gives the item\'s decision', () => {
    const first = ask(sample, 'who presented the school exclusions report?', asOf);
    const followUp = ask(sample, 'what was agreed at that meeting then?', asOf, first.context);
    expect(followUp.kind).toBe('resolution');
    expect(followUp.text).toContain('On 15 March 2023 (minute 11, School Exclusion and Suspensions) the panel resolved');
  });

  it('"when is it coming back?" looks ahead on the same topic, not at the previous meeting', () => {
    const first = ask(sample, 'what did the panel resolve on exclusions', asOf);
    const followUp = ask(sample, 'when is it coming back?', asOf, first.context);
    expect(followUp.kind).toBe('schedule');
    expect(followUp.text).toContain('31 January 2024');
  });

  it('"and who chaired that meeting?" is the previous answer\'s meeting, not the latest', () => {
    const first = ask(sample, 'what did the panel resolve on exclusions', asOf);
    expect(ask(sample, 'and who chaired that meeting?', asOf, first.context).text).toContain('15 March 2023');
    expect(ask(sample, 'and who chaired that meeting?', asOf).text).not.toContain('15 March 2023');
  });

  it('a question that names its own topic ignores the previous one', () => {
    const first = ask(sample, 'what did the panel resolve on exclusions', asOf);
    const own = ask(sample, 'and what did the panel resolve on the WSOA?', '2022-02-01', first.context);
    const fresh = ask(sample, 'and what did the panel resolve on the WSOA?', '2022-02-01');
    expect(own.text).toBe(fresh.text);
    expect(own.text).not.toContain('School Exclusion');
  });

  it('a question that names its own date ignores the previous meeting', () => {
    const first = ask(sample, 'what did the panel resolve on exclusions', asOf);
    const own = ask(sample, 'who chaired it on 27 july 2023?', asOf, first.context);
    expect(own.text).toBe(ask(sample, 'who chaired it on 27 july 2023?', asOf).text);
  });

  it('a not-found answer leaves nothing to refer back to', () => {
    expect(ask(sample, 'what did the panel resolve about the moon landing', asOf).context).toBeUndefined();
  });
});

describe('follow-up questions (meeting pages)', () => {
  const asOf = '2026-06-30';

  it('"and who brought it?" after a decision names the item\'s presenter line', () => {
    const first = ask(moderngov, 'what was decided about the zebra crossing?', asOf);
    expect(first.context).toMatchObject({ meetingDate: '2026-01-15', itemNumber: '60' });
    const followUp = ask(moderngov, 'and who presented it?', asOf, first.context);
    expect(followUp.kind).toBe('who');
    expect(followUp.text).toContain('Coombe Lane West Zebra Crossing');
    expect(followUp.citations[0]?.meetingDate).toBe('2026-01-15');
  });

  it('"what did they decide there?" after a who question is the item\'s decision', () => {
    const first = ask(moderngov, 'who presented the zebra crossing consultation results?', asOf);
    const followUp = ask(moderngov, 'what did they decide there?', asOf, first.context);
    expect(followUp.kind).toBe('resolution');
    expect(followUp.text).toContain('deferred to the Committee meeting in March 2026');
  });
});

describe('follow-ups that name nothing of their own', () => {
  const asOf = '2023-07-20';
  /** Asks each question in turn, passing each answer's context to the next, as the bot does. */
  const conversation = (questions: readonly string[]): Answer[] => {
    let previous: FollowUpContext | undefined;
    return questions.map((text) => {
      const a = ask(sample, text, asOf, previous);
      previous = a.context ?? previous;
      return a;
    });
  };

  it.each([
    ['who presented?', 'Andrew Wolverson'],
    ['who presented', 'Andrew Wolverson'],
    ['n who presented it', 'Andrew Wolverson'],
    ['what did they agree', 'The panel agreed to note the report'],
    ['what did the panel decide?', 'The panel agreed to note the report'],
    ['outcome?', 'The panel agreed to note the report'],
  ])('after a decision on the Yo! festival: %s', (question, fact) => {
    const [, a] = conversation(['what did the panel resolve on the YO summer festival', question]);
    expect(a!.text).toContain(fact);
    expect(a!.citations[0]?.meetingDate).toBe('2021-10-13');
  });

  it('a decision asked after who presented an item is that item’s decision', () => {
    const [, a] = conversation(['who presented the welfare rights briefing', 'what did the panel decide?']);
    expect(a!.kind).toBe('resolution');
    expect(a!.text).toContain('Welfare Rights Briefing');
  });

  it.each(['and when was that?', 'when was that', 'so when was it?'])('"%s" dates the previous answer\'s meeting', (question) => {
    const [, a] = conversation(['what did the panel resolve on the YO summer festival', question]);
    expect(a!.text).toContain('Wednesday 13 October 2021');
  });

  it('"when was that?" with nothing before it says it cannot tell which meeting', () => {
    expect(ask(sample, 'when was that?', asOf).kind).toBe('not_found');
  });

  it('a question about the panel itself is not taken as a follow-up', () => {
    const [, chair, next] = conversation(['what did the panel resolve on exclusions in march 2023', 'who chairs the panel?', 'when is the next meeting?']);
    expect(chair!.text).toContain('Qaiser Azeem');
    expect(next!.text).toContain('27 July 2023');
  });
});
