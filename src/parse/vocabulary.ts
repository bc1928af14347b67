import data from '../../data/minutes-vocabulary.json';

/**
 * The council wording the PDF readers look for (data/minutes-vocabulary.json), compiled once.
 * Patterns are case-insensitive unless their key says they are case-sensitive.
 */
const re = (pattern: string, flags = 'iu'): RegExp => new RegExp(pattern, flags);
const any = (patterns: readonly string[], flags = 'iu'): RegExp => re(patterns.map((p) => `(?:${p})`).join('|'), flags);

export const VOCABULARY = {
  minutesHeading: re(data.minutesHeading.pattern),
  committeeEnds: re(data.minutesHeading.committeeEnds),
  councilName: re(data.minutesHeading.councilName, 'u'),
  heldAt: re(data.minutesHeading.heldAt),
  itemLabel: re(data.itemLabel.pattern),
  notCommittee: re(data.minutesHeading.notCommittee),
  attendance: {
    members: any(data.attendance.members),
    officers: any(data.attendance.officers),
    alsoPresent: any(data.attendance.alsoPresent),
    chairMark: re(data.attendance.chairMark),
    viceChairMark: re(data.attendance.viceChairMark),
    officerMark: re(data.attendance.officerMark, 'u'),
    chairedBy: re(data.attendance.chairedBy, 'u'),
    chairedByInitials: re(data.attendance.chairedByInitials, 'u'),
    notNames: re(data.attendance.notNames),
  },
  standingItems: {
    apologies: re(data.standingItems.apologies),
    attendance: re(data.standingItems.attendance),
    declarations: re(data.standingItems.declarations),
    previousMinutes: re(data.standingItems.previousMinutes),
    publicForum: re(data.standingItems.publicForum),
    apologiesSentence: re(data.standingItems.apologiesSentence),
    apologiesLabel: re(data.standingItems.apologiesLabel),
  },
  substitute: re(data.substitute.pattern, 'gu'),
  decision: {
    label: re(data.decision.labelsCaseSensitive, 'u'),
    opener: any(data.decision.openers),
    noted: re(data.decision.noted),
    minutesApproved: re(data.decision.minutesApproved),
    rejected: re(data.decision.rejected),
    subheading: re(data.decision.subheading),
    sentence: any(data.decision.sentences),
  },
  vote: {
    moved: re(data.vote.moved),
    seconded: re(data.vote.seconded, 'u'),
    mover: re(data.vote.mover, 'u'),
    putToVote: re(data.vote.putToVote),
    outcome: re(`\\b(${data.vote.outcomes.join('|')})\\b`, 'u'),
    withdrawn: re(data.vote.withdrawn),
    unanimous: re(data.vote.unanimous),
    for: data.vote.for.map((p) => re(p)),
    against: data.vote.against.map((p) => re(p)),
    abstain: data.vote.abstain.map((p) => re(p)),
    motion: re(data.vote.motion),
  },
  meetingEnd: any(data.meetingEnd),
  nextMeeting: re(data.nextMeeting.pattern),
  nextMeetingLabel: re(data.nextMeeting.label),
  decisionNotice: {
    heading: re(data.decisionNotice.heading),
    determinedAt: re(data.decisionNotice.determinedAt),
    meetingOn: re(data.decisionNotice.meetingOn),
    members: re(data.decisionNotice.members),
    apologies: re(data.decisionNotice.apologies),
    subject: re(data.decisionNotice.subject),
    agendaItem: re(data.decisionNotice.agendaItem),
    declarations: re(data.decisionNotice.declarations),
    decisionTaken: re(data.decisionNotice.decisionTaken),
    field: re(data.decisionNotice.field),
    deadline: re(data.decisionNotice.deadline),
  },
  forwardPlan: {
    marks: any(data.forwardPlan.marks),
    committeeLine: re(data.forwardPlan.committeeLine),
    meetingDateHeader: re(data.forwardPlan.meetingDateHeader),
    itemHeader: re(data.forwardPlan.itemHeader),
    leadHeader: re(data.forwardPlan.leadHeader),
    deciderHeader: re(data.forwardPlan.deciderHeader),
    continuationStarts: re(data.forwardPlan.continuationStarts),
    rowFlags: re(data.forwardPlan.rowFlags),
  },
  agendaSheet: {
    marks: any(data.agendaSheet.marks),
    fields: Object.fromEntries(Object.entries(data.agendaSheet.fields).map(([k, p]) => [k, re(p)])) as Record<keyof typeof data.agendaSheet.fields, RegExp>,
    venueAfterTime: re(data.agendaSheet.venueAfterTime, 'u'),
  },
  reportCover: {
    marks: any(data.reportCover.marks),
    fields: Object.fromEntries(Object.entries(data.reportCover.fields).map(([k, p]) => [k, re(p)])) as Record<keyof typeof data.reportCover.fields, RegExp>,
    purpose: re(data.reportCover.purpose),
    recommendations: re(data.reportCover.recommendations),
  },
  elections: (() => {
    const e = data.elections;
    const office = `(${e.offices.join('|')})`;
    // A name is a run of words; the reader keeps its capitalised words (the regexes are case-blind).
    // Words and runs are bounded, so no line a paper holds makes these patterns backtrack for long.
    const name = "([\\p{L}.'’-]{1,40}(?:\\s+[\\p{L}.'’-]{1,40}){0,5}?)";
    return {
      /** "... be elected Chair[ of the X]": where an election is said; who is read in the words before it. */
      elected: re(`\\b${e.electedVerb}\\s+${office}\\b(\\s+of\\s+(?:the\\s+)?[\\p{L}'’ -]{1,80}?)?(?=\\s+for\\b|\\s+until\\b|\\s*[.,;:(]|\\s*$)`),
      /** The words before it: "[C nominated and D seconded that] A B ", read from the end. */
      electedWho: re(`(?:${name}\\s+${e.proposedBy}\\s*(?:,|and)\\s*${name}\\s+${e.secondedBy}\\s+(?:that\\s+)?)?${name}\\s+$`),
      /** "Chair: A B[ nominated by C and seconded D]" under an election heading. */
      label: re(`^${office}\\s*(?::|–|-)\\s*(.+)$`),
      /** What follows a label's name: "nominated by C and seconded D", or a line "Proposed by C; Seconded by D". */
      proposal: re(`^\\s*(?:,|;|–|-)?\\s*${e.proposedBy}\\s+${name}\\s*(?:,|;)?\\s*(?:and\\s+)?${e.secondedBy}\\s+${name}`),
      proposedAt: re(`\\s+${e.proposedBy}\\b`),
      context: re(e.context),
      contextLines: e.contextLines,
    };
  })(),
} as const;
