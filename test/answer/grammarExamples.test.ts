import { readQuestion } from '../../src/answer';
import { KIND_RULES } from '../../src/answer/questionGrammar';
import { KIND_NAMES } from '../../src/answer/kinds';

/**
 * The grammar's example questions are its spec: each rule's examples read as that rule's kind and
 * detail, by that rule (an earlier rule taking them would make the rule dead for them).
 */
describe('question-grammar.json examples', () => {
  it('gives every rule at least one example', () => {
    expect(KIND_RULES.map((r, i) => (r.examples.length > 0 ? null : `rule ${i} (${r.kind})`)).filter(Boolean)).toEqual([]);
  });

  it('reads every example as its rule\'s kind and detail, by that rule', () => {
    const wrong: string[] = [];
    KIND_RULES.forEach((rule, i) => {
      for (const example of rule.examples) {
        const r = readQuestion(example, '2023-07-20', []);
        const first = r.candidates[0];
        if (r.kind !== rule.kind || r.detail !== rule.detail || first?.rule !== i) wrong.push(`"${example}": rule ${i} ${rule.kind}/${rule.detail ?? '-'}, read ${r.kind}/${r.detail ?? '-'} by rule ${first?.rule ?? 'none'}`);
      }
    });
    expect(wrong).toEqual([]);
  });

  it('names only kinds that have a module', () => {
    expect(KIND_RULES.map((r) => r.kind).filter((k) => !KIND_NAMES.includes(k))).toEqual([]);
  });
});
