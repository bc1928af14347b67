/**
 * Questions the benchmark asks, in the way councillors and officers type them (short, abbreviated),
 * grouped by the kind of answer they want. Each is asked on several days, so "next meeting" and
 * recency-weighted facts are answered as of different dates and no two asks are the same work.
 */
export interface BenchQuestion {
  readonly kind: string;
  readonly text: string;
  readonly asOf: string;
}

const BY_KIND: Readonly<Record<string, readonly string[]>> = {
  resolution: [
    'what did the panel resolve on the social work health check',
    'what was agreed on school exclusions in march',
    'did the panel sign off the WSOA monitoring arrangements?',
    'what happened with the youth offending report',
  ],
  next_meeting: ['next panel meeting?', 'when is the next scrutiny panel mtg', 'when does the panel meet next and where'],
  last_meeting: ['when did the panel last meet and what was it on?', 'last meeting of the panel?'],
  schedule: ['when is the SEND update coming to panel?', 'when will the MASH evaluation come to scrutiny?', 'is the exclusions report on the work programme'],
  meeting_info: ['who chairs the panel', 'apologies at the march meeting?', 'quorum for the panel?', 'who is on the panel this year'],
  agenda: ['whats on the agenda for the july meeting', 'agenda for the next meeting?', 'can the residential review decision be called in?'],
  fact: [
    '% of schools good or outstanding?',
    'how many permanent exclusions in 2020-21',
    'how much did we get for headstart phase 3',
    'NEET rate in the service plan?',
    'how many children in care at end of march',
    'referral rate at end of september?',
  ],
  who: ['who presented the exclusions report', 'scrutiny officer contact details?', 'who is the accountable officer for the virtual school report'],
  timeline: ['when has the panel looked at school exclusions? list the meetings', 'how often has the social work health check come to panel'],
  meeting_list: ['which meetings have agenda packs in the papers?'],
  unanswerable: ['how many kids were in IFA placements in dec 2016?', 'how much will the new childrens homes cost to run?', 'what is the parking budget for the civic centre'],
};

/** The days the questions are asked on: spread over the sample papers' years. */
const AS_OF = ['2023-08-01', '2022-02-03', '2021-01-06', '2019-06-01'];

export function benchQuestions(): BenchQuestion[] {
  return AS_OF.flatMap((asOf) => Object.entries(BY_KIND).flatMap(([kind, texts]) => texts.map((text) => ({ kind, text, asOf }))));
}

/** How people start and end a question in chat: combined, they turn each bench question into many. */
const OPENINGS = ['', 'please tell me ', 'quick question: ', 'can you tell me ', 'do you know ', 'i need to know ', 'could you check ', 'any idea '];
const ENDINGS = ['', ' please', ' for my briefing', ' thx', ' for the report', ' asap', ' for cllr questions', ' if you can'];

/**
 * `n` questions, none the same text as another: each bench question in turn, worded afresh with an
 * opening and an ending, so a cache keyed on the words (the bot's answer cache, the index's query cache,
 * the spelling memory) never sees a question twice, as with a councillor's research questions. Past
 * the wordings there are (33 x 64), a number asked keeps the text new.
 */
export function freshQuestions(n: number): BenchQuestion[] {
  const base = Object.entries(BY_KIND).flatMap(([kind, texts]) => texts.map((text) => ({ kind, text })));
  const wordings = OPENINGS.length * ENDINGS.length;
  return Array.from({ length: n }, (_, k) => {
    const { kind, text } = base[k % base.length]!;
    const w = Math.floor(k / base.length);
    const round = Math.floor(w / wordings);
    return { kind, asOf: AS_OF[0]!, text: `${OPENINGS[w % OPENINGS.length]}${text}${ENDINGS[Math.floor(w / OPENINGS.length) % ENDINGS.length]}${round > 0 ? ` (ask ${round + 1})` : ''}` };
  });
}
