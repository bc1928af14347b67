import { committeeKey } from '../../src/parse/committees';

describe('committeeKey', () => {
  it('reads "&" as "and" and ignores filler words', () => {
    expect(committeeKey('Transport & Connectivity Policy Committee')).toBe(committeeKey('Transport and Connectivity Committee'));
    expect(committeeKey('The Parks Committee')).toBe(committeeKey('Parks Committee'));
  });
  it('keeps different committees apart', () => {
    expect(committeeKey('Transport Committee')).not.toBe(committeeKey('Transport Board'));
  });
});
