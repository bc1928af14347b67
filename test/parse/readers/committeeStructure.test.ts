import { join } from 'node:path';
import { cited, FIXTURES, KINGSTON, readPage } from './readPage';

describe('ModernGov committee structure', () => {
  it("lists the council's committees, each citing its line, with no members", () => {
    const { doc, parsed } = readPage(join(KINGSTON, 'kingston-nodate-committee-structure.html'));
    expect(parsed.layout).toBe('moderngov_committee_structure');
    const names = parsed.committees.map((c) => c.name);
    expect(names).toContain('Kingston and North Kingston Neighbourhood Committee');
    expect(names).toContain('Joint Appointments Committee (Kingston & Richmond)');
    expect(names).toContain('Standing Advisory Council on Religious Education');
    expect(names).toHaveLength(30);
    expect(parsed.committees.every((c) => c.members.length === 0 && c.chair === null)).toBe(true);
    const planning = parsed.committees.find((c) => c.name === 'Planning Committee')!;
    expect(cited(doc, planning.source)).toBe('- Planning Committee');
  });

  it('reads a small structure page', () => {
    const { parsed } = readPage(join(FIXTURES, 'committee-structure.html'));
    expect(parsed.committees.map((c) => c.name)).toStrictEqual(['Council', 'Harbourside Scrutiny Committee', 'Health & Care Scrutiny Panel']);
    expect(parsed.papers.map((p) => p.kind)).toStrictEqual(['committee_list']);
  });
});
