// A deterministic site of N election explainers for the search bench: node corpus.mjs DIR N
// writes DIR/site.toml and DIR/content/, nine in ten articles in Hindi and one in ten in
// English, about generated places and people whose Hindi and English spellings are known,
// and DIR/queries.json: queries with the articles a reader would want for each (the
// articles *about* that place, person or figure, in either language).
import fs from 'node:fs';
import path from 'node:path';

const [dir, count = '10000'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node corpus.mjs DIR [N]');
const N = Number(count);

// mulberry32: the same numbers on every machine.
let seed = 20240604;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];

// [Hindi, English]: place parts with nukta, anusvara, chandrabindu and conjuncts.
const PREFIXES = [
  ['राम', 'Ram'], ['श्याम', 'Shyam'], ['गंगा', 'Ganga'], ['चाँद', 'Chand'], ['फ़तेह', 'Fateh'],
  ['इंद्र', 'Indra'], ['लक्ष्मी', 'Lakshmi'], ['ज़फ़र', 'Zafar'], ['बहादुर', 'Bahadur'], ['सुल्तान', 'Sultan'],
  ['शिव', 'Shiv'], ['हरि', 'Hari'], ['माधव', 'Madhav'], ['गोविंद', 'Govind'], ['किशन', 'Kishan'],
  ['मोहन', 'Mohan'], ['सीता', 'Sita'], ['नारायण', 'Narayan'], ['प्रताप', 'Pratap'], ['विजय', 'Vijay'],
  ['अकबर', 'Akbar'], ['शेख़', 'Shekh'], ['बिशन', 'Bishan'], ['देव', 'Dev'], ['भीम', 'Bhim'],
  ['धर्म', 'Dharm'], ['चंद्र', 'Chandra'], ['सूरज', 'Suraj'], ['कमल', 'Kamal'], ['जगत', 'Jagat'],
  ['रत्न', 'Ratan'], ['बलराम', 'Balram'], ['अमर', 'Amar'], ['नवाब', 'Nawab'], ['मुराद', 'Murad'],
  ['ख़ैर', 'Khair'], ['सिकंदर', 'Sikandar'], ['दौलत', 'Daulat'], ['हसन', 'Hasan'], ['कृष्ण', 'Krishna'],
];
const SUFFIXES = [
  ['पुर', 'pur'], ['नगर', 'nagar'], ['गंज', 'ganj'], ['गढ़', 'garh'], ['खेड़ा', 'kheda'],
  ['घाट', 'ghat'], ['कोट', 'kot'], ['बाग़', 'bagh'],
];
const FIRST = [
  ['रमेश', 'Ramesh'], ['आलोक', 'Alok'], ['सुनीता', 'Sunita'], ['अखिलेश', 'Akhilesh'], ['प्रियंका', 'Priyanka'],
  ['महेश', 'Mahesh'], ['सलमा', 'Salma'], ['इरफ़ान', 'Irfan'], ['अनिल', 'Anil'], ['कविता', 'Kavita'],
  ['राजेश', 'Rajesh'], ['पूनम', 'Poonam'], ['संजय', 'Sanjay'], ['ज़ीनत', 'Zeenat'], ['विनोद', 'Vinod'],
  ['मीरा', 'Meera'], ['अशोक', 'Ashok'], ['रेखा', 'Rekha'], ['दिनेश', 'Dinesh'], ['शबाना', 'Shabana'],
];
const LAST = [
  ['अवस्थी', 'Awasthi'], ['मिश्रा', 'Mishra'], ['यादव', 'Yadav'], ['शुक्ला', 'Shukla'], ['त्रिपाठी', 'Tripathi'],
  ['वर्मा', 'Verma'], ['ख़ान', 'Khan'], ['सिंह', 'Singh'], ['चौहान', 'Chauhan'], ['पांडेय', 'Pandey'],
  ['दीक्षित', 'Dixit'], ['क़ुरैशी', 'Qureshi'], ['गुप्ता', 'Gupta'], ['निषाद', 'Nishad'], ['सैनी', 'Saini'],
  ['जायसवाल', 'Jaiswal'], ['कुशवाहा', 'Kushwaha'], ['राजपूत', 'Rajput'], ['बाजपेयी', 'Bajpai'], ['तिवारी', 'Tiwari'],
];
const PARTIES = [['भाजपा', 'BJP'], ['कांग्रेस', 'Congress'], ['सपा', 'SP'], ['बसपा', 'BSP']];
const STATES = ['up', 'bihar', 'mp', 'rajasthan'];

