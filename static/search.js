// chunav site search. The index (search/meta.json, search/t/*.json shards of words,
// search/d/*.json one file per article) is written by `chunav build`; a query fetches only
// the shards of its words and the files of the results shown. docs/search.md has the format.
//
// Part one folds text and computes loose Latin keys exactly as src/search/fold.rs and
// src/search/latin.rs do (tests/search-cases.json is checked against both). Characters
// that combine are written as \u escapes: a literal nukta letter in decomposed form once
// turned क ख ग ज ड ढ फ य into "undefined".
const chunavSearch = (() => {
  const VIRAMA = '\u094d';
  const ANUSVARA = '\u0902';
  const NASALS = new Set(['\u0919', '\u091e', '\u0923', '\u0928', '\u092e']); // ङ ञ ण न म
  const MAPPED = {
    '\u0929': '\u0928', '\u0931': '\u0930', '\u0934': '\u0933', // ऩ ऱ ऴ → न र ळ
    '\u0901': ANUSVARA, // chandrabindu → anusvara
    '\u090d': '\u0910', '\u0945': '\u0948', // ऍ → ऐ, ॅ → ै
  };
  const DROPPED = new Set(['\u093c', '\u200c', '\u200d', '\u00ad']); // nukta, ZWNJ, ZWJ, soft hyphen

  const mapChar = (c) => {
    if (DROPPED.has(c)) return '';
    if (MAPPED[c]) return MAPPED[c];
    const u = c.codePointAt(0);
    return u >= 0x966 && u <= 0x96f ? String(u - 0x966) : c;
  };
  const isStop = (c) => c !== undefined && c >= '\u0915' && c <= '\u092d' && !NASALS.has(c);

  const fold = (text) => {
    const mapped = [...text.normalize('NFC')].map(mapChar).filter(Boolean);
    let out = '';
    for (let i = 0; i < mapped.length; i += 1) {
      if (NASALS.has(mapped[i]) && mapped[i + 1] === VIRAMA && isStop(mapped[i + 2])) {
        out += ANUSVARA;
        i += 1;
      } else {
        out += mapped[i];
      }
    }
    return out.toLowerCase();
  };

  const WORD = /[\p{Alphabetic}\p{N}]/u;
  const isWordChar = (c) => {
    const u = c.codePointAt(0);
    return WORD.test(c) || (u >= 0x900 && u <= 0x963) || (u >= 0x966 && u <= 0x96f)
      || (u >= 0x971 && u <= 0x97f) || (u >= 0x300 && u <= 0x36f)
      || u === 0x200c || u === 0x200d || u === 0xad;
  };
  const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';

  // Where the words of `text` are, as [start, end] offsets; `digit` says what counts as a
  // digit around a comma or point (folded text has ASCII digits only).
  const spans = (text, digit = isDigit) => {
    const chars = [...text];
    const found = [];
    let start = -1;
    let at = 0;
    chars.forEach((c, i) => {
      const inNumber = (c === ',' || c === '.') && i > 0 && digit(chars[i - 1]) && digit(chars[i + 1]);
      if (isWordChar(c) || inNumber) {
        if (start < 0) start = at;
      } else if (start >= 0) {
        found.push([start, at]);
        start = -1;
      }
      at += c.length;
    });
    if (start >= 0) found.push([start, at]);
    return found;
  };
  const asWord = (w) => {
    const word = w.replace(/,/g, '');
    return /^[a-zA-Z]$/.test(word) ? null : word;
  };
  const words = (folded) => spans(folded).map(([s, e]) => asWord(folded.slice(s, e))).filter(Boolean);

  // Loose Latin keys (src/search/latin.rs has the rules in words).
  const CONSONANTS = {
    'क': 'k', 'ख': 'kh', 'ग': 'g', 'घ': 'gh', 'ङ': 'n', 'च': 'ch', 'छ': 'chh', 'ज': 'j',
    'झ': 'jh', 'ञ': 'n', 'ट': 't', 'ठ': 'th', 'ड': 'd', 'ढ': 'dh', 'ण': 'n', 'त': 't',
    'थ': 'th', 'द': 'd', 'ध': 'dh', 'न': 'n', 'प': 'p', 'फ': 'ph', 'ब': 'b', 'भ': 'bh',
    'म': 'm', 'य': 'y', 'र': 'r', 'ल': 'l', 'ळ': 'l', 'व': 'v', 'श': 'sh', 'ष': 'sh',
    'स': 's', 'ह': 'h',
  };
  const SIGNS = {
    '\u093e': 'aa', '\u093f': 'i', '\u0940': 'ii', '\u0941': 'u', '\u0942': 'uu',
    '\u0943': 'ri', '\u0944': 'ri', '\u0947': 'e', '\u0946': 'e', '\u0948': 'ai',
    '\u094b': 'o', '\u094a': 'o', '\u0949': 'o', '\u094c': 'au',
  };
  const VOWELS = {
    'अ': 'a', 'आ': 'aa', 'इ': 'i', 'ई': 'ii', 'उ': 'u', 'ऊ': 'uu', 'ऋ': 'ri', 'ॠ': 'ri',
    'ऌ': 'li', 'ए': 'e', 'ऎ': 'e', 'ऐ': 'ai', 'ओ': 'o', 'ऒ': 'o', 'ऑ': 'o', 'औ': 'au', 'ॐ': 'om',
  };
  const INHERENT = 0;
  const KILLED = 1;

  const transliterate = (word) => {
    const units = [];
    for (const c of word) {
      const last = units[units.length - 1];
      if (CONSONANTS[c]) units.push({ t: 'C', s: CONSONANTS[c], v: INHERENT });
      else if (SIGNS[c]) {
        if (last && last.t === 'C' && last.v === INHERENT) last.v = SIGNS[c];
        else units.push({ t: 'V', s: SIGNS[c] });
      } else if (c === VIRAMA) {
        if (last && last.t === 'C') last.v = KILLED;
      } else if (VOWELS[c]) units.push({ t: 'V', s: VOWELS[c] });
      else if (c === ANUSVARA) units.push({ t: 'N' });
      else if (c === '\u0903') units.push({ t: 'O', s: 'h' });
      else if (c !== '\u093d') units.push({ t: 'O', s: c });
    }
    // Schwa deletion: final, then between a vowel-consonant and a consonant-vowel.
    const last = units[units.length - 1];
    if (units.filter((u) => u.t === 'C' || u.t === 'V').length >= 2 && last.t === 'C' && last.v === INHERENT) {
      last.v = KILLED;
    }
    for (let i = 1; i < units.length - 1; i += 1) {
      const before = units[i - 1];
      const after = units[i + 1];
      const afterVowel = before.t === 'C' ? before.v !== KILLED : before.t === 'V' || before.t === 'N';
      const beforeVowel = after.t === 'C' && after.v !== KILLED;
      if (afterVowel && beforeVowel && units[i].t === 'C' && units[i].v === INHERENT) units[i].v = KILLED;
    }
    return units.map((u) => {
      if (u.t === 'C') return u.s + (u.v === INHERENT ? 'a' : u.v === KILLED ? '' : u.v);
      return u.t === 'N' ? 'n' : u.s;
    }).join('');
  };

  const loosen = (latin) => {
    const chars = [...latin].filter((c) => /[a-zA-Z0-9]/.test(c)).map((c) => c.toLowerCase());
    let spelled = '';
    for (let i = 0; i < chars.length;) {
      const [a, b, c] = [chars[i], chars[i + 1], chars[i + 2]];
      let out = a;
      let used = 1;
      if (a === 'c' && b === 'h' && c === 'h') [out, used] = ['c', 3];
      else if (a === 'c' && b === 'h') [out, used] = ['c', 2];
      else if (a === 's' && b === 'h') [out, used] = ['s', 2];
      else if (a === 'e' && b === 'e') [out, used] = ['i', 2];
      else if (a === 'o' && b === 'o') [out, used] = ['u', 2];
      else if (a === 'c' || a === 'q') out = 'k';
      else if (a === 'x') out = 'ks';
      else if (a === 'z') out = 'j';
      else if (a === 'f') out = 'ph';
      else if (a === 'w') out = 'v';
      else if (a === 'm' && (b === 'p' || b === 'b')) out = 'n';
      spelled += out;
      i += used;
    }
    let loose = '';
    for (const c of spelled) if (!(/[a-z]/.test(c) && loose.endsWith(c))) loose += c;
    const n = loose.length;
    if (n >= 3 && loose.endsWith('a') && !'aeiou'.includes(loose[n - 2])) loose = loose.slice(0, -1);
    return loose;
  };

  const isNumber = (word) => /^[0-9][0-9.]*$/.test(word);
  const key = (word) => (isNumber(word) ? word : loosen(transliterate(word)) || word);
  const skeleton = (k) => {
    if (isNumber(k)) return k.replace(/\./g, '');
    if (!/^[a-zA-Z0-9]*$/.test(k)) return '~';
    return k.replace(/[aeiou]/g, '') || k;
  };
  const shardKey = (k) => `${skeleton(k)} ${k}`;
  return { fold, words, spans, asWord, key, skeleton, shardKey };
})();

