// The tab: calendar, decision register and search, drawn from /tab/api/*. Plain JavaScript, no build
// step. Outside Teams it works from a signed link (its exp and sig are passed on) or, in local mode, as is;
// inside Teams it asks Teams for an SSO token and sends it as a bearer token.

const params = new URLSearchParams(location.search);
const signed = params.has('sig') ? { exp: params.get('exp') ?? '', sig: params.get('sig') ?? '' } : null;
let bearer = null;

/** Inside Teams: its SSO token for this app. Outside (no host answers in time): none. */
async function teamsToken() {
  const teams = window.microsoftTeams;
  if (!teams || window.parent === window) return null;
  try {
    await Promise.race([teams.app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('not in Teams')), 3000))]);
    return await teams.authentication.getAuthToken();
  } catch {
    return null;
  }
}

async function getJson(path, query = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries({ ...query, ...(signed ?? {}) })) if (v !== undefined && v !== '') url.searchParams.set(k, v);
  const response = await fetch(url, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  if (response.status === 401) {
    const problem = document.getElementById('auth-problem');
    problem.textContent = 'Open this tab in Teams, or from a link the Panel Papers bot sent you, to see the papers.';
    problem.hidden = false;
    throw new Error('unauthorized');
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** Builds an element: el('a', { href }, 'text', child...). Text is always text, never HTML. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? '' : String(v));
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

const longDate = (iso) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const paperLink = (href, text) => (href ? el('a', { href, target: '_blank', rel: 'noopener' }, text) : el('span', {}, text));

// ---- tabs (WAI-ARIA tabs: arrow keys, Home and End move between them) ----
const tabs = [...document.querySelectorAll('[role="tab"]')];
function select(tab, focus = true) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (focus) tab.focus();
  history.replaceState(null, '', `${location.pathname}${location.search}#${tab.id.replace('tab-', '')}`);
}
for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab));
  tab.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(tabs[(to + tabs.length) % tabs.length]);
  });
}
const initial = tabs.find((t) => t.id === `tab-${location.hash.slice(1)}`);
if (initial) select(initial, false);

// ---- calendar ----
function meetingItem(meeting) {
  const when = [longDate(meeting.date), meeting.time].filter(Boolean).join(', ');
  const papers = meeting.papers.length
    ? el('ul', { class: 'papers' }, ...meeting.papers.map((p) => el('li', {}, paperLink(p.href, p.title))))
    : el('p', { class: 'muted' }, 'No papers published yet.');
  return el('li', { class: `meeting ${meeting.status}` }, el('h4', {}, when, ' ', el('span', { class: `status ${meeting.status}` }, meeting.statusText ?? meeting.status)), meeting.venue ? el('p', { class: 'muted' }, meeting.venue) : null, papers);
}

async function loadCalendar() {
  const holder = document.getElementById('calendar');
  const { committees } = await getJson('/tab/api/calendar');
  holder.replaceChildren(
    ...(committees.length ? committees : [null]).map((c) =>
      c === null
        ? el('p', {}, 'No meetings in the papers yet.')
        : el(
            'section',
            { class: 'committee', 'aria-label': c.committee },
            el('h3', {}, c.committee),
            el('h4', { class: 'when' }, `Next meetings (${c.next.length})`),
            c.next.length ? el('ol', { class: 'meetings' }, ...c.next.map(meetingItem)) : el('p', { class: 'muted' }, 'None scheduled in the papers.'),
            el('details', {}, el('summary', {}, `Past meetings (${c.past.length})`), el('ol', { class: 'meetings' }, ...c.past.map(meetingItem))),
          ),
    ),
  );
}

// ---- paged lists (decisions and search) ----
function pager(nav, result, go) {
  const pages = Math.ceil(result.total / result.pageSize);
  nav.replaceChildren();
  if (pages <= 1) return;
  const button = (label, page, disabled) => {
    const b = el('button', { type: 'button', disabled }, label);
    b.addEventListener('click', () => go(page));
    return b;
  };
  nav.append(button('Previous', result.page - 1, result.page === 0), el('span', {}, ` Page ${result.page + 1} of ${pages} `), button('Next', result.page + 1, result.page >= pages - 1));
}

function voteTable(votes) {
  if (!votes.length) return null;
  const cell = (v) => (v === null || v === undefined ? '–' : String(v));
  return el(
    'table',
    { class: 'votes' },
    el('caption', {}, 'Recorded vote'),
    el('thead', {}, el('tr', {}, ...['Motion', 'For', 'Against', 'Abstain', 'Outcome'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...votes.map((v) => el('tr', {}, el('td', {}, v.motion ?? (v.unanimous ? 'Unanimous' : '–')), el('td', {}, cell(v.for)), el('td', {}, cell(v.against)), el('td', {}, cell(v.abstain)), el('td', {}, v.outcome ?? '–')))),
  );
}

function formQuery(form) {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
}

async function loadDecisions(page = 0) {
  const form = document.getElementById('decision-form');
  const result = await getJson('/tab/api/decisions', { ...formQuery(form), page });
  document.getElementById('decision-count').textContent = `${result.total} decision${result.total === 1 ? '' : 's'}`;
  document.getElementById('decisions').replaceChildren(
    ...result.items.map((d) =>
      el(
        'li',
        { class: 'decision' },
        el('h3', {}, d.item || 'Decision'),
        el('p', { class: 'muted' }, [d.committee, longDate(d.meetingDate)].filter(Boolean).join(' · ')),
        el('blockquote', {}, d.text),
        voteTable(d.votes),
        paperLink(d.href, 'Open in the minutes'),
      ),
    ),
  );
  pager(document.getElementById('decision-pages'), result, loadDecisions);
}

async function loadSearch(page = 0) {
  const form = document.getElementById('search-form');
  const query = formQuery(form);
  if (!query.words) return;
  const result = await getJson('/tab/api/search', { ...query, page });
  document.getElementById('search-count').textContent = `${result.total} passage${result.total === 1 ? '' : 's'} found${result.total >= 200 ? ' (the first 200: add words to narrow it)' : ''}`;
  document.getElementById('hits').replaceChildren(
    ...result.items.map((h) =>
      el(
        'li',
        { class: 'hit' },
        el('h3', {}, paperLink(h.href, h.item ? `${h.title}: ${h.item}` : h.title)),
        el('p', { class: 'muted' }, [h.committee, h.meetingDate ? longDate(h.meetingDate) : null, h.kind.replace(/_/g, ' '), h.page === null ? null : `page ${h.page}`].filter(Boolean).join(' · ')),
        el('p', {}, h.snippet),
      ),
    ),
  );
  pager(document.getElementById('search-pages'), result, loadSearch);
}

for (const [id, load] of [['decision-form', loadDecisions], ['search-form', loadSearch]]) {
  document.getElementById(id).addEventListener('submit', (event) => {
    event.preventDefault();
    load(0).catch(() => {});
  });
}

bearer = signed ? null : await teamsToken();
await Promise.all([loadCalendar(), loadDecisions()]).catch(() => {});
document.body.dataset.ready = 'true';
