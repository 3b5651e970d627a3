// chunav site search: loads search-index.json (written by `chunav build`) and matches
// every word of the query, Hindi or English, against titles, descriptions and text.
(() => {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const out = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!form || !input || !out) return;
  // Nukta forms, ZWJ/ZWNJ and case do not change what a reader means.
  const NUKTA = { 'क़': 'क', 'ख़': 'ख', 'ग़': 'ग', 'ज़': 'ज', 'ड़': 'ड', 'ढ़': 'ढ', 'फ़': 'फ', 'य़': 'य' };
  const fold = (s) => s.normalize('NFC').replace(/[\u200c\u200d]/g, '').replace(/\u093c/g, '')
    .replace(/[क़ख़ग़ज़ड़ढ़फ़य़]/g, (c) => NUKTA[c]).toLowerCase();
  let index = null;
  const load = () => index || (index = fetch(form.dataset.index).then((r) => r.json())
    .then((items) => items.map((e) => ({ ...e, f: fold(`${e.t} ${e.d} ${e.x}`), ft: fold(e.t) }))));
  const snippet = (text, word) => {
    const i = fold(text).indexOf(word);
    if (i < 0) return text.slice(0, 160);
    const start = Math.max(0, i - 60);
    return (start > 0 ? '… ' : '') + text.slice(start, start + 180) + ' …';
  };
  const run = async () => {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    out.replaceChildren();
    if (!words.length) { status.textContent = ''; return; }
    const items = await load();
    const hits = items.filter((e) => words.every((w) => e.f.includes(w)))
      .map((e) => ({ e, score: words.filter((w) => e.ft.includes(w)).length }))
      .sort((a, b) => b.score - a.score);
    status.textContent = (form.dataset[hits.length === 1 ? 'one' : 'many'] || '').replace('{n}', hits.length);
    for (const { e } of hits) {
      const li = document.createElement('li');
      li.className = 'card';
      li.lang = e.l;
      const h = document.createElement('h2');
      const a = document.createElement('a');
      a.href = form.dataset.root + e.u;
      a.textContent = e.t;
      h.append(a);
      const p = document.createElement('p');
      p.textContent = snippet(e.x, words[0]);
      li.append(h, p);
      out.append(li);
    }
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); run(); });
  input.addEventListener('input', run);
  const q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; run(); }
})();
