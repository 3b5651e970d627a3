#!/usr/bin/env python3
"""Writes the benchmark corpus: N election explainers as a chunav site and as an
equivalent Hugo site, deterministic from a seed.

Each article: ~730 words of Hindi prose with English words and sentences, two results
(Lok Sabha 2019 and 2024) of its constituency with 6-12 candidates and 5 assembly
segments, a segments chart and a candidates chart. Articles on one seat share that
seat's results (as real ones would: the same figures everywhere). chunav draws its
charts from the front matter; the Hugo flavour renders the same data as tables and an
SVG bar loop in its templates.

    bench_corpus.py --articles 1000 --seed 7 --chunav DIR --hugo DIR
"""

import argparse
import os
import random
import shutil

SYLLABLES = ["का", "न", "पु", "र", "गो", "विं", "द", "सी", "सा", "मऊ", "आ", "र्य", "कि", "द",
             "वई", "कैं", "ट", "बि", "ठू", "अक", "बर", "घा", "टम", "रा", "ज", "म", "ल", "हा",
             "प्र", "या", "ग", "श्या", "ल", "खी", "नी", "ता"]
ENDINGS = ["पुर", "नगर", "गंज", "बाद", "गढ़", "पुरा", ""]
WORDS_HI = ("चुनाव मतदाता उम्मीदवार पार्टी सीट क्षेत्र नतीजा वोट बढ़त जीत हार गठबंधन प्रचार "
            "विधानसभा लोकसभा मुकाबला समर्थन मुद्दा विकास रोज़गार किसान शहर गाँव सड़क पानी "
            "बिजली युवा महिला बुज़ुर्ग मतगणना बूथ रुझान अंतर पिछला इस बार कहा बताया माना "
            "लेकिन और भी के लिए में से पर था थे रहा रही हुआ हुई है हैं कि जो वह यह उन इन "
            "सबसे ज़्यादा कम नया पुराना बड़ा छोटा स्थानीय राष्ट्रीय नेता कार्यकर्ता सभा रैली").split()
WORDS_EN = ("turnout swing margin booth counting alliance campaign candidate constituency "
            "segment voters result lead trailing seat party data desk analysis").split()
PARTIES = [
    ("BJP", "भारतीय जनता पार्टी", "भाजपा", "#FF9933"),
    ("INC", "भारतीय राष्ट्रीय कांग्रेस", "कांग्रेस", "#19AAED"),
    ("SP", "समाजवादी पार्टी", "सपा", "#E40001"),
    ("BSP", "बहुजन समाज पार्टी", "बसपा", "#22409A"),
    ("AAP", "आम आदमी पार्टी", "आप", "#0066A4"),
    ("RLD", "राष्ट्रीय लोक दल", "रालोद", "#006400"),
    ("SBSP", "सुहेलदेव भारतीय समाज पार्टी", "सुभासपा", "#FFD700"),
    ("AIMIM", "ऑल इंडिया मजलिस-ए-इत्तेहादुल मुस्लिमीन", "एआईएमआईएम", "#136B4D"),
    ("CPI", "भारतीय कम्युनिस्ट पार्टी", "भाकपा", "#CC0000"),
]
FIRST = ["राम", "श्याम", "सुनीता", "अनीता", "मोहन", "अजय", "विजय", "कमला", "रेखा", "आलोक",
         "Ravi", "Pooja", "Sanjay", "Meena", "Arvind"]
LAST = ["मिश्रा", "यादव", "शुक्ला", "वर्मा", "सिंह", "गुप्ता", "अवस्थी", "Kumar", "Sharma",
        "Khan", "Paswan"]
SEATS_PER_ARTICLES = 50  # one seat per 50 articles (at least 20 seats)


def place_name(rng, taken):
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        name += rng.choice(ENDINGS)
        if name not in taken:
            taken.add(name)
            return name


def make_seats(rng, count):
    taken = set()
    seats = []
    for i in range(count):
        name = place_name(rng, taken)
        segments = [place_name(rng, taken) for _ in range(5)]
        candidates = rng.randint(6, 12)
        results = [make_result(rng, year, segments, candidates) for year in (2019, 2024)]
        seats.append({"slug": f"seat-{i:03d}", "name": name, "segments": segments,
                      "results": results})
    return seats


