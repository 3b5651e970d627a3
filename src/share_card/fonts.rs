//! The card's four faces (Noto Sans Devanagari and Noto Sans, regular and bold), bundled
//! with `include_bytes!` so a card looks the same on every machine.
//!
//! resvg's own font fallback gives up on a line that mixes scripts (it re-shapes the whole
//! line with the fallback face and keeps the result only when the glyph counts match, which
//! conjuncts never do), so Devanagari comes out as boxes. The card therefore never relies on
//! it: every line is cut into runs here, each run names exactly one face, and it is measured
//! with the same shaping rules resvg uses (rustybuzz, the HarfBuzz port resvg's harfrust
//! grew from: the card tests compare the two drawings) and the same font bytes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
use rustybuzz::{Direction, GlyphBuffer, ShapePlan, UnicodeBuffer, script};
use tiny_skia::{Path, PathBuilder, Transform};

static DEVANAGARI_REGULAR: &[u8] =
    include_bytes!("../../assets/fonts/NotoSansDevanagari-Regular.subset.ttf");
static DEVANAGARI_BOLD: &[u8] =
    include_bytes!("../../assets/fonts/NotoSansDevanagari-Bold.subset.ttf");
static LATIN_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.subset.ttf");
static LATIN_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.subset.ttf");

/// The four bundled faces' bytes.
pub fn face_bytes() -> [&'static [u8]; 4] {
    [
        DEVANAGARI_REGULAR,
        DEVANAGARI_BOLD,
        LATIN_REGULAR,
        LATIN_BOLD,
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Devanagari,
    Latin,
}

/// Which face a language prefers for characters both faces have (digits, punctuation,
/// spaces): a Hindi line keeps them in the Devanagari run, an English line in the Latin one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Hindi,
    English,
}

impl Lang {
    pub fn from_code(code: &str) -> Lang {
        if code.trim().eq_ignore_ascii_case("hi") {
            Lang::Hindi
        } else {
            Lang::English
        }
    }

    fn scripts(self) -> [Script; 2] {
        match self {
            Lang::Hindi => [Script::Devanagari, Script::Latin],
            Lang::English => [Script::Latin, Script::Devanagari],
        }
    }
}

/// One bundled face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Face {
    script: Script,
    weight: Weight,
}

impl Face {
    const ALL: [Face; 4] = [
        Face::new(Script::Devanagari, Weight::Regular),
        Face::new(Script::Devanagari, Weight::Bold),
        Face::new(Script::Latin, Weight::Regular),
        Face::new(Script::Latin, Weight::Bold),
    ];

    const fn new(script: Script, weight: Weight) -> Face {
        Face { script, weight }
    }

    /// The family name in the font's name table, as the SVG must ask for it.
    pub fn family(self) -> &'static str {
        match self.script {
            Script::Devanagari => "Noto Sans Devanagari",
            Script::Latin => "Noto Sans",
        }
    }

    pub fn css_weight(self) -> u16 {
        match self.weight {
            Weight::Regular => 400,
            Weight::Bold => 700,
        }
    }

    /// The face a `<text>` of the card's SVG names by family and CSS weight.
    pub fn named(family: &str, css_weight: &str) -> Option<Face> {
        let weight: u16 = css_weight.parse().ok()?;
        Face::ALL
            .into_iter()
            .find(|face| face.family() == family && face.css_weight() == weight)
    }

    fn bytes(self) -> &'static [u8] {
        match (self.script, self.weight) {
            (Script::Devanagari, Weight::Regular) => DEVANAGARI_REGULAR,
            (Script::Devanagari, Weight::Bold) => DEVANAGARI_BOLD,
            (Script::Latin, Weight::Regular) => LATIN_REGULAR,
            (Script::Latin, Weight::Bold) => LATIN_BOLD,
        }
    }

    /// Position in `Face::ALL` (and in every per-face array).
    pub(super) fn index(self) -> usize {
        match (self.script, self.weight) {
            (Script::Devanagari, Weight::Regular) => 0,
            (Script::Devanagari, Weight::Bold) => 1,
            (Script::Latin, Weight::Regular) => 2,
            (Script::Latin, Weight::Bold) => 3,
        }
    }
}