// Indian grouping: 422087 → 4,22,087.
const inr = (n) => {
  const s = String(n);
  if (s.length <= 3) return s;
  const head = s.slice(0, -3);
  return `${head.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${s.slice(-3)}`;
};

const HI_FILLER = [
  'मतदान केंद्रों पर सुबह से लंबी कतारें दिखीं और दोपहर तक आधे से ज़्यादा वोट पड़ चुके थे।',
  'पिछले चुनाव की तुलना में इस बार युवा मतदाताओं की भागीदारी बढ़ी।',
  'ग्रामीण इलाक़ों में सड़क, पानी और बिजली मुख्य मुद्दे रहे।',
  'शहरी वार्डों में महँगाई और रोज़गार पर ज़्यादा बात हुई।',
  'प्रत्याशियों ने आख़िरी हफ़्ते में घर-घर जाकर प्रचार किया।',
  'गिनती के दौरान कई दौर तक मुक़ाबला कड़ा रहा।',
  'निर्वाचन आयोग के आँकड़ों के मुताबिक़ डाक मतपत्रों की संख्या भी पिछली बार से अधिक रही।',
  'स्थानीय व्यापारियों ने बाज़ार के लिए नई योजनाओं की माँग रखी।',
  'किसानों के संगठन ने फ़सल की क़ीमत को चुनावी मुद्दा बनाया।',
  'महिला मतदाताओं का मत प्रतिशत पुरुषों से थोड़ा ऊपर रहा।',
  'विधानसभा क्षेत्रवार नतीजे बताते हैं कि शहर और गाँव ने अलग-अलग ढंग से वोट दिया।',
  'दोनों प्रमुख दलों ने अपने-अपने गढ़ बचाए, पर बीच के इलाक़ों में पाला बदला।',
];
const EN_FILLER = [
  'Queues formed at polling stations from early morning, and more than half the votes were cast by noon.',
  'Turnout among young voters rose compared with the previous election.',
  'Roads, water and electricity dominated the campaign in rural areas.',
  'In the urban wards, prices and jobs were talked about more.',
  'Candidates went door to door in the final week of campaigning.',
  'The count stayed close for several rounds.',
  'Election Commission figures show more postal ballots than last time.',
  'Farmers’ groups made crop prices an election issue.',
];

// A vocabulary of 60,000 made-up words with Zipf-like frequencies, so that the index has
// as many distinct words as a real 10,000-article site and the text compresses about as
// well as prose (the filler sentences alone would repeat far too much).
const CONS = [...'कखगघचछजझटठडढतथदधनपफबभमयरलवशसह'];
const MATRAS = ['', '\u093e', '\u093f', '\u0940', '\u0941', '\u0942', '\u0947', '\u0948', '\u094b', '\u0902'];
const LATIN = ['ka', 'ri', 'mo', 'tu', 'sa', 'le', 'pa', 'dhi', 'go', 'na', 'vi', 'ja', 'bu', 'che', 'ra', 'shi'];
const VOCAB = 60000;
const made = (k, english) => {
  let word = '';
  let n = k * 7 + 330 * 330; // three syllables or four, like Hindi words
  while (n > 0) {
    if (english) word += LATIN[n % LATIN.length];
    else word += CONS[n % CONS.length] + MATRAS[Math.floor(n / CONS.length) % MATRAS.length];
    n = Math.floor(n / (english ? LATIN.length : CONS.length * MATRAS.length));
  }
  return word;
};
const zipfWord = (english) => made(Math.floor(VOCAB ** rand()) - 1, english);
const madeSentence = (english) => `${Array.from({ length: 14 }, () => zipfWord(english)).join(' ')}${english ? '.' : '।'}`;

