// chunav site search. The index (search/meta.json, search/t/*.json shards of words,
// search/f/*.json the first results of each word, search/d/*.json one file per article) is
// written by `chunav build`; a query fetches, at once, the shard and the first-results file
// of each word (both named by the query alone), and article files only for the results
// beyond those (a first-results file also has the titles of the articles a query of its
// word and another most likely puts first, so their cards show title first; a rare word's
// shard entry has its best article's title). Two neighbouring words are also looked up
// joined (a compound typed apart), in the same round. docs/search.md has the format.
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

  // Word characters: letters and digits of any script, every Devanagari letter and sign
  // but the dandas and the abbreviation sign, combining accents, and the marks that folding
  // drops (fold.rs's is_word_char); a comma or point between two digits stays in a number.
  // `raw` text (not folded) may have Devanagari digits.
  const CLASS = '\\p{Alphabetic}\\p{N}\\u0900-\\u0963\\u0966-\\u096f\\u0971-\\u097f\\u0300-\\u036f\\u200c\\u200d\\u00ad';
  const runs = (digits) => new RegExp(`(?:[${CLASS}]|(?<=[${digits}])[,.](?=[${digits}]))+`, 'gu');
  const FOLDED_RUNS = runs('0-9');
  const RAW_RUNS = runs('0-9\\u0966-\\u096f');
  // Where the words of `text` are, as [start, end] offsets.
  const spans = (text, raw = false) => [...text.matchAll(raw ? RAW_RUNS : FOLDED_RUNS)]
    .map((m) => [m.index, m.index + m[0].length]);
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
    // A y between a vowel and a consonant is heard as i: जायसवाल and Jaiswal.
    const letters = [...spelled];
    const heard = letters.map((c, i) => (c === 'y' && i > 0 && 'aeiou'.includes(letters[i - 1])
      && /[b-df-hj-np-tv-z]/.test(letters[i + 1] || '') ? 'i' : c)).join('');
    let loose = '';
    for (const c of heard) if (!(/[a-z]/.test(c) && loose.endsWith(c))) loose += c;
    const n = loose.length;
    if (n >= 3 && loose.endsWith('a') && !'aeiou'.includes(loose[n - 2])) loose = loose.slice(0, -1);
    return loose;
  };

  const isNumber = (word) => /^[0-9][0-9.]*$/.test(word);
  const key = (word) => (isNumber(word) ? word : loosen(transliterate(word)) || word);
  const skeleton = (k) => {
    if (isNumber(k)) return k.replace(/\./g, '');
    if (!/^[a-zA-Z0-9]*$/.test(k)) return '~';
    return k.replace(/[aeiouy]/g, '') || k;
  };
  const shardKey = (k) => `${skeleton(k)} ${k}`;
  // Which of `n` first-results files holds key k: FNV-1a of the UTF-8 bytes of its
  // skeleton (of k itself when that is `~`), as src/search/index.rs's first_file: the words
  // a query meets by the same consonants have their first results in the file it fetches.
  const utf8 = (text) => [...text].flatMap((c) => {
    const u = c.codePointAt(0);
    if (u < 0x80) return [u];
    if (u < 0x800) return [0xc0 | (u >> 6), 0x80 | (u & 63)];
    if (u < 0x10000) return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 63), 0x80 | (u & 63)];
    return [0xf0 | (u >> 18), 0x80 | ((u >> 12) & 63), 0x80 | ((u >> 6) & 63), 0x80 | (u & 63)];
  });
  const firstFile = (k, n) => {
    let h = 0x811c9dc5;
    const s = skeleton(k);
    for (const b of utf8(s === '~' ? k : s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h % Math.max(1, n);
  };
  return { fold, words, spans, asWord, key, skeleton, shardKey, firstFile };
})();