/// A face parsed once: its tables (character map, layout, outlines) for the shaper, and
/// the shaping plans made for it so far.
struct Parsed {
    font: rustybuzz::Face<'static>,
    units_per_em: f64,
    /// One plan per direction and script met: making a plan (which of the face's lookups
    /// apply, in what order) costs more than shaping a short run with it, so
    /// `rustybuzz::shape`, which makes one every call, made cards ~50 % slower.
    plans: Mutex<Vec<(Direction, rustybuzz::Script, Arc<ShapePlan>)>>,
}

impl Parsed {
    fn new(face: Face) -> Result<Parsed, String> {
        let font = rustybuzz::Face::from_slice(face.bytes(), 0)
            .ok_or_else(|| format!("bundled font {} is unreadable", face.family()))?;
        let units_per_em = f64::from(font.units_per_em());
        if units_per_em <= 0.0 {
            return Err(format!(
                "bundled font {} has no units per em",
                face.family()
            ));
        }
        Ok(Parsed {
            font,
            units_per_em,
            plans: Mutex::new(Vec::new()),
        })
    }

    fn has(&self, c: char) -> bool {
        self.font.glyph_index(c).is_some_and(|glyph| glyph.0 != 0)
    }

    /// `text` shaped as one run: conjuncts, matras, kerning applied.
    fn shape(&self, text: &str) -> GlyphBuffer {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let plan = self.plan(buffer.direction(), buffer.script());
        rustybuzz::shape_with_plan(&self.font, &plan, buffer)
    }

    /// The plan for runs of `direction` and `script`, made the way `rustybuzz::shape`
    /// makes it (no language, no extra features) the first time it is asked for.
    fn plan(&self, direction: Direction, script: rustybuzz::Script) -> Arc<ShapePlan> {
        let mut plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, _, plan)) = plans
            .iter()
            .find(|(d, s, _)| *d == direction && *s == script)
        {
            return Arc::clone(plan);
        }
        // A run of digits and punctuation alone has no script: the buffer reports it as
        // UNKNOWN, and `shape` plans it with none.
        let known = (script != script::UNKNOWN).then_some(script);
        let plan = Arc::new(ShapePlan::new(&self.font, direction, known, None, &[]));
        plans.push((direction, script, Arc::clone(&plan)));
        plan
    }

    /// Advance width in em of `text` shaped as one run.
    fn width_em(&self, text: &str) -> f64 {
        let glyphs = self.shape(text);
        let units: i64 = glyphs
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum();
        units as f64 / self.units_per_em
    }
}

struct Faces {
    parsed: [Parsed; 4],
}

static FACES: OnceLock<Result<Faces, String>> = OnceLock::new();

fn faces() -> Result<&'static Faces, String> {
    FACES.get_or_init(load).as_ref().map_err(Clone::clone)
}

fn load() -> Result<Faces, String> {
    let [a, b, c, d] = Face::ALL;
    let parsed = [
        Parsed::new(a)?,
        Parsed::new(b)?,
        Parsed::new(c)?,
        Parsed::new(d)?,
    ];
    Ok(Faces { parsed })
}

/// The four bundled faces as a font database for resvg, which the tests compare the
/// card's drawing with.
#[cfg(test)]
pub fn database() -> Result<std::sync::Arc<resvg::usvg::fontdb::Database>, String> {
    use resvg::usvg::fontdb;
    let mut database = fontdb::Database::new();
    for face in Face::ALL {
        database.load_font_source(fontdb::Source::Binary(std::sync::Arc::new(face.bytes())));
    }
    Ok(std::sync::Arc::new(database))
}

/// A piece of a line set in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run<'t> {
    pub face: Face,
    pub text: &'t str,
}