const articles = [];
const places = PREFIXES.flatMap((p) => SUFFIXES.map((s) => ({ hi: p[0] + s[0], en: p[1] + s[1] })));
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(path.join(dir, 'content'), { recursive: true });
fs.writeFileSync(path.join(dir, 'site.toml'), `title = "खोज परीक्षण: ${N} लेख"
description = "search-bench.sh का बनाया साइट"
base_url = "https://example.github.io/bench/"
language = "hi"

# The parties, as a newsroom's site.toml lists them: search finds each by any of its names.
[parties.BJP]
name = "भारतीय जनता पार्टी"
short = "भाजपा"
en = { name = "Bharatiya Janata Party", short = "BJP" }

[parties.INC]
name = "भारतीय राष्ट्रीय कांग्रेस"
short = "कांग्रेस"
en = { name = "Indian National Congress", short = "Congress" }

[parties.SP]
name = "समाजवादी पार्टी"
short = "सपा"
en = { name = "Samajwadi Party", short = "SP" }

[parties.BSP]
name = "बहुजन समाज पार्टी"
short = "बसपा"
en = { name = "Bahujan Samaj Party", short = "BSP" }
`);
fs.writeFileSync(path.join(dir, 'content/_index.md'), '+++\ntitle = "चुनाव लेख"\n+++\n');
for (const state of STATES) {
  fs.mkdirSync(path.join(dir, 'content', state), { recursive: true });
  fs.writeFileSync(path.join(dir, 'content', state, '_index.md'), `+++\ntitle = "${state}"\n+++\n`);
}

for (let i = 0; i < N; i += 1) {
  const place = places[i % places.length];
  const neighbour = places[(i * 7 + 3) % places.length];
  const first = FIRST[Math.floor(i / 3) % FIRST.length];
  const last = LAST[(i * 3 + Math.floor(i / 60)) % LAST.length];
  const party = PARTIES[i % PARTIES.length];
  const rival = PARTIES[(i + 1) % PARTIES.length];
  const votes = 200000 + ((i * 7919) % 400000); // 7919 is prime: distinct below 400,000 articles
  const margin = 1000 + ((i * 104729) % 90000);
  const year = 2014 + 5 * (i % 3);
  const english = (i + Math.floor(i / places.length)) % 10 === 9; // one in ten, for every place
  const state = STATES[i % STATES.length];
  const slug = `${english ? 'en-' : ''}${place.en.toLowerCase()}-${i}`;
  const date = `${year}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const name = english ? `${first[1]} ${last[1]}` : `${first[0]} ${last[0]}`;
  let title;
  let description;
  let body;
  if (english) {
    title = `${place.en}: ${name} of the ${party[1]} wins by ${inr(margin)} votes`;
    description = `How ${place.en} voted in ${year}, and what changed from the last election in ${neighbour.en}`;
    body = [`## Result in ${place.en}`, `${name} polled ${inr(votes)} votes in ${place.en}, ahead of the ${rival[1]} candidate by ${inr(margin)}.`];
    for (let p = 0; p < 10; p += 1) body.push([pick(EN_FILLER), madeSentence(true), pick(EN_FILLER), madeSentence(true)].join(' '));
    body.splice(6, 0, `## Neighbouring ${neighbour.en}`, `In neighbouring ${neighbour.en} the ${rival[1]} held on.`);
  } else {
    title = `${place.hi}: ${party[0]} के ${name} ${inr(margin)} वोट से जीते`;
    description = `${year} में ${place.hi} ने कैसे वोट दिया, और पड़ोसी ${neighbour.hi} से क्या अलग रहा`;
    body = [`## ${place.hi} का नतीजा`, `${name} को ${place.hi} में ${inr(votes)} वोट मिले, ${rival[0]} प्रत्याशी से ${inr(margin)} ज़्यादा।`];
    for (let p = 0; p < 10; p += 1) body.push([pick(HI_FILLER), madeSentence(false), pick(HI_FILLER), madeSentence(false)].join(' '));
    body.splice(6, 0, `## पड़ोसी ${neighbour.hi}`, `पड़ोसी ${neighbour.hi} में ${rival[0]} ने अपनी सीट बचाई।`);
  }
  const tags = english ? [place.en, party[1], `Lok Sabha ${year}`] : [place.hi, party[0], `लोकसभा ${year}`];
  const front = `+++\ntitle = ${JSON.stringify(title)}\ndescription = ${JSON.stringify(description)}\ndate = ${date}\n${english ? 'lang = "en"\n' : ''}tags = ${JSON.stringify(tags)}\n+++\n\n`;
  fs.writeFileSync(path.join(dir, 'content', state, `${slug}.md`), front + body.join('\n\n') + '\n');
  articles.push({ url: `${state}/${slug}/`, place, first, last, votes, english, year, party });
}

