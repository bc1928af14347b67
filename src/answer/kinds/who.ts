import { answerWho } from '../passageAnswers';
import { answerPersonRecord } from '../people';
import { orNext, type QuestionKind, readAs } from './kind';

/**
 * "Who presented the health check?", "who is the cabinet member?": a person from the records. A question
 * naming a person ("what is Cllr X's role?", "which ward?") is answered from that person's own record first.
 */
export const who: QuestionKind = {
  name: 'who',
  hears: readAs('who'),
  answer: (index, r, next) => (r.detail === null || r.detail === 'person' ? answerPersonRecord(index, r) : null) ?? orNext(answerWho(index, r), next),
  answersSeveralDetails: true,
};