/// `text` with whitespace collapsed and every character that neither face of `weight`
/// has (emoji, other scripts, control characters) left out: resvg would draw them as boxes.
pub fn drawable(text: &str, weight: Weight) -> Result<String, String> {
    let faces = faces()?;
    let covered = |c: char| {
        [Script::Devanagari, Script::Latin]
            .iter()
            .any(|&s| faces.parsed[Face::new(s, weight).index()].has(c))
    };
    let kept: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| c == ' ' || covered(c))
        .collect();
    Ok(kept.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `text` cut into runs: a run goes on in its face while that face has the next character,
/// otherwise the language's preferred face that has it starts a new run.
pub fn runs(text: &str, weight: Weight, lang: Lang) -> Result<Vec<Run<'_>>, String> {
    let faces = faces()?;
    let has = |face: Face, c: char| faces.parsed[face.index()].has(c);
    let mut runs: Vec<Run<'_>> = Vec::new();
    let mut start = 0;
    let mut current: Option<Face> = None;
    for (index, c) in text.char_indices() {
        if current.is_some_and(|face| has(face, c) || is_joiner(c)) {
            continue;
        }
        let preferred = lang.scripts().map(|s| Face::new(s, weight));
        let next = preferred
            .into_iter()
            .find(|&f| has(f, c))
            .unwrap_or(preferred[0]);
        if let Some(face) = current
            && index > start
        {
            runs.push(Run {
                face,
                text: &text[start..index],
            });
        }
        start = index;
        current = Some(next);
    }
    if let Some(face) = current {
        runs.push(Run {
            face,
            text: &text[start..],
        });
    }
    Ok(runs)
}

/// Marks that belong to the run before them whatever face is asked about.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

thread_local! {
    /// Run widths in em, one map per face: fitting a headline measures the same words at
    /// several sizes and widths. Emptied when large, so a long build does not grow it.
    static WIDTHS: RefCell<[HashMap<String, f64>; 4]> = RefCell::default();
}

const MAX_CACHED_WIDTHS: usize = 4096;

/// Width of `run` at `size` px.
pub fn run_width(run: &Run<'_>, size: f64) -> f64 {
    let Ok(faces) = faces() else {
        return run.text.chars().count() as f64 * 0.6 * size;
    };
    let face = run.face.index();
    let cached = WIDTHS.with(|widths| widths.borrow()[face].get(run.text).copied());
    let em = cached.unwrap_or_else(|| {
        let em = faces.parsed[face].width_em(run.text);
        WIDTHS.with(|widths| {
            let map = &mut widths.borrow_mut()[face];
            if map.len() >= MAX_CACHED_WIDTHS {
                map.clear();
            }
            map.insert(run.text.to_string(), em);
        });
        em
    });
    em * size
}

thread_local! {
    /// Each face's glyph outlines in font units, y up (`None`: a glyph without one, such
    /// as the space), and where a run's glyphs go: a build's cards repeat the same labels,
    /// names and words. The runs are emptied when many, as the widths are.
    static OUTLINES: RefCell<Outlines> = RefCell::default();
}

#[derive(Default)]
struct Outlines {
    glyphs: [HashMap<u16, Option<Path>>; 4],
    runs: [HashMap<String, Vec<Placed>>; 4],
}

/// A glyph of a shaped run and where its origin is, in font units from the run's pen start.
#[derive(Clone, Copy)]
struct Placed {
    glyph: u16,
    x: i64,
    y: i64,
}

const MAX_CACHED_RUNS: usize = 2048;

/// Calls `each` with the id and outline of every glyph of `text` set in `face` at `size` px
/// with its pen starting at (`x`, `baseline`), and the transform that puts it there (the
/// same shaping `run_width` measures; glyphs without an outline are skipped).
pub fn run_glyphs(
    face: Face,
    text: &str,
    (x, baseline): (f32, f32),
    size: f32,
    mut each: impl FnMut(u16, &Path, Transform),
) {
    let Ok(faces) = faces() else {
        return;
    };
    let parsed = &faces.parsed[face.index()];
    let scale = size / parsed.units_per_em as f32;
    OUTLINES.with(|outlines| {
        let outlines = &mut *outlines.borrow_mut();
        let glyphs = &mut outlines.glyphs[face.index()];
        let runs = &mut outlines.runs[face.index()];
        if !runs.contains_key(text) {
            if runs.len() >= MAX_CACHED_RUNS {
                runs.clear();
            }
            runs.insert(text.to_string(), place_glyphs(parsed, text));
        }
        for placed in &runs[text] {
            let outline = glyphs
                .entry(placed.glyph)
                .or_insert_with(|| glyph_outline(parsed, placed.glyph));
            if let Some(outline) = outline {
                let at = Transform::from_row(
                    scale,
                    0.0,
                    0.0,
                    -scale,
                    x + placed.x as f32 * scale,
                    baseline - placed.y as f32 * scale,
                );
                each(placed.glyph, outline, at);
            }
        }
    });
}