// Queries with the articles they are about.
const about = (test) => articles.filter(test).map((a) => a.url);
const queries = [];
const add = (cls, q, relevant, set) => queries.push({ class: cls, q, relevant, ...(set ? { set } : {}) });
for (const k of [5, 77, 201]) {
  const p = places[k];
  add('hindi', p.hi, about((a) => a.place === p));
  add('romanised', p.en.toLowerCase(), about((a) => a.place === p));
}
const withAnusvara = places.find((p) => p.hi.includes('ं'));
add('variant', withAnusvara.hi.replace('ं', 'ँ'), about((a) => a.place === withAnusvara));
const withNukta = places.find((p) => p.hi.includes('़'));
add('variant', withNukta.hi.replace(/\u093c/g, ''), about((a) => a.place === withNukta));
const typo = places[44];
add('variant', typo.en.toLowerCase().replace(/a/, 'aa'), about((a) => a.place === typo));
add('english', `${places[130].en} result`, about((a) => a.place === places[130]));
const person = articles[1234 % N];
add('name', `${person.first[0]} ${person.last[0]}`, about((a) => a.first === person.first && a.last === person.last));
add('name', `${person.first[1]} ${person.last[1]}`.toLowerCase(), about((a) => a.first === person.first && a.last === person.last));
for (const k of [42 % N, 4321 % N]) add('number', inr(articles[k].votes), about((a) => a.votes === articles[k].votes));
add('number', String(articles[777 % N].votes), about((a) => a.votes === articles[777 % N].votes));
// Written afterwards from a reader's side, before they were ever run: a compound typed as
// two words, a Hindi query with a nukta left out and a second word, a misspelt surname,
// a place with a year, digits in Devanagari, a conjunct nasal spelt out.
const compound = places.find((p) => p.en.endsWith('nagar') && /^[A-Z][a-z]+nagar$/.test(p.en));
add('variant', compound.en.replace(/nagar$/, ' nagar').toLowerCase(), about((a) => a.place === compound), 'reader');
add('hindi', `${withNukta.hi.replace(/\u093c/g, '')} नतीजा`, about((a) => a.place === withNukta), 'reader');
const tripathi = articles.find((a) => a.last[1] === 'Tripathi');
add('name', `${tripathi.first[1].toLowerCase()} tripathee`, about((a) => a.first === tripathi.first && a.last === tripathi.last), 'reader');
add('english', `${places[99].en} 2019`, about((a) => a.place === places[99] && a.year === 2019), 'reader');
const deva = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x966 + Number(d)));
add('number', deva(inr(articles[2024 % N].votes)), about((a) => a.votes === articles[2024 % N].votes), 'reader');
const ganga = places.find((p) => p.hi.startsWith('गंगा'));
add('variant', ganga.hi.replace('गंगा', 'गन्गा'), about((a) => a.place === ganga), 'reader');
// Parties by a name the articles do not write (they write भाजपा/BJP, सपा/SP …): the
// articles of the party's winners.
add('romanised', 'samajwadi', about((a) => a.party[1] === 'SP'));
add('hindi', 'बीजेपी', about((a) => a.party[1] === 'BJP'));
const won = articles[5 % N];
add('romanised', `${won.place.en.toLowerCase()} ${won.party[1] === 'Congress' ? 'kangres' : won.party[1].toLowerCase()}`,
  about((a) => a.place === won.place && a.party === won.party));
fs.writeFileSync(path.join(dir, 'queries.json'), `${JSON.stringify(queries, null, 1)}\n`);
console.log(`${N} articles (${articles.filter((a) => a.english).length} in English), ${queries.length} queries, in ${dir}`);
