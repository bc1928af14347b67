import type { Answer, Citation } from '../../model';

/**
 * One answer to a question of several parts: the parts' texts in order, their citations in one
 * list (the same lines cited once) with each part's [n] markers renumbered to match.
 */
export function combineAnswers(answers: readonly Answer[]): Answer {
  const citations: Citation[] = [];
  const numbers = new Map<string, number>();
  const texts = answers.map((a) => {
    const renumber = a.citations.map((c) => {
      const key = `${c.file}\u0000${c.lineStart}\u0000${c.lineEnd}`;
      let n = numbers.get(key);
      if (n === undefined) {
        citations.push(c);
        n = citations.length;
        numbers.set(key, n);
      }
      return n;
    });
    // Only markers this part made: a number beyond its citations is text quoted from a paper.
    return a.text.replace(/\[(\d+)\]/gu, (marker, d: string) => {
      const n = renumber[Number(d) - 1];
      return n === undefined ? marker : `[${n}]`;
    });
  });
  const found = answers.filter((a) => a.kind !== 'not_found');
  const lead = found[0] ?? answers[0]!;
  const last = answers.at(-1)!;
  const meeting = found.find((a) => a.meeting)?.meeting;
  const agendaItems = found.flatMap((a) => a.agendaItems ?? []);
  const resolutions = found.flatMap((a) => a.resolutions ?? []);
  const context = last.context ?? lead.context;
  return {
    kind: lead.kind,
    text: texts.join('\n\n'),
    citations,
    ...(meeting ? { meeting } : {}),
    ...(agendaItems.length > 0 ? { agendaItems } : {}),
    ...(resolutions.length > 0 ? { resolutions } : {}),
    followUps: [...new Set(found.flatMap((a) => a.followUps))],
    ...(context ? { context } : {}),
  };
}