// Part two: the search page.
(() => {
  if (typeof document === 'undefined') return;
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const out = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!form || !input || !out || !status) return;
  const { fold, words, spans, asWord, key, skeleton, shardKey, firstFile } = chunavSearch;
  const base = `${form.dataset.root}search/`;
  const PAGE = 10;
  // Results a phone's first screen shows: their article files are asked for before the others'.
  const SCREEN = 3;

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

  // Title 8, a heading, the description or a tag 3, the body 1, added up; 0.5 for no field
  // (a word only beside the body: in the result box).
  const fieldScore = (f) => (f & 4 ? 8 : 0) + (f & 2 ? 3 : 0) + (f & 1 ? 1 : 0) || 0.5;
  const FIELD_SCORES = Float64Array.from({ length: 8 }, (_, f) => fieldScore(f));

  // Keys that differ only in inherent vowels (a) and y/i: where spelling and speech part.
  const unschwa = (k) => k.replace(/a/g, '').replace(/y/g, 'i');

  // The postings of the shard's words that match query word q (key k) walked into scores:
  // per article id its best score for q and the weight of its best-matching word.
  const walk = (terms, q, k, docs) => {
    // Romanised or English (letters, perhaps digits): loose keys and one typo may match.
    const latin = /^[a-z0-9]*[a-z][a-z0-9]*$/.test(q);
    // A group of synonyms (`=bjp`) is its own word only; its phrases' own words are marked.
    const group = q.startsWith('=');
    // Per article id: its score for q and the weight of its best-matching word (arrays, not
    // maps: a common word has thousands of postings), and the ids that have q at all.
    const scores = new Float64Array(docs);
    const best = new Float64Array(docs);
    const ids = [];
    const matched = new Map();
    // A rare word's best article (its shard entry has it): its title shows in the first
    // round trip when the word was met by a typo or as a prefix, not by q's own key.
    const rare = {};
    // What every word of the shard is compared with, computed once (a shard has hundreds).
    const kSkeleton = skeleton(k);
    const kUnschwa = unschwa(k);
    for (const [word, wordKey, postings, info] of terms) {
      const wk = wordKey || word;
      let weight = 0;
      if (word === q) weight = 1;
      else if (group) continue;
      else if (wk === k) weight = latin ? 0.8 : 0.7;
      else if (q.length >= 3 && word.startsWith(q)) weight = 0.5;
      else if (latin && k.length >= 3 && wk.startsWith(k)) weight = 0.4;
      else if (latin && q.length >= 5 && (withinOne(wk, k) || skeleton(wk) === kSkeleton)) weight = 0.3;
      else if (k.length >= 5 && unschwa(wk) === kUnschwa) weight = 0.3;
      if (!weight) continue;
      matched.set(word, weight);
      if (info) rare[info[0]] = info.slice(1);
      // A common word has thousands of postings (below 2^31: a gap and three bits).
      const byField = FIELD_SCORES.map((f) => weight * f);
      let id = 0;
      for (let j = 0; j < postings.length; j += 1) {
        const p = postings[j];
        id += p >> 3;
        const was = scores[id];
        if (!was) ids.push(id);
        if (weight > best[id]) best[id] = weight;
        const score = byField[p & 7];
        if (score > was) scores[id] = score;
      }
    }
    return { ids, scores, best, matched, rare };
  };

  // The articles with query word q: id → score, the index words that matched (with how
  // well: the word itself 1, the same loose key 0.7–0.8, a prefix or a typo less), and the
  // first results' cards the index carries for those words.
  const lookup = async (meta, q) => {
    const k = key(q);
    const [terms, firsts] = await Promise.all([
      get(`t/${shardOf(meta.shards, shardKey(k))}.json`),
      // Without it (an index of an older chunav), results come from their article files.
      get(`f/${firstFile(k, meta.firsts)}.json`).catch(() => ({ d: {}, w: {} })),
    ]);
    const { ids, scores, best, matched, rare } = walk(terms, q, k, meta.docs);
    const group = q.startsWith('=');
    if (group && matched.has(q)) for (const w of synonyms(meta).marks.get(q) || []) matched.set(w, 1);
    // id → [title, url, lang, snippet, weight], from the best-matching word that has one.
    const cards = new Map();
    for (const [word, weight] of matched) {
      // A group's own first results, not those of its names' words (INC's snippet is cut
      // around INC, the group's around the first of its names).
      if (group && word !== q) continue;
      for (const [id, snip] of Object.hasOwn(firsts.w, word) ? firsts.w[word] : []) {
        if (weight > (cards.get(id)?.[4] || 0)) cards.set(id, [...firsts.d[id], snip, weight]);
      }
    }
    return { ids, scores, matched, cards, best, titles: [firsts.d, rare] };
  };

  // Adds to `found` (a lookup) the articles of `extra` (another) at `factor` of their
  // scores: an article's better score of the two counts, and its better card.
  const absorb = (found, extra, factor) => {
    for (const id of extra.ids) {
      if (!found.scores[id]) found.ids.push(id);
      found.scores[id] = Math.max(found.scores[id], extra.scores[id] * factor);
      found.best[id] = Math.max(found.best[id], extra.best[id] * factor);
    }
    for (const [w, weight] of extra.matched) found.matched.set(w, Math.max(found.matched.get(w) || 0, weight * factor));
    for (const [id, c] of extra.cards) {
      const weight = c[4] * factor;
      if (weight > (found.cards.get(id)?.[4] || 0)) found.cards.set(id, [...c.slice(0, 4), weight]);
    }
    found.titles.push(...extra.titles);
  };

  // The meta file's groups of synonyms (party names, BJP/भाजपा/भारतीय जनता पार्टी; see
  // src/search/synonyms.rs): a query's phrase of a group is looked up as the group's word.
  // A phrase typed in Latin letters also matches by loose key (bhajpa = भाजपा), and then
  // by its key's consonants (bhartiya janta party = भारतीय जनता पार्टी), when one group
  // alone has it. A word that is part of the names of a few groups and is no name of its
  // own (samajwadi, bahujan) also finds the one of them the most articles have.
  const PART_OF_AT_MOST = 6;
  // A key's consonants and i for y (keys of four letters or more): where romanised names
  // differ in inherent vowels (bhartiya, bharatiya) and a final y (party, पार्टी parti).
  const looseKey = (k) => (k.length >= 4 ? unschwa(k) : `=${k}`);
  let groups = null;
  const synonyms = (meta) => {
    if (groups?.meta === meta) return groups;
    groups = { meta, forms: [new Map(), new Map(), new Map()], marks: new Map(), part: new Map() };
    const add = (map, first, entry) => {
      if (!map.has(first)) map.set(first, []);
      map.get(first).push(entry);
    };
    const inGroups = new Map(); // a word, or `~` and its key → the groups one of whose phrases has it
    const whole = new Set(); // words that are a phrase of their own
    for (const [token, phrases, marks] of meta.syn || []) {
      groups.marks.set(token, marks);
      for (const phrase of phrases) {
        const ws = phrase.split(' ');
        const ks = ws.map(key);
        [ws, ks, ks.map(looseKey)].forEach((forms, f) => add(groups.forms[f], forms[0], [forms, token]));
        if (ws.length === 1) {
          whole.add(ws[0]);
          whole.add(`~${ks[0]}`);
        }
        for (const [j, w] of ws.entries()) {
          for (const form of [w, `~${ks[j]}`]) {
            if (!inGroups.has(form)) inGroups.set(form, new Set());
            inGroups.get(form).add(token);
          }
        }
      }
    }
    // पार्टी and party are in the names of dozens of parties, भारतीय in many.
    for (const [form, tokens] of inGroups) {
      const word = form.startsWith('~') ? form.slice(1) : form;
      if (tokens.size <= PART_OF_AT_MOST && !whole.has(form) && key(word).length >= 3) groups.part.set(form, [...tokens]);
    }
    for (const map of groups.forms) {
      for (const list of map.values()) list.sort((x, y) => y[0].length - x[0].length);
    }
    return groups;
  };
  const isLatin = (w) => /^[a-z0-9]*[a-z][a-z0-9]*$/.test(w);
  // The query's words as what is looked up, each a list of alternatives: a group's word for
  // a phrase of the group; the word itself, and perhaps groups it is part of, for the others.
  const withSynonyms = (meta, qs) => {
    const { forms, part } = synonyms(meta);
    const ks = qs.map((q) => (isLatin(q) ? key(q) : null));
    // The query's words as each kind of phrase form compares them: as folded, by key, by
    // loose key (the last two for words in Latin letters only).
    const query = [qs, ks, ks.map((k) => k && looseKey(k))];
    const phraseAt = (i) => {
      for (const [f, map] of forms.entries()) {
        const at = query[f];
        if (!at[i]) continue;
        const found = (map.get(at[i]) || []).filter(([ws]) => ws.every((w, j) => at[i + j] === w));
        const longest = found.filter(([ws]) => ws.length === found[0]?.[0].length);
        // Folded, the site's own phrases are each one group's; by key, only a match one
        // group alone has counts.
        if (longest.length && (f === 0 || new Set(longest.map(([, t]) => t)).size === 1)) return longest[0];
      }
      return null;
    };
    const out = [];
    const seen = new Set();
    for (let i = 0; i < qs.length;) {
      const hit = phraseAt(i);
      const alternatives = hit ? [hit[1]] : [qs[i], ...(part.get(qs[i]) || (ks[i] && part.get(`~${ks[i]}`)) || [])];
      if (!seen.has(alternatives.join(' '))) out.push(alternatives);
      seen.add(alternatives.join(' '));
      i += hit ? hit[0].length : 1;
    }
    return out;
  };

  // Two words typed apart that the site may write as one (राम नगर, ram nagar: रामनगर;
  // romanised, the Hindi compound's key): [place of the first, the two joined], for each
  // pair of neighbouring words of the query that are neither a group's phrase nor a number.
  // Words of two scripts are joined by their keys.
  const compounds = (alternatives) => {
    const out = [];
    for (let i = 0; i + 1 < alternatives.length; i += 1) {
      const [a, b] = [alternatives[i][0], alternatives[i + 1][0]];
      if ([a, b].some((w) => w.startsWith('=') || /^[0-9]/.test(w))) continue;
      const joined = isLatin(a) === isLatin(b) ? words(fold(a + b)) : [key(a) + key(b)];
      if (joined.length === 1) out.push([i, joined[0]]);
    }
    return out;
  };

  // One query word looked up as any of its alternatives: the word itself, and of the groups
  // it is part of the name of, the one far more articles have than any other; an article's
  // best score of the two counts, the group's as a loose match (0.8) would.
  const PART = 0.8;
  // A group is the one a word stands for when it has RIVAL times the articles of the next.
  const RIVAL = 5;
  const lookupAny = async (meta, alternatives) => {
    const [found, ...parts] = await Promise.all(alternatives.map((q) => lookup(meta, q)));
    if (!parts.length) return found;
    // The group most articles have, unless another is not far behind (भारतीय: BJP and
    // Congress both): then the word stands for neither.
    parts.sort((x, y) => y.ids.length - x.ids.length);
    const f = parts[0];
    if (parts.length > 1 && parts[1].ids.length * RIVAL > f.ids.length) return found;
    // Nor when more articles have the word itself than the group: then it is a common word
    // that a small party's name happens to have (जन of सभी जन पार्टी).
    if (f.ids.length <= found.ids.length) return found;
    absorb(found, f, PART);
    return found;
  };

  // Every article that has every word of the query, best first (newest first on a tie).
  // When none has every word (`kanpur ka result`), the articles with the most of them, then
  // the best scores; `partial` says so.
  const rank = (found, docs) => {
    const count = new Uint16Array(docs); // how many of the query's words an article has
    const total = new Float64Array(docs);
    // The articles with every word are among those of the rarest one: a common word's
    // thousands of postings are only looked up in, not walked. (Plain loops: a phone runs
    // this over thousands of ids on the first query, before any of it is compiled.)
    const rarest = found.reduce((a, f) => (f.ids.length < a.ids.length ? f : a), found[0]);
    const hits = [];
    for (const id of rarest.ids) {
      let sum = 0;
      let every = true;
      for (const f of found) {
        const score = f.scores[id];
        if (!(score > 0)) { every = false; break; }
        sum += score;
      }
      if (!every) continue;
      hits.push(id);
      count[id] = found.length;
      total[id] = sum;
    }
    const partial = !hits.length && found.length > 1;
    if (partial) {
      for (const f of found) {
        for (const id of f.ids) {
          if (!count[id]) hits.push(id);
          count[id] += 1;
          total[id] += f.scores[id];
        }
      }
    }
    return { ids: bestFirst(hits, count, total), partial };
  };

  // `hits` (as `length` and `slice`) by how many words (`count`), then score (`total`),
  // then newest (ids are oldest first, so the higher id) — one number per article (count, the total in
  // ten-thousandths, the id): a typed array's own sort is many times faster on a phone
  // than a comparator called for every pair of a common word's thousands of articles.
  // 2^20 ids (a million articles) and totals below 2^21 ten-thousandths keep the number
  // below 2^53 with up to 1,023 words in front.
  const ID_SPAN = 2 ** 20;
  const bestFirst = (hits, count, total) => {
    const keys = new Float64Array(hits.length);
    for (let i = 0; i < hits.length; i += 1) {
      const id = hits[i];
      const score = Math.min(ID_SPAN * 2 - 1, Math.round(total[id] * 1e4));
      keys[i] = (Math.min(count[id], 1023) * ID_SPAN * 2 + score) * ID_SPAN + id;
    }
    // The first page is picked in one pass over the keys; the whole list is sorted only
    // when a later page is asked for (a common word's thousands were sorted on every query).
    // (Newest first: on a tie the newer ranks higher, so most keys then fall below the
    // tenth at once.)
    const top = new Float64Array(PAGE);
    let n = 0;
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const k = keys[i];
      if (n === PAGE && k < top[PAGE - 1]) continue;
      let at = n < PAGE ? n : PAGE - 1;
      while (at > 0 && top[at - 1] < k) {
        top[at] = top[at - 1];
        at -= 1;
      }
      top[at] = k;
      if (n < PAGE) n += 1;
    }
    const first = Array.from(top.subarray(0, n), (k) => k % ID_SPAN);
    let sorted = null;
    const all = () => {
      if (!sorted) {
        keys.sort();
        sorted = new Array(keys.length);
        for (let i = 0; i < keys.length; i += 1) sorted[i] = keys[keys.length - 1 - i] % ID_SPAN;
      }
      return sorted;
    };
    return {
      length: keys.length,
      slice: (from, to) => (to <= first.length || first.length === keys.length ? first : all()).slice(from, to),
    };
  };

  // The folded index word a piece of page text is: cards repeat words, and folding costs.
  const seen = new Map();
  const foldedWord = (piece) => {
    if (!seen.has(piece)) {
      if (seen.size > 20000) seen.clear();
      seen.set(piece, asWord(fold(piece)));
    }
    return seen.get(piece);
  };

  // `text` as DOM nodes (never as HTML), the matched words inside <mark>: all of it, or
  // from word `from` to word `to` with "…" where text was left out.
  const highlighted = (text, matched, ws, from = 0, to = Infinity) => {
    const whole = to === Infinity;
    const frag = document.createDocumentFragment();
    // The text between marks goes in as one node: a node per word cost a throttled phone
    // most of a card's time, and its layout more.
    let plain = '';
    let at = whole || !ws.length ? 0 : ws[from][0];
    if (at > 0) plain = '… ';
    for (let i = from; i <= to && i < ws.length; i += 1) {
      const [s, e] = ws[i];
      const piece = text.slice(s, e);
      if (matched.has(foldedWord(piece))) {
        plain += text.slice(at, s);
        if (plain) frag.append(plain);
        plain = '';
        const mark = document.createElement('mark');
        mark.textContent = piece;
        frag.append(mark);
      } else {
        plain += text.slice(at, e);
      }
      at = e;
    }
    if (whole) plain += text.slice(at);
    else if (!ws.length) plain += text.slice(0, 160);
    else if (at < text.length) plain += ' …';
    if (plain) frag.append(plain);
    return frag;
  };
  const wordSpans = (text) => spans(text, true);
  // Around the first place where the best-matching word of `own` (the index words of the
  // query word the article matches best, the first such in the query) occurs: in the text,
  // else the description, else the tags. The other words of the query are marked too.
  // (src/search/snippet.rs cuts the same windows for the first results.)
  const snippet = (doc, matched, own) => {
    let best = null;
    const folded = new Map(); // the words of a text repeat: fold each once
    for (const text of [doc.x, doc.d, (doc.g || []).join(' · ')]) {
      const ws = wordSpans(text);
      for (const [i, [s, e]] of ws.entries()) {
        const piece = text.slice(s, e);
        if (!folded.has(piece)) folded.set(piece, own.get(foldedWord(piece)) || 0);
        const weight = folded.get(piece);
        if (weight > (best?.weight || 0)) best = { text, ws, i, weight };
        if (weight === 1) break; // no word matches better: its first place it is
      }
      if (best?.weight === 1) break;
    }
    if (best) return highlighted(best.text, matched, best.ws, Math.max(0, best.i - 6), best.i + 14);
    const text = doc.d || doc.x;
    const ws = wordSpans(text);
    return highlighted(text, matched, ws, 0, 20);
  };

  // A result's card: from its article file `doc`, or from the index's first results
  // (`first`: title, url, lang, snippet).
  const card = (doc, matched, first, own) => {
    if (first) doc = { t: first[0], u: first[1], l: first[2] };
    const li = document.createElement('li');
    li.className = 'card';
    li.lang = doc.l;
    const h = document.createElement('h2');
    const a = document.createElement('a');
    a.href = form.dataset.root + doc.u;
    a.append(highlighted(doc.t, matched, wordSpans(doc.t)));
    h.append(a);
    const p = document.createElement('p');
    if (first) {
      if (first[3] !== null) p.append(highlighted(first[3], matched, wordSpans(first[3])));
    } else {
      p.append(snippet(doc, matched, own));
    }
    li.append(h, p);
    return li;
  };

  // 1,23,456: Indian grouping by hand (toLocaleString's first call costs a phone 100 ms
  // and more, loading locale data).
  const grouped = (n) => {
    const digits = String(n);
    if (digits.length <= 3) return digits;
    return `${digits.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ',')},${digits.slice(-3)}`;
  };

  let current = 0;
  let moreButton = null;
  const say = (n, partial) => {
    const words = partial ? 'some' : n === 1 ? 'one' : 'many';
    status.textContent = (form.dataset[words] || '{n}').replace('{n}', grouped(n));
  };

  // Shows results [from, from + PAGE) of `ids` in order: at once those the index's first
  // results carry (`cards`), and those whose title and address a fetched first-results
  // file has (`titles`) with their snippet to follow; the others as soon as their article
  // file (and the ones before it) arrived; gives up as soon as a newer query started.
  const show = async (ticket, ids, from, matched, cards, titles, own) => {
    const shown = ids.slice(from, from + PAGE);
    let i = 0;
    const waiting = new Map(); // article id → its card, whose snippet is to come
    // Appends the cards of results i up to `end` that need no article file, up to the
    // first that does.
    const ready = (end) => {
      const cardsNow = document.createDocumentFragment();
      for (; i < Math.min(end, shown.length); i += 1) {
        const id = shown[i];
        if (cards.has(id)) cardsNow.append(card(null, matched, cards.get(id)));
        else if (titles.has(id)) {
          const li = card(null, matched, [...titles.get(id), null]);
          waiting.set(id, li);
          cardsNow.append(li);
        } else break;
      }
      out.append(cardsNow);
    };
    // The first screen's cards go in alone: drawing and laying out all ten (a throttled
    // phone: 15 ms and 30 ms) would hold back the first ones.
    ready(SCREEN);
    // They are painted before the article files of the others are asked for (each request
    // costs the main thread a little), those of the first screen first, and before the
    // other cards that need none are drawn.
    if (i > 0 && (i < shown.length || waiting.size)) {
      await new Promise((resolve) => {
        requestAnimationFrame(() => setTimeout(resolve));
        setTimeout(resolve, 100); // a hidden tab has no frames
      });
      if (ticket !== current) return;
    }
    const wanted = shown.filter((id) => !cards.has(id));
    const docs = new Map(wanted.slice(0, SCREEN).map((id) => [id, get(`d/${id}.json`)]));
    const rest = () => { for (const id of wanted.slice(SCREEN)) docs.set(id, get(`d/${id}.json`)); };
    if (wanted.length <= SCREEN) rest();
    ready(shown.length);
    for (const [id, li] of waiting) {
      const d = await docs.get(id);
      if (ticket !== current) return;
      li.querySelector('p').append(snippet(d, matched, own(id)));
      if (docs.size === SCREEN) rest();
    }
    for (; i < shown.length; i += 1) {
      const d = cards.has(shown[i]) ? null : await docs.get(shown[i]);
      if (ticket !== current) return;
      out.append(card(d, matched, cards.get(shown[i]), own(shown[i])));
      if (docs.size === SCREEN && wanted.length > SCREEN) rest();
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
        show(ticket, ids, from + PAGE, matched, cards, titles, own).then(() => out.children[next]?.querySelector('a')?.focus());
      });
      out.after(moreButton);
    }
  };

  // The address follows what is typed, once typing pauses: replaceState costs a phone tens
  // of milliseconds, which would otherwise delay every keystroke's requests.
  // Nor while a query's results are still coming in: then it follows once they are in.
  let addressTimer = 0;
  let addressDue = false;
  let showing = false;
  const addressNow = () => {
    showing = false;
    if (!addressDue) return;
    addressDue = false;
    const url = new URL(location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value.trim()); else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  };
  const followAddress = () => {
    clearTimeout(addressTimer);
    showing = true;
    addressTimer = setTimeout(() => {
      addressDue = true;
      if (!showing) addressNow();
    }, 400);
  };

  const run = async () => {
    current += 1;
    const ticket = current;
    const qs = [...new Set(words(fold(input.value)))];
    followAddress();
    if (!qs.length) {
      out.replaceChildren();
      moreButton?.remove();
      status.textContent = '';
      addressNow();
      return;
    }
    try {
      // The requests go out first; everything else waits for them.
      const meta = await get('meta.json');
      const alternatives = withSynonyms(meta, qs);
      const joined = compounds(alternatives);
      // A compound's files are asked for in the same round as the words' own.
      const [found, apart] = await Promise.all([
        Promise.all(alternatives.map((alts) => lookupAny(meta, alts))),
        Promise.all(joined.map(([, w]) => lookup(meta, w))),
      ]);
      if (ticket !== current) return;
      // An article with the compound has both its words.
      joined.forEach(([i], n) => {
        absorb(found[i], apart[n], 1);
        absorb(found[i + 1], apart[n], 1);
      });
      const { ids, partial } = rank(found, meta.docs);
      const matched = new Map(found.flatMap((f) => [...f.matched]));
      // The query word an article's snippet is cut around: the one it matches best, the
      // first such in the query. A card from the index only when its snippet is for that
      // word, as the article file's card would be.
      const owner = (id) => {
        const best = Math.max(...found.map((f) => f.best[id]));
        return found.find((f) => f.best[id] === best);
      };
      const own = (id) => owner(id).matched;
      const cards = new Map();
      for (const f of found) {
        for (const [id, c] of f.cards) {
          if (owner(id) === f && c[4] >= f.best[id] && c[4] > (cards.get(id)?.[4] || 0)) cards.set(id, c);
        }
      }
      out.replaceChildren();
      moreButton?.remove();
      moreButton = null;
      // Titles and addresses of other articles the fetched first-results files carry.
      const titles = new Map();
      for (const f of found) for (const d of f.titles) for (const id in d) titles.set(Number(id), d[id]);
      say(ids.length, partial);
      await show(ticket, ids, 0, matched, cards, titles, own);
    } catch (e) {
      if (ticket === current) status.textContent = form.dataset.failed || String(e);
    } finally {
      if (ticket === current) addressNow();
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
  // Nothing is fetched until the reader turns to the box (the page itself stays light);
  // the meta file is then in before the first word is typed.
  // While the reader types the first letter, the code a query runs is run once on a sample
  // (a phone's first run of it, compiling its regular expressions, costs tens of ms).
  const warm = () => {
    const sample = 'कानपुर Kanpur 4,22,087';
    for (const w of words(fold(sample))) firstFile(shardKey(key(w)), 7);
    highlighted(sample, new Map([['kanpur', 1]]), wordSpans(sample));
  };
  // …and, on made-up postings, the code that walks, merges and ranks a common word's
  // thousands of them: run cold, it costs a phone's first query tens of milliseconds.
  const warmRanking = () => {
    const docs = 4096;
    const postings = Array.from({ length: 3000 }, (_, i) => (i ? 8 : 0) + 1 + (i % 4));
    const terms = [['kanpur', 'kanpur', postings, null], ['kanpuri', 'kanpuri', postings.slice(0, 900), null]];
    const found = (q) => ({ ...walk(terms, q, q, docs), cards: new Map(), titles: [] });
    for (let n = 0; n < 3; n += 1) {
      const a = found('kanpur');
      absorb(a, found('kanpura'), PART);
      rank([a, found('kanpuri')], docs);
      rank([a, found('lucknow')], docs);
    }
  };
  input.addEventListener('focus', () => {
    // The groups' keys are computed once the meta file is in, before a query needs them.
    get('meta.json').then((meta) => setTimeout(() => synonyms(meta))).catch(() => {});
    setTimeout(warm);
    setTimeout(warmRanking);
  }, { once: true });
  const q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; run(); }
})();