// Part two: the search page.
(() => {
  if (typeof document === 'undefined') return;
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const out = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!form || !input || !out || !status) return;
  const { fold, words, spans, asWord, key, skeleton, shardKey } = chunavSearch;
  const base = `${form.dataset.root}search/`;
  const PAGE = 10;

  const files = new Map();
  const get = (name) => {
    if (!files.has(name)) {
      files.set(name, fetch(base + name).then((r) => {
        if (!r.ok) throw new Error(`${name}: ${r.status}`);
        return r.json();
      }).catch((e) => { files.delete(name); throw e; }));
    }
    return files.get(name);
  };

  // The shard holding shard key `s`: the last one starting at or before it.
  const shardOf = (starts, s) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= s) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  // One edit (insert, delete or replace) at most between a and b.
  const withinOne = (a, b) => {
    if (Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i += 1;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  };

  // Title 8, a heading, the description or a tag 3, the body 1, added up.
  const fieldScore = (f) => (f & 4 ? 8 : 0) + (f & 2 ? 3 : 0) + (f & 1 ? 1 : 0);

  // The articles with query word q: id → score, and the index words that matched (with
  // how well: the word itself 1, the same loose key 0.7–0.8, a prefix or a typo less).
  const lookup = async (meta, q) => {
    const k = key(q);
    const terms = await get(`t/${shardOf(meta.shards, shardKey(k))}.json`);
    // Romanised or English (letters, perhaps digits): loose keys and one typo may match.
    const latin = /^[a-z0-9]*[a-z][a-z0-9]*$/.test(q);
    const scores = new Map();
    const matched = new Map();
    for (const [word, wordKey, postings] of terms) {
      const wk = wordKey || word;
      let weight = 0;
      if (word === q) weight = 1;
      else if (wk === k) weight = latin ? 0.8 : 0.7;
      else if (q.length >= 3 && word.startsWith(q)) weight = 0.5;
      else if (latin && k.length >= 3 && wk.startsWith(k)) weight = 0.4;
      else if (latin && q.length >= 5 && (withinOne(wk, k) || skeleton(wk) === skeleton(k))) weight = 0.3;
      if (!weight) continue;
      matched.set(word, weight);
      let id = 0;
      for (const p of postings) {
        id += Math.floor(p / 8);
        const score = weight * fieldScore(p % 8);
        if (score > (scores.get(id) || 0)) scores.set(id, score);
      }
    }
    return { scores, matched };
  };

  // Every article that has every word of the query, best first (newest first on a tie).
  const rank = (found) => {
    const [first, ...rest] = found;
    const hits = [];
    for (const [id, score] of first.scores) {
      let total = score;
      if (rest.every((f) => f.scores.has(id) && (total += f.scores.get(id)))) hits.push([id, total]);
    }
    return hits.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  };

  // `text` as DOM nodes (never as HTML), the matched words inside <mark>: all of it, or
  // from word `from` to word `to` with "…" where text was left out.
  const highlighted = (text, matched, ws, from = 0, to = Infinity) => {
    const whole = to === Infinity;
    const frag = document.createDocumentFragment();
    let at = whole || !ws.length ? 0 : ws[from][0];
    if (at > 0) frag.append('… ');
    for (let i = from; i <= to && i < ws.length; i += 1) {
      const [s, e] = ws[i];
      frag.append(text.slice(at, s));
      const piece = text.slice(s, e);
      if (matched.has(asWord(fold(piece)))) {
        const mark = document.createElement('mark');
        mark.textContent = piece;
        frag.append(mark);
      } else {
        frag.append(piece);
      }
      at = e;
    }
    if (whole) frag.append(text.slice(at));
    else if (!ws.length) frag.append(text.slice(0, 160));
    else if (at < text.length) frag.append(' …');
    return frag;
  };
  const rawDigit = (c) => c !== undefined && /[0-9\u0966-\u096f]/.test(c);
  const wordSpans = (text) => spans(text, rawDigit);
  // Around the first place where the best-matching word occurs: in the text, else the
  // description, else the tags.
  const snippet = (doc, matched) => {
    let best = null;
    for (const text of [doc.x, doc.d, (doc.g || []).join(' · ')]) {
      const ws = wordSpans(text);
      ws.forEach(([s, e], i) => {
        const weight = matched.get(asWord(fold(text.slice(s, e)))) || 0;
        if (weight > (best?.weight || 0)) best = { text, ws, i, weight };
      });
      if (best?.weight === 1) break;
    }
    if (best) return highlighted(best.text, matched, best.ws, Math.max(0, best.i - 8), best.i + 18);
    const text = doc.d || doc.x;
    const ws = wordSpans(text);
    return highlighted(text, matched, ws, 0, 26);
  };

  const card = (doc, matched) => {
    const li = document.createElement('li');
    li.className = 'card';
    li.lang = doc.l;
    const h = document.createElement('h2');
    const a = document.createElement('a');
    a.href = form.dataset.root + doc.u;
    a.append(highlighted(doc.t, matched, wordSpans(doc.t)));
    h.append(a);
    const p = document.createElement('p');
    p.append(snippet(doc, matched));
    li.append(h, p);
    return li;
  };

  let current = 0;
  let moreButton = null;
  const say = (n) => {
    status.textContent = (form.dataset[n === 1 ? 'one' : 'many'] || '{n}').replace('{n}', n.toLocaleString('en-IN'));
  };

  // Shows results [from, from + PAGE) of `ids`, each as soon as its file (and the ones
  // before it) arrived; gives up as soon as a newer query started.
  const show = async (ticket, ids, from, matched) => {
    const page = ids.slice(from, from + PAGE).map((id) => get(`d/${id}.json`));
    for (const doc of page) {
      const d = await doc;
      if (ticket !== current) return;
      out.append(card(d, matched));
    }
    if (from + PAGE < ids.length) {
      moreButton = document.createElement('button');
      moreButton.type = 'button';
      moreButton.className = 'search-more';
      moreButton.textContent = form.dataset.more || '…';
      moreButton.addEventListener('click', () => {
        const next = out.children.length;
        moreButton.remove();
        moreButton = null;
        show(ticket, ids, from + PAGE, matched).then(() => out.children[next]?.querySelector('a')?.focus());
      });
      out.after(moreButton);
    }
  };

  const run = async () => {
    current += 1;
    const ticket = current;
    const qs = [...new Set(words(fold(input.value)))];
    const url = new URL(location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value.trim()); else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!qs.length) {
      out.replaceChildren();
      moreButton?.remove();
      status.textContent = '';
      return;
    }
    try {
      const meta = await get('meta.json');
      const found = await Promise.all(qs.map((q) => lookup(meta, q)));
      if (ticket !== current) return;
      const ids = rank(found);
      const matched = new Map(found.flatMap((f) => [...f.matched]));
      out.replaceChildren();
      moreButton?.remove();
      moreButton = null;
      say(ids.length);
      await show(ticket, ids, 0, matched);
    } catch (e) {
      if (ticket === current) status.textContent = form.dataset.failed || String(e);
    }
  };

  // Arrow keys move between the input and the results; Escape goes back to the input.
  const links = () => [...out.querySelectorAll('a')];
  form.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && ev.target === input) { links()[0]?.focus(); ev.preventDefault(); }
  });
  out.addEventListener('keydown', (ev) => {
    const all = links();
    const i = all.indexOf(document.activeElement);
    if (i < 0) return;
    if (ev.key === 'ArrowDown' && all[i + 1]) { all[i + 1].focus(); ev.preventDefault(); }
    if (ev.key === 'ArrowUp') { (all[i - 1] || input).focus(); ev.preventDefault(); }
    if (ev.key === 'Escape') { input.focus(); ev.preventDefault(); }
  });

  form.addEventListener('submit', (ev) => { ev.preventDefault(); run(); });
  input.addEventListener('input', run);
  get('meta.json').catch(() => {});
  const q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; run(); }
})();
