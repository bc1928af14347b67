import { escapeHtml } from '../paperView/inlineText';

/**
 * The tab's page: a shell naming the committees served, with the calendar, the decision register and
 * search filled in by /static/tab.js from the data endpoints. It works in a browser outside Teams too.
 */
export function tabPage(committees: readonly string[], kinds: readonly string[]): string {
  const named = committees.length > 0 ? committees.join(', ') : 'no committee yet (the papers folder is empty)';
  const committeeOptions = committees.map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(c)}</option>`).join('');
  const committeeField = `<label>Committee <select name="committee"><option value="">All committees</option>${committeeOptions}</select></label>`;
  const kindOptions = kinds.map((k) => `<option value="${escapeHtml(k)}">${escapeHtml(k.replace(/_/gu, ' '))}</option>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Panel Papers: ${escapeHtml(committees[0] ?? 'committee papers')}</title>
<link rel="stylesheet" href="/static/tab.css">
</head>
<body>
<a class="skip" href="#panels">Skip to content</a>
<header class="top">
<h1>Panel Papers</h1>
<p class="served">Published papers of: <span id="committees">${escapeHtml(named)}</span></p>
</header>
<nav aria-label="Views"><div role="tablist" aria-label="Views" id="tabs">
<button role="tab" id="tab-calendar" aria-controls="panel-calendar" aria-selected="true">Calendar</button>
<button role="tab" id="tab-decisions" aria-controls="panel-decisions" aria-selected="false" tabindex="-1">Decision register</button>
<button role="tab" id="tab-search" aria-controls="panel-search" aria-selected="false" tabindex="-1">Search papers</button>
</div></nav>
<main id="panels">
<p id="auth-problem" class="problem" role="alert" hidden></p>
<section role="tabpanel" id="panel-calendar" aria-labelledby="tab-calendar" tabindex="0">
<h2>Meetings by committee</h2>
<div id="calendar" aria-live="polite"><p>Loading meetings…</p></div>
</section>
<section role="tabpanel" id="panel-decisions" aria-labelledby="tab-decisions" tabindex="0" hidden>
<h2>Decision register</h2>
<form id="decision-form" class="filters" role="search" aria-label="Filter decisions">
${committeeField}
${dateFields}
<label class="wide">Words <input type="search" name="words" placeholder="e.g. exclusions"></label>
<button type="submit">Filter</button>
</form>
${results('decision', 'decisions', 'Pages of decisions')}
</section>
<section role="tabpanel" id="panel-search" aria-labelledby="tab-search" tabindex="0" hidden>
<h2>Search the papers</h2>
<form id="search-form" class="filters" role="search" aria-label="Search the papers">
<label class="wide">Words <input type="search" name="words" required placeholder="e.g. school exclusions"></label>
${committeeField}
<label>Kind of paper <select name="kind"><option value="">Any kind</option>${kindOptions}</select></label>
${dateFields}
<button type="submit">Search</button>
</form>
${results('search', 'hits', 'Pages of results')}
</section>
</main>
<script src="/static/teams-js/MicrosoftTeams.min.js"></script>
<script type="module" src="/static/tab.js"></script>
</body></html>
`;
}

const dateFields = '<label>From <input type="date" name="from"></label>\n<label>To <input type="date" name="to"></label>';

/** A count read out when it changes, the list, and its pager (filled by tab.js). */
function results(prefix: string, listId: string, pagesLabel: string): string {
  return `<p id="${prefix}-count" class="count" role="status" aria-live="polite"></p>
<ol id="${listId}" class="results"></ol>
<nav id="${prefix}-pages" class="pager" aria-label="${pagesLabel}"></nav>`;
}

/** The channel tab's configuration page: one button's worth of choice, then Teams saves the tab. */
export function tabConfigurePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Add Panel Papers to this channel</title><link rel="stylesheet" href="/static/tab.css"></head>
<body><main id="panels"><h1>Panel Papers</h1>
<p>This tab shows the committees' meetings, every decision they have minuted, and a search of their published papers. Select <strong>Save</strong> to add it.</p>
</main>
<script src="/static/teams-js/MicrosoftTeams.min.js"></script>
<script type="module" src="/static/tab-configure.js"></script>
</body></html>
`;
}
