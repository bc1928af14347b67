import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOne } from 'domutils';
import { htmlToLines, HtmlTooDeepError, MAX_HTML_DEPTH, readPaperFile, renderHtml, renderXml } from '../../src/ingest';
import { parsePapers } from '../../src/parse';

const FIXTURE = join(__dirname, '..', 'fixtures', 'papers', 'html', 'minutes-moderngov.html');

describe('htmlToLines', () => {
  it('turns a ModernGov minutes page into lines: blocks on their own lines, cells joined by tabs', () => {
    expect(htmlToLines(readFileSync(FIXTURE, 'utf8'))).toStrictEqual([
      'Skip to content',
      '',
      'Children and Young People Scrutiny Panel',
      '',
      'Minutes - 4 October 2023',
      '',
      'Venue: Committee Room 3 - 3rd Floor - Civic Centre',
      '',
      'Attendance',
      '',
      '- Cllr Qaiser Azeem (Chair)',
      '',
      '- Cllr Stephanie Haynes (Vice-Chair)',
      '',
      '1\tApologies',
      '',
      'Apologies were received from Cllr Paul Sweet.',
      '2\tMinutes of the previous meeting',
      '',
      'That the minutes of the meeting held on 27 July 2023 be approved as a correct record.',
      "3\tChildren's Services Budget & Performance",
      '',
      'The panel heard that spending was £1.2m over budget – mainly on placements.',
      '',
      'Resolved:',
      '',
      'That the report be noted.',
      '',
      'Powered by ModernGov',
      '© 2023 City of Wolverhampton Council',
    ]);
  });

  it('leaves out scripts, styles, comments and the head', () => {
    const html = '<head><title>T</title></head><script>var a = "<p>x</p>";</script><style>p {}</style><!-- <p>c</p> --><p>Shown</p>';
    expect(htmlToLines(html)).toStrictEqual(['Shown']);
  });

  it('decodes named and numeric entities and leaves unknown ones as written', () => {
    expect(htmlToLines('<p>&pound;5 &amp; &#8212; &#x2019; &rsquo; &nbsp;x &madeup;</p>')).toStrictEqual(['£5 & — ’ ’ x &madeup;']);
  });

  it('breaks lines at <br> and keeps inline elements inside the line', () => {
    expect(htmlToLines('<div>Cllr <b>Azeem</b> (Chair)<br>Cllr Haynes</div>')).toStrictEqual(['Cllr Azeem (Chair)', 'Cllr Haynes']);
  });

  it('keeps a ">" inside an attribute value out of the text', () => {
    expect(htmlToLines('<a title="a > b" href="/x">Link</a>')).toStrictEqual(['Link']);
  });
});

describe('readPaperFile (HTML)', () => {
  it('reads an HTML page with no page numbers, and the parser finds its minutes', () => {
    const result = readPaperFile(FIXTURE, 'minutes-moderngov.html');
    expect(result.document?.pages).toBeNull();
    const corpus = parsePapers([result.document!]);
    expect(corpus.meetings.map((m) => m.date)).toContain('2023-10-04');
    expect(corpus.minutes[0]?.items.map((i) => [i.number, i.title])).toStrictEqual([
      ['1', 'Apologies'],
      ['2', 'Minutes of the previous meeting'],
      ['3', "Children's Services Budget & Performance"],
    ]);
  });

  it('reads an HTML page that is not UTF-8 as windows-1252, the web default', () => {
    const dir = join(__dirname, '..', 'fixtures', 'papers', 'html');
    const result = readPaperFile(join(dir, 'windows-1252.htm'), 'windows-1252.htm');
    expect(result.document?.lines).toStrictEqual(['Budget £1.2m – agreed']);
  });
});

describe('renderHtml on hostile pages', () => {
  it('renders a page nested as deep as it may be, with the text and its element\'s lines', () => {
    const depth = MAX_HTML_DEPTH - 10;
    const page = renderHtml(`<body>${'<div>'.repeat(depth)}<p id="deep">Deep text</p>${'</div>'.repeat(depth)}</body>`);
    expect(page.lines).toStrictEqual(['Deep text']);
    const deep = findOne((el) => el.attribs['id'] === 'deep', page.document.children);
    expect(deep && page.rangeOf(deep)).toStrictEqual({ first: 0, last: 0 });
  });

  it.each([
    ['100,000 nested divs', `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`],
    ['1.2 MB of unclosed inline tags', `<p>${'<b><i><span>x '.repeat(86_000)}</p>`],
  ])('refuses %s at once, before the parser slows down', (_what, html) => {
    const started = Date.now();
    expect(() => renderHtml(html)).toThrow(HtmlTooDeepError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('renderHtml', () => {
  it('renders list items as "- text" with a blank line between them, as a plain-text copy of the page does', () => {
    expect(htmlToLines('<h2>Meetings</h2><ul><li><a href="x">3 Mar 2026&nbsp;7&#58;30 pm</a></li><li>29 Jan 2026 - Agenda</li></ul>')).toStrictEqual([
      'Meetings',
      '',
      '- 3 Mar 2026 7:30 pm',
      '',
      '- 29 Jan 2026 - Agenda',
    ]);
  });

  it('gives each element the first and last line its text was rendered on', () => {
    const { document, lines, rangeOf } = renderHtml('<h1>Title</h1><div id="a"><p>One</p><p>Two <b id="b">bold</b></p></div><p id="c"> </p>');
    expect(lines).toStrictEqual(['Title', '', 'One', '', 'Two bold']);
    const byId = (id: string) => findOne((el) => el.attribs['id'] === id, document.children)!;
    expect(rangeOf(byId('a'))).toStrictEqual({ first: 2, last: 4 });
    expect(rangeOf(byId('b'))).toStrictEqual({ first: 4, last: 4 });
    expect(rangeOf(byId('c'))).toBeUndefined();
  });

  it('joins a table row\'s cells with tabs, an empty cell adding no second tab', () => {
    expect(htmlToLines('<table><tr><th>Title</th><th>Type</th><th>Text</th><th>Result</th></tr><tr><td>Deferral</td><td>Amendment</td><td> </td><td><img alt="">Carried</td></tr></table>')).toStrictEqual([
      'Title\tType\tText\tResult',
      'Deferral\tAmendment\tCarried',
    ]);
  });
});

describe('xmlToLines (ModernGov web-service answers)', () => {
  it('renders one element a line, children indented, attributes named, escaped HTML as its words', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>\n<meeting>\n  <meetingdate>10/02/2026</meetingdate>\n  <meetingroom>\n  </meetingroom>\n' +
      '  <agendaitems><agendaitem><agendatext>&lt;p&gt;To approve the &lt;b&gt;minutes&lt;/b&gt;.&lt;/p&gt;</agendatext></agendaitem></agendaitems>\n' +
      '  <attendees><attendee name="Councillor A Member" attendance="Present"/></attendees>\n</meeting>';
    expect(renderXml(xml).lines).toStrictEqual([
      'meeting:',
      '  meetingdate: 10/02/2026',
      '  meetingroom:',
      '  agendaitems:',
      '    agendaitem:',
      '      agendatext: To approve the minutes.',
      '  attendees:',
      '    attendee:',
      '      attendee[@name]: Councillor A Member',
      '      attendee[@attendance]: Present',
    ]);
  });
});
