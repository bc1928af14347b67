import { formatSummary, parseFetchPapersArgs } from '../../src/cli/fetchPapers';

describe('npm run fetch-papers arguments', () => {
  it('reads the window, repeated committees, the site and the folder', () => {
    expect(parseFetchPapersArgs(['--since', '2024-01-01', '--until', '2024-12-31', '--committee', '711', '--committee', 'Planning Committee', '--url', 'https://moderngov.example.gov.uk', '--dir', 'papers', '--rate', '0.5'])).toEqual({
      args: { since: '2024-01-01', until: '2024-12-31', committees: ['711', 'Planning Committee'], url: 'https://moderngov.example.gov.uk', dir: 'papers', rate: 0.5, dryRun: false, listCommittees: false },
    });
  });

  it('refuses what it does not understand, saying what', () => {
    expect(parseFetchPapersArgs(['--since', '2024-01-01', '--from', '2024-01-01'])).toEqual({ error: 'unknown option --from' });
    expect(parseFetchPapersArgs(['--until', '2024-01-01'])).toEqual({ error: '--since YYYY-MM-DD is required' });
    expect(parseFetchPapersArgs(['--since', '01/01/2024'])).toEqual({ error: '--since must be a date written YYYY-MM-DD, not 01/01/2024' });
    expect(parseFetchPapersArgs(['--since', '2024-02-01', '--until', '2024-01-01'])).toEqual({ error: '--until 2024-01-01 is before --since 2024-02-01' });
    expect(parseFetchPapersArgs(['--since', '2024-01-01', '--committee'])).toEqual({ error: '--committee needs a value' });
    expect(parseFetchPapersArgs(['--since', '2024-01-01', '--rate', '0'])).toEqual({ error: '--rate must be a number above 0 and at most 20, not 0' });
    expect(parseFetchPapersArgs(['--since', '2024-01-01', '--url', 'moderngov.example.gov.uk'])).toEqual({ error: '--url must be an http(s) address, not moderngov.example.gov.uk' });
    expect(parseFetchPapersArgs(['--since', '2024-01-01', '--help'])).toEqual({ help: true });
  });

  it('ends with a summary: downloaded, unchanged, failed with reasons', () => {
    const text = formatSummary({
      committees: [{ id: '711', title: 'Neighbourhood Committee' }],
      meetings: [{ committee: 'Neighbourhood Committee', id: '1', date: '2026-01-15', time: '19:30', status: 'held', documents: 2 }],
      downloaded: ['a.pdf'],
      unchanged: ['b.html', 'c.pdf'],
      failed: [{ url: 'https://moderngov.example.gov.uk/documents/s1/x.pdf', reason: 'HTTP 404 Not Found' }],
      skipped: [],
      notes: [],
      refused: null,
      planned: [],
      requests: 5,
    });
    expect(text).toBe(
      [
        'Committees: Neighbourhood Committee (711)',
        'Meetings: 1',
        '  2026-01-15 19:30 Neighbourhood Committee: held, 2 document(s)',
        'Downloaded: 1',
        '  a.pdf',
        'Unchanged: 2',
        'Failed: 1',
        '  https://moderngov.example.gov.uk/documents/s1/x.pdf: HTTP 404 Not Found',
        'Requests: 5',
        '',
      ].join('\n'),
    );
  });
});