def make_result(rng, year, segments, count):
    # The four big parties stand every time (so a chart can compare them across years),
    # then smaller ones, independents and NOTA.
    parties = [p[0] for p in PARTIES[:4]]
    others = [p[0] for p in PARTIES[4:]]
    rng.shuffle(others)
    parties += others[: max(0, count - 6)]
    parties += ["IND"] * (count - 1 - len(parties)) + ["NOTA"]
    candidates = []
    used = set()
    for rank, party in enumerate(parties):
        if party == "NOTA":
            name = "NOTA"
        else:
            while True:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                if name not in used:
                    used.add(name)
                    break
        scale = [400_000, 300_000, 80_000, 40_000][rank] if rank < 4 else 6_000
        by_segment = [rng.randint(scale // 10, scale // 4) for _ in segments]
        postal = rng.randint(0, max(1, sum(by_segment) // 200))
        candidates.append({"name": name, "party": party, "postal": postal,
                           "votes": sum(by_segment) + postal, "by_segment": by_segment})
    candidates.sort(key=lambda c: -c["votes"])
    return {"id": f"ls{year}", "year": year, "election": f"लोकसभा {year}",
            "candidates": candidates}


def prose(rng, words):
    out = []
    paragraph = []
    sentence = []
    for _ in range(words):
        if rng.random() < 0.15:
            sentence.append(rng.choice(WORDS_EN))
        else:
            sentence.append(rng.choice(WORDS_HI))
        if len(sentence) >= rng.randint(8, 16):
            paragraph.append(" ".join(sentence) + "।")
            sentence = []
        if len(paragraph) >= 5:
            out.append(" ".join(paragraph))
            paragraph = []
    if sentence:
        paragraph.append(" ".join(sentence) + "।")
    if paragraph:
        out.append(" ".join(paragraph))
    return out


def toml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def results_toml(seat, table):
    lines = []
    for result in seat["results"]:
        lines += [f"[[{table}]]", f'id = "{result["id"]}"',
                  f"election = {toml_str(result['election'])}", f"year = {result['year']}",
                  f"constituency = {toml_str(seat['name'])}", 'state = "उत्तर प्रदेश"',
                  "segments = [" + ", ".join(toml_str(s) for s in seat["segments"]) + "]",
                  'source = { text = "Benchmark data, generated" }', ""]
        for c in result["candidates"]:
            segs = ", ".join(f"{toml_str(s)} = {v}" for s, v in zip(seat["segments"], c["by_segment"]))
            lines += [f"[[{table}.candidates]]", f"name = {toml_str(c['name'])}",
                      f'party = "{c["party"]}"', f"votes = {c['votes']}",
                      f"postal = {c['postal']}", f"by_segment = {{ {segs} }}", ""]
    return "\n".join(lines)


def article(rng, n, seat):
    day = 1 + n % 28
    month = 1 + (n // 28) % 12
    year = 2019 + (n // 336) % 6
    date = f"{year:04d}-{month:02d}-{day:02d}"
    title = f"{seat['name']}: " + " ".join(rng.choice(WORDS_HI) for _ in range(5)) + f" ({n})"
    description = " ".join(rng.choice(WORDS_HI) for _ in range(12))
    tags = [seat["name"], rng.choice(["लोकसभा", "विश्लेषण", "मतगणना", "analysis"])]
    lang = "en" if n % 4 == 3 else "hi"
    paragraphs = prose(rng, 730)
    return {"n": n, "date": date, "title": title, "description": description,
            "tags": tags, "lang": lang, "paragraphs": paragraphs}


def winner_party(seat):
    return seat["results"][1]["candidates"][0]["party"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def chunav_site(root, seats, articles):
    lines = ['title = "चुनाव व्याख्या (बेंचमार्क)"', 'description = "बेंचमार्क साइट"',
             'base_url = "https://example.github.io/bench/"', 'language = "hi"', ""]
    for code, name, short, color in PARTIES:
        lines += [f"[parties.{code}]", f"name = {toml_str(name)}", f"short = {toml_str(short)}",
                  f'color = "{color}"', ""]
    write(f"{root}/site.toml", "\n".join(lines))
    write(f"{root}/content/_index.md", '+++\ntitle = "चुनाव व्याख्या"\n+++\n\nताज़ा विश्लेषण।\n')
    for seat in seats:
        write(f"{root}/content/{seat['slug']}/_index.md",
              f"+++\ntitle = {toml_str(seat['name'])}\n+++\n\n{seat['name']} के लेख।\n")
    for a, seat in articles:
        body = list(a["paragraphs"])
        party = winner_party(seat)
        charts = [
            f'```chart\nkind = "segments"\nparty = "{party}"\nresults = ["ls2019", "ls2024"]\n```',
            '```chart\nkind = "candidates"\nresult = "ls2024"\n```',
        ]
        half = len(body) // 2
        text = "\n\n".join(body[:half] + ["## क्षेत्रवार वोट", charts[0]] + body[half:]
                           + ["## उम्मीदवार", charts[1]])
        front = [f"title = {toml_str(a['title'])}", f"description = {toml_str(a['description'])}",
                 f"date = {a['date']}", f'lang = "{a["lang"]}"',
                 "tags = [" + ", ".join(toml_str(t) for t in a["tags"]) + "]", "",
                 results_toml(seat, "results")]
        write(f"{root}/content/{seat['slug']}/article-{a['n']:05d}.md",
              "+++\n" + "\n".join(front) + "+++\n\n" + text + "\n")


HUGO_BASEOF = """<!doctype html>
<html lang="{{ or .Params.lang "hi" }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title><link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""

HUGO_SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}
{{ $page := . }}
{{ range .Params.results }}{{ $result := . }}
{{ $total := 0 }}{{ range .candidates }}{{ $total = add $total .votes }}{{ end }}
<section><h2>{{ .election }}: {{ .constituency }}</h2>
<table><thead><tr><th>उम्मीदवार</th><th>दल</th><th>वोट</th><th>हिस्सा</th></tr></thead><tbody>
{{ range .candidates }}<tr><td>{{ .name }}</td><td>{{ .party }}</td><td>{{ lang.FormatNumberCustom 0 .votes }}</td><td>{{ printf "%.1f" (mul 100.0 (div (float .votes) $total)) }}%</td></tr>
{{ end }}</tbody></table>
{{ $top := first 2 .candidates }}{{ $max := 1 }}
{{ range $top }}{{ range .by_segment }}{{ if gt . $max }}{{ $max = . }}{{ end }}{{ end }}{{ end }}
<figure><svg viewBox="0 0 360 {{ mul (len .segments) 44 }}" role="img"><title>{{ .election }}</title>
{{ range $i, $seg := .segments }}<text x="0" y="{{ add (mul $i 44) 12 }}" font-size="12">{{ $seg }}</text>
{{ range $j, $c := $top }}{{ $v := index $c.by_segment $seg }}<rect x="120" y="{{ add (add (mul $i 44) 16) (mul $j 12) }}" width="{{ printf "%.1f" (mul 200.0 (div (float $v) $max)) }}" height="10"/><text x="{{ printf "%.1f" (add 124.0 (mul 200.0 (div (float $v) $max))) }}" y="{{ add (add (mul $i 44) 25) (mul $j 12) }}" font-size="10">{{ lang.FormatNumberCustom 0 $v }}</text>
{{ end }}{{ end }}</svg>
<table><thead><tr><th>क्षेत्र</th>{{ range $top }}<th>{{ .party }}</th>{{ end }}</tr></thead><tbody>
{{ range $seg := .segments }}<tr><td>{{ $seg }}</td>{{ range $top }}<td>{{ lang.FormatNumberCustom 0 (index .by_segment $seg) }}</td>{{ end }}</tr>{{ end }}
</tbody></table></figure></section>
{{ end }}
{{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ (printf "tags/%s/" (urlize .)) | relURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
{{ $related := where (where site.RegularPages "Section" .Section) "Permalink" "ne" .Permalink }}
<aside><h2>संबंधित</h2><ul>{{ range first 5 $related }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></aside>
</article>{{ end }}
"""

HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range first 50 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Description }}</p></li>{{ end }}</ul>{{ end }}
"""


def hugo_site(root, seats, articles):
    config = ['baseURL = "https://example.github.io/bench/"', 'title = "चुनाव व्याख्या (बेंचमार्क)"',
              'languageCode = "hi"', 'defaultContentLanguage = "hi"',
              '[taxonomies]', '  tag = "tags"']
    write(f"{root}/hugo.toml", "\n".join(config) + "\n")
    write(f"{root}/layouts/_default/baseof.html", HUGO_BASEOF)
    write(f"{root}/layouts/_default/single.html", HUGO_SINGLE)
    write(f"{root}/layouts/_default/list.html", HUGO_LIST)
    write(f"{root}/static/style.css", "body { font-family: sans-serif; }\n")
    write(f"{root}/content/_index.md", '+++\ntitle = "चुनाव व्याख्या"\n+++\n\nताज़ा विश्लेषण।\n')
    for seat in seats:
        write(f"{root}/content/{seat['slug']}/_index.md",
              f"+++\ntitle = {toml_str(seat['name'])}\n+++\n\n{seat['name']} के लेख।\n")
    for a, seat in articles:
        body = a["paragraphs"]
        half = len(body) // 2
        text = "\n\n".join(body[:half] + ["## क्षेत्रवार वोट"] + body[half:] + ["## उम्मीदवार"])
        front = [f"title = {toml_str(a['title'])}", f"description = {toml_str(a['description'])}",
                 f"date = {a['date']}", f'lang = "{a["lang"]}"',
                 "tags = [" + ", ".join(toml_str(t) for t in a["tags"]) + "]", "",
                 results_toml(seat, "results")]
        write(f"{root}/content/{seat['slug']}/article-{a['n']:05d}.md",
              "+++\n" + "\n".join(front) + "+++\n\n" + text + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunav", required=True)
    parser.add_argument("--hugo", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seats = make_seats(rng, max(20, args.articles // SEATS_PER_ARTICLES))
    articles = []
    for n in range(args.articles):
        seat = seats[n % len(seats)]
        articles.append((article(rng, n, seat), seat))
    for root in (args.chunav, args.hugo):
        shutil.rmtree(root, ignore_errors=True)
    chunav_site(args.chunav, seats, articles)
    hugo_site(args.hugo, seats, articles)


if __name__ == "__main__":
    main()