/// The shaped run's glyphs and their origins.
fn place_glyphs(parsed: &Parsed, text: &str) -> Vec<Placed> {
    let shaped = parsed.shape(text);
    let mut pen = 0i64;
    let mut placed = Vec::with_capacity(shaped.len());
    for (info, position) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        placed.push(Placed {
            // Glyph ids of a TrueType face fit in 16 bits; the shaper widens them.
            glyph: u16::try_from(info.glyph_id).unwrap_or(0),
            x: pen + i64::from(position.x_offset),
            y: i64::from(position.y_offset),
        });
        pen += i64::from(position.x_advance);
    }
    placed
}

fn glyph_outline(parsed: &Parsed, glyph: u16) -> Option<Path> {
    let mut pen = Pen(PathBuilder::new());
    parsed.font.outline_glyph(GlyphId(glyph), &mut pen)?;
    pen.0.finish()
}

/// ttf-parser draws into a tiny-skia path.
struct Pen(PathBuilder);

impl OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }

    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(cx0, cy0, x, y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.cubic_to(cx0, cy0, cx1, cy1, x, y);
    }

    fn close(&mut self) {
        self.0.close();
    }
}

/// Width of a whole line at `size` px, measured run by run as it will be drawn.
pub fn line_width(text: &str, size: f64, weight: Weight, lang: Lang) -> f64 {
    match runs(text, weight, lang) {
        Ok(runs) => runs.iter().map(|run| run_width(run, size)).sum(),
        Err(_) => text.chars().count() as f64 * 0.6 * size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_four_faces_load_in_index_order() {
        let db = database().expect("bundled fonts load");
        assert_eq!(db.len(), 4);
        for (i, face) in Face::ALL.iter().enumerate() {
            assert_eq!(face.index(), i);
        }
        let weights: Vec<u16> = db.faces().map(|f| f.weight.0).collect();
        assert_eq!(weights, [400, 700, 400, 700]);
    }

    #[test]
    fn mixed_lines_split_by_script_and_keep_punctuation_with_the_run() {
        let hindi = runs(
            "कांग्रेस को BJP से 2,37,000 वोट · अधिक",
            Weight::Bold,
            Lang::Hindi,
        )
        .expect("runs");
        let texts: Vec<&str> = hindi.iter().map(|r| r.text).collect();
        assert_eq!(
            texts,
            ["कांग्रेस को ", "BJP ", "से 2,37,000 वोट ", "· ", "अधिक"]
        );
        assert_eq!(hindi[1].face.family(), "Noto Sans");
        assert_eq!(hindi[3].face.family(), "Noto Sans");
        let english =
            runs("Congress: 2,37,000 votes", Weight::Regular, Lang::English).expect("runs");
        assert_eq!(english.len(), 1, "{english:?}");
    }

    #[test]
    fn conjuncts_shape_narrower_than_their_letters() {
        let face = Face::new(Script::Devanagari, Weight::Bold);
        let run = |text| Run { face, text };
        // क्ष is one glyph: narrower than क + ् + ष set side by side.
        let joined = run_width(&run("क्ष"), 100.0);
        let apart = run_width(&run("क"), 100.0) + run_width(&run("ष"), 100.0);
        assert!(joined < apart, "{joined} vs {apart}");
    }

    #[test]
    fn drawable_drops_what_no_face_has() {
        let text = drawable("जीत 🎉 \u{1F1EE}\u{1F1F3} ok\u{0007}\n", Weight::Bold).expect("faces");
        assert_eq!(text, "जीत ok");
    }
}
