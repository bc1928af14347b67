import { join } from 'node:path';
import { cited, FIXTURES, KINGSTON, readEditedPage, readPage } from './readPage';

describe('ModernGov committee details (real page)', () => {
  const { doc, parsed } = readPage(join(KINGSTON, 'kingston-nodate-committee-details.html'));
  const committee = parsed.committees[0]!;

  it('reads the committee, its chair and vice-chair from the membership roles', () => {
    expect(parsed.layout).toBe('moderngov_committee_details');
    expect(parsed.committees).toHaveLength(1);
    expect(committee.name).toBe('Kingston and North Kingston Neighbourhood Committee');
    expect(committee.chair).toBe('Olly Wehring');
    expect(committee.viceChair).toBe('Anne Owen');
    expect(committee.members).toHaveLength(15);
    expect(committee.members[2]).toStrictEqual({ name: 'Rowena Bass', role: null });
  });

  it('reads the purpose verbatim and the support officer', () => {
    expect(committee.purpose).toMatch(/^Please note the Planning Sub-Committee for this Committee have been decommissioned/u);
    expect(committee.supportOfficer).toStrictEqual({ name: 'Alice Aubrey', phone: '07521058748', email: 'alice.aubrey@kingston.gov.uk' });
    expect(cited(doc, committee.source)).toContain('- Councillor Olly Wehring (Chair)');
  });
});

describe('ModernGov committee details (fixture)', () => {
  it('reads substitutes and co-opted members by their roles', () => {
    const { parsed } = readPage(join(FIXTURES, 'committee-details.html'));
    const c = parsed.committees[0]!;
    expect(c.chair).toBe('Ravi Chandra');
    expect(c.members).toContainEqual({ name: 'Tom Hale', role: 'Co-opted' });
    expect(c.members).toContainEqual({ name: 'Lee Brook', role: 'Substitute' });
    expect(c.substitutes).toStrictEqual(['Lee Brook']);
    expect(c.purpose).toBe("To scrutinise the council's transport and harbour services.\nTo review decisions of the Cabinet.");
  });
});

describe('ModernGov committee details of a joint body: each member with the body they sit for', () => {
  it('names the member by the linked name, not the body written after the role', () => {
    const committee = readEditedPage(
      'committee-details.html',
      '<li><a href="mgUserInfo.aspx?UID=1">Councillor Ravi Chandra</a>&nbsp; &#40;Chair&#41;&nbsp; </li>',
      '<li><a href="mgUserInfo.aspx?UID=1">Mayor Ravi Chandra</a>&nbsp; &#40;Chair&#41;&nbsp; Northshire Combined Authority</li>',
    ).parsed.committees[0]!;
    expect(committee.chair).toBe('Mayor Ravi Chandra');
    expect(committee.members[0]).toStrictEqual({ name: 'Mayor Ravi Chandra', role: 'Chair' });
  });
});
