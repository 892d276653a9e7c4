// whosaid report: the quote table (filter, sort, pages) and the document view, rendered
// from the JSON blobs on the page. Every text from the tables goes into the page through
// textContent, never as HTML.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('report-data').textContent);
  const F = {};
  data.fields.forEach(function (name, i) { F[name] = i; });
  const quotes = data.quotes;
  const docs = data.docs;
  const D = { id: 0, title: 1, date: 2, source: 3, status: 4, first: 5, count: 6, note: 7 };
  const PAGE = 50;
  const DIMENSIONS = ['tone', 'conflict', 'certainty'];

  let texts = null; // parsed on the first document view
  function docText(di) {
    if (texts === null) {
      const blob = document.getElementById('report-texts');
      texts = blob ? JSON.parse(blob.textContent) : [];
    }
    return texts[di] === undefined ? null : texts[di];
  }

  // ---- small DOM helpers -------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function fixed(v) {
    if (v === null) return '';
    const r = Math.abs(v) < 0.0005 ? 0 : v;
    return (r >= 0 ? '+' : '') + r.toFixed(3);
  }

  function scoreCell(v) {
    const td = el('td', 'num score' + (v > 0.05 ? ' pos' : v < -0.05 ? ' neg' : ''), fixed(v));
    return td;
  }

  // ---- stance terms --------------------------------------------------------------------

  const regexCache = new Map();
  function termRegex(term) {
    let re = regexCache.get(term);
    if (re) return re;
    const body = term.trim().split(/\s+/).map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/'/g, "['\u2019]")
        .replace(/-/g, '[-\u2010\u2011\u2013]');
    }).join('[\\s\\-\u2010\u2011\u2013]+');
    re = new RegExp('(?<![\\p{L}\\p{N}])' + body + '(?![\\p{L}\\p{N}])', 'giu');
    regexCache.set(term, re);
    return re;
  }

  // The class of a term: its strongest contribution's dimension and direction.
  function termClass(t) {
    let d = 0;
    for (let k = 1; k < 3; k++) if (Math.abs(t[2 + k]) > Math.abs(t[2 + d])) d = k;
    const v = t[2 + d];
    const name = [['t-tone-neg', 't-tone-pos'], ['t-conf-coop', 't-conf-hos'], ['t-cert-lo', 't-cert-hi']][d][v >= 0 ? 1 : 0];
    return name + (t[1] ? ' negated' : '');
  }

  function termTitle(t) {
    const parts = [];
    for (let k = 0; k < 3; k++) if (t[2 + k] !== 0) parts.push(DIMENSIONS[k] + ' ' + fixed(t[2 + k]).replace(/0+$/, '').replace(/\.$/, ''));
    return t[0] + (t[1] ? ' (negated)' : '') + ': ' + parts.join(', ');
  }

  // Appends `text` to `parent`, with the quote's stance terms marked.
  function highlight(parent, text, terms) {
    const found = [];
    terms.forEach(function (t, k) {
      const re = termRegex(t[0]);
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(text)) !== null) {
        if (m[0].length === 0) { re.lastIndex++; continue; }
        found.push([m.index, m.index + m[0].length, k]);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0] || (b[1] - b[0]) - (a[1] - a[0]); });
    let pos = 0;
    found.forEach(function (f) {
      if (f[0] < pos) return;
      parent.append(text.slice(pos, f[0]));
      const mark = el('mark', termClass(terms[f[2]]), text.slice(f[0], f[1]));
      mark.title = termTitle(terms[f[2]]);
      parent.append(mark);
      pos = f[1];
    });
    parent.append(text.slice(pos));
  }

  // ---- filters ---------------------------------------------------------------------

  const state = { affiliation: null, kind: '', speaker: '', words: '', sort: null, dir: -1, page: 0 };
  let view = [];
  let lower = null; // lower-case speaker+mention and text, built on the first text filter

  function countsBy(field) {
    const counts = new Map();
    quotes.forEach(function (q) { counts.set(q[field], (counts.get(q[field]) || 0) + 1); });
    return Array.from(counts.entries()).sort(function (a, b) {
      return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    });
  }

  function fillOptions() {
    const affiliation = document.getElementById('f-affiliation');
    countsBy(F.affiliation).forEach(function (e) {
      const option = el('option', null, (e[0] === '' ? '(none)' : e[0]) + ' (' + e[1] + ')');
      option.value = '=' + e[0];
      affiliation.append(option);
    });
    const kind = document.getElementById('f-kind');
    countsBy(F.kind).forEach(function (e) {
      const option = el('option', null, e[0] + ' (' + e[1] + ')');
      option.value = e[0];
      kind.append(option);
    });
    const speakers = document.getElementById('speaker-list');
    countsBy(F.speaker).filter(function (e) { return e[0] !== ''; }).slice(0, 500).forEach(function (e) {
      const option = el('option');
      option.value = e[0];
      speakers.append(option);
    });
  }

  function apply() {
    const speaker = state.speaker.trim().toLowerCase();
    const words = state.words.trim().toLowerCase();
    if ((speaker || words) && lower === null) {
      lower = quotes.map(function (q) {
        return [(q[F.speaker] + '\u0000' + q[F.mention]).toLowerCase(), q[F.text].toLowerCase()];
      });
    }
    view = [];
    for (let i = 0; i < quotes.length; i++) {
      const q = quotes[i];
      if (state.affiliation !== null && q[F.affiliation] !== state.affiliation) continue;
      if (state.kind && q[F.kind] !== state.kind) continue;
      if (speaker && !lower[i][0].includes(speaker)) continue;
      if (words && !lower[i][1].includes(words)) continue;
      view.push(i);
    }
    if (state.sort !== null) {
      const k = F[state.sort];
      const dir = state.dir;
      view.sort(function (a, b) {
        const x = quotes[a][k];
        const y = quotes[b][k];
        if (x === null || y === null) return (x === null) - (y === null) || a - b;
        return (x - y) * dir || a - b;
      });
    }
    state.page = 0;
    renderTable();
  }

  // ---- the quote table ---------------------------------------------------------------

  function quoteRow(i) {
    const q = quotes[i];
    const d = docs[q[F.doc]];
    const tr = el('tr');
    tr.dataset.q = i;
    const doc = el('td');
    const link = el('a', null, d[D.id]);
    link.href = '#doc=' + q[F.doc] + '&q=' + i;
    link.className = 'doc-link';
    doc.append(link, el('span', 'meta', q[F.quote_id] + (d[D.date] ? ' · ' + d[D.date] : '')));
    const speaker = el('td');
    if (q[F.speaker]) {
      speaker.append(el('span', null, q[F.speaker]));
      if (q[F.mention] && q[F.mention] !== q[F.speaker]) speaker.append(el('span', 'meta', '“' + q[F.mention] + '”'));
    } else {
      speaker.append(el('span', 'unresolved', q[F.mention] || 'no speaker'));
    }
    const text = el('td', 'wide');
    highlight(text, q[F.text], q[F.terms]);
    text.append(el('span', 'meta', (q[F.cue] ? 'cue “' + q[F.cue] + '” · ' : '') + q[F.method]));
    tr.append(doc, speaker, el('td', 'affiliation', q[F.affiliation]), el('td', null, q[F.kind]), text,
      scoreCell(q[F.tone]), scoreCell(q[F.conflict]), scoreCell(q[F.certainty]),
      el('td', 'num', q[F.confidence].toFixed(3)));
    return tr;
  }

  function renderTable() {
    const pages = Math.max(1, Math.ceil(view.length / PAGE));
    state.page = Math.min(Math.max(state.page, 0), pages - 1);
    const start = state.page * PAGE;
    const end = Math.min(start + PAGE, view.length);
    const tbody = document.querySelector('#q-table tbody');
    const rows = document.createDocumentFragment();
    for (let k = start; k < end; k++) rows.append(quoteRow(view[k]));
    tbody.replaceChildren(rows);
    const status = document.getElementById('q-status');
    status.textContent = view.length === 0 ? 'No quote matches the filters.'
      : 'Quotes ' + (start + 1) + '–' + end + ' of ' + view.length +
        (view.length !== quotes.length ? ' (filtered from ' + quotes.length + ')' : '');
    status.dataset.filtered = view.length;
    status.dataset.total = quotes.length;
    status.dataset.page = state.page + 1;
    document.getElementById('p-info').textContent = 'Page ' + (state.page + 1) + ' of ' + pages;
    document.getElementById('p-first').disabled = state.page === 0;
    document.getElementById('p-prev').disabled = state.page === 0;
    document.getElementById('p-next').disabled = state.page >= pages - 1;
    document.getElementById('p-last').disabled = state.page >= pages - 1;
    document.querySelectorAll('#q-table th[aria-sort]').forEach(function (th) {
      const key = th.querySelector('button').dataset.sort;
      th.setAttribute('aria-sort', key !== state.sort ? 'none' : state.dir < 0 ? 'descending' : 'ascending');
    });
  }

  function debounce(f, ms) {
    let timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(f, ms); };
  }

  function wireTable() {
    const affiliation = document.getElementById('f-affiliation');
    const kind = document.getElementById('f-kind');
    const speaker = document.getElementById('f-speaker');
    const words = document.getElementById('f-text');
    affiliation.addEventListener('change', function () {
      state.affiliation = affiliation.value === '' ? null : affiliation.value.slice(1);
      apply();
    });
    kind.addEventListener('change', function () { state.kind = kind.value; apply(); });
    speaker.addEventListener('input', debounce(function () { state.speaker = speaker.value; apply(); }, 150));
    words.addEventListener('input', debounce(function () { state.words = words.value; apply(); }, 150));
    document.getElementById('filters').addEventListener('reset', function () {
      state.affiliation = null; state.kind = ''; state.speaker = ''; state.words = ''; state.sort = null;
      setTimeout(apply, 0);
    });
    document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); });
    document.querySelectorAll('#q-table th button[data-sort]').forEach(function (button) {
      button.addEventListener('click', function () {
        const key = button.dataset.sort;
        if (state.sort !== key) { state.sort = key; state.dir = -1; }
        else if (state.dir < 0) { state.dir = 1; }
        else { state.sort = null; state.dir = -1; }
        apply();
      });
    });
    const go = function (page) { return function () { state.page = page(); renderTable(); }; };
    document.getElementById('p-first').addEventListener('click', go(function () { return 0; }));
    document.getElementById('p-prev').addEventListener('click', go(function () { return state.page - 1; }));
    document.getElementById('p-next').addEventListener('click', go(function () { return state.page + 1; }));
    document.getElementById('p-last').addEventListener('click', go(function () { return Infinity; }));
  }

  // ---- the document view -------------------------------------------------------------

  let current = -1;

  // Splits the text at every span boundary (byte offsets, as in quotes.csv) and marks
  // each piece with the spans covering it.
  function renderText(container, text, di, selected) {
    const d = docs[di];
    const spans = [];
    for (let i = d[D.first]; i < d[D.first] + d[D.count]; i++) {
      const q = quotes[i];
      q[F.fragments].forEach(function (f) { spans.push([f[0], f[1], 'q', i]); });
      if (q[F.mention_span]) spans.push([q[F.mention_span][0], q[F.mention_span][1], 's', i]);
      if (q[F.cue_span]) spans.push([q[F.cue_span][0], q[F.cue_span][1], 'c', i]);
    }
    const bytes = new TextEncoder().encode(text);
    const decoder = new TextDecoder();
    const cuts = new Set([0, bytes.length]);
    spans.forEach(function (s) { cuts.add(s[0]); cuts.add(s[1]); });
    const bounds = Array.from(cuts).filter(function (b) { return b <= bytes.length; }).sort(function (a, b) { return a - b; });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    const fragment = document.createDocumentFragment();
    let next = 0;
    let active = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const a = bounds[k];
      const b = bounds[k + 1];
      active = active.filter(function (s) { return s[1] > a; });
      while (next < spans.length && spans[next][0] <= a) {
        if (spans[next][1] > a) active.push(spans[next]);
        next++;
      }
      const piece = decoder.decode(bytes.subarray(a, b));
      if (active.length === 0) { fragment.append(piece); continue; }
      const kinds = new Set(active.map(function (s) { return s[2]; }));
      const mine = active.filter(function (s) { return s[3] === selected; });
      const span = el('span', Array.from(kinds).sort().map(function (c) { return 'hl-' + c; }).join(' ') + (mine.length ? ' sel' : ''));
      span.dataset.q = mine.length ? selected : active[0][3];
      if (mine.some(function (s) { return s[2] === 'q'; })) highlight(span, piece, quotes[selected][F.terms]);
      else span.textContent = piece;
      fragment.append(span);
    }
    container.replaceChildren(fragment);
  }

  function showDocument(di, selected, scroll) {
    const d = docs[di];
    if (!d) return;
    current = di;
    if (selected === null || selected < d[D.first] || selected >= d[D.first] + d[D.count]) {
      selected = d[D.count] > 0 ? d[D.first] : -1;
    }
    const head = document.getElementById('doc-head');
    const title = el('h3', null, d[D.title] || d[D.id]);
    const meta = el('p', null, [d[D.id], d[D.date], d[D.source], d[D.count] + ' quotes', d[D.status] !== 'ok' ? d[D.status] : '']
      .filter(function (x) { return x; }).join(' · '));
    head.replaceChildren(title, meta);
    head.dataset.doc = di;
    document.getElementById('doc-id').value = d[D.id];

    const note = document.getElementById('doc-note');
    note.hidden = !d[D.note];
    note.textContent = d[D.note] || '';
    const box = document.getElementById('doc-text');
    const text = data.texts ? docText(di) : null;
    box.hidden = text === null;
    if (text !== null) renderText(box, text, di, selected);
    else box.replaceChildren();

    const list = document.getElementById('doc-quotes');
    const items = document.createDocumentFragment();
    for (let i = d[D.first]; i < d[D.first] + d[D.count]; i++) {
      const q = quotes[i];
      const li = el('li', i === selected ? 'sel' : null);
      li.dataset.q = i;
      highlight(li, q[F.text], q[F.terms]);
      const who = q[F.speaker] || q[F.mention] || 'no speaker';
      const scores = DIMENSIONS.map(function (n) { return n + ' ' + fixed(q[F[n]]); }).join(' · ');
      li.append(el('span', 'meta', q[F.quote_id] + ' · ' + q[F.kind] + ' · ' + who +
        (q[F.affiliation] ? ' (' + q[F.affiliation] + ')' : '') +
        (q[F.cue] ? ' · cue “' + q[F.cue] + '”' : '') + ' · ' + q[F.method] + ' · ' + scores));
      items.append(li);
    }
    list.replaceChildren(items);

    if (scroll) {
      document.getElementById('document').scrollIntoView();
      const mark = box.querySelector('.sel');
      if (mark) box.scrollTop = Math.max(0, mark.offsetTop - 60);
    }
  }

  function selectQuote(i) {
    location.hash = 'doc=' + current + '&q=' + i;
  }

  function fromHash(scroll) {
    const m = /^#doc=(\d+)(?:&q=(\d+))?$/.exec(location.hash);
    if (!m) return false;
    showDocument(Number(m[1]), m[2] === undefined ? null : Number(m[2]), scroll);
    return true;
  }

  function step(delta) {
    for (let di = current + delta; di >= 0 && di < docs.length; di += delta) {
      if (docs[di][D.count] > 0) { location.hash = 'doc=' + di; return; }
    }
  }

  function wireDocument() {
    document.getElementById('doc-text').addEventListener('click', function (e) {
      const span = e.target.closest('[data-q]');
      if (span) selectQuote(Number(span.dataset.q));
    });
    document.getElementById('doc-quotes').addEventListener('click', function (e) {
      const li = e.target.closest('li[data-q]');
      if (li) selectQuote(Number(li.dataset.q));
    });
    document.getElementById('doc-form').addEventListener('submit', function (e) {
      e.preventDefault();
      const id = document.getElementById('doc-id').value.trim();
      const di = docs.findIndex(function (d) { return d[D.id] === id; });
      const note = document.getElementById('doc-note');
      if (di < 0) { note.hidden = false; note.textContent = 'No document has the id ' + id + '.'; return; }
      location.hash = 'doc=' + di;
    });
    document.getElementById('doc-prev').addEventListener('click', function () { step(-1); });
    document.getElementById('doc-next').addEventListener('click', function () { step(1); });
    window.addEventListener('hashchange', function () { fromHash(true); });
  }

  fillOptions();
  wireTable();
  wireDocument();
  apply();
  if (!fromHash(true)) {
    const first = docs.findIndex(function (d) { return d[D.count] > 0; });
    if (first >= 0) showDocument(first, null, false);
  }
  document.getElementById('q-status').dataset.ready = '1';
})();
