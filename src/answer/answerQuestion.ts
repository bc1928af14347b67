import type { Answer, Question } from '../model';
import type { PaperIndex } from '../search';

/** Answers one question from the index. Pure: no I/O, no clock (the question carries its day). */
export function answerQuestion(index: PaperIndex, question: Question): Answer {
  const hits = index.searchPassages(question.text, 1);
  const top = hits[0];
  if (!top) {
    return { kind: 'not_found', text: 'The papers do not answer that.', citations: [], followUps: [] };
  }
  return {
    kind: 'fact',
    text: `${top.passage.text.slice(0, 200)} [1]`,
    citations: [
      {
        file: top.passage.source.file,
        lineStart: top.passage.source.lineStart,
        lineEnd: top.passage.source.lineEnd,
        page: top.passage.source.page,
        title: top.passage.title,
        meetingDate: top.passage.meetingDate,
        quote: top.passage.text.slice(0, 200),
      },
    ],
    followUps: [],
  };
}
