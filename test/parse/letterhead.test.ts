import { COUNCIL_LETTERHEAD } from '../../src/parse/lines';

describe('COUNCIL_LETTERHEAD: any council letterhead, never one council', () => {
  it.each([
    'CITY OF NORTHAM COUNCIL\tExample Scrutiny Panel 5 July 2023',
    'CITY OF',
    'ROYAL BOROUGH OF ASHVALE',
    'LONDON BOROUGH OF EASTFIELD',
    'WESTSHIRE COUNTY COUNCIL',
    'EASTFIELD BOROUGH COUNCIL',
    'BRIDGEFORD CITY COUNCIL',
  ])('knows %s', (line) => {
    expect(COUNCIL_LETTERHEAD.test(line)).toBe(true);
  });

  it.each(['City of Northam Council', 'The Council resolved that', 'COUNCILLOR SMITH', 'Minutes of the Cabinet', 'CITY OFFICES'])('is not fooled by %s', (line) => {
    expect(COUNCIL_LETTERHEAD.test(line)).toBe(false);
  });

  it('is removed from a report header, leaving the committee and date', () => {
    expect('CITY OF NORTHAM COUNCIL\tExample Scrutiny Panel 5 July 2023'.replace(COUNCIL_LETTERHEAD, '').trim()).toBe('Example Scrutiny Panel 5 July 2023');
  });
});
