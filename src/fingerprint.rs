//! Stable fingerprints: what the plan compares to find stale outputs, and what the card
//! cache is keyed by. SipHash-1-3 with fixed keys, so the same input gives the same
//! fingerprint in every run, on every machine of one architecture and with every Rust
//! release (std's `DefaultHasher` promises none of that).

use siphasher::sip128::{Hasher128, SipHasher13};
use std::hash::{Hash, Hasher};

/// Feeds values in; `finish` gives 64 bits (enough to tell versions of one output apart),
/// `finish128` 128 (for cache entries shared by every output).
#[derive(Debug, Clone, Default)]
pub struct Fingerprinter(SipHasher13);

impl Fingerprinter {
    pub fn new() -> Fingerprinter {
        Fingerprinter(SipHasher13::new_with_keys(0x6368_756e_6176, 0x7369_7465))
    }

    pub fn add(&mut self, value: &(impl Hash + ?Sized)) -> &mut Self {
        value.hash(&mut self.0);
        self
    }

    pub fn add_bytes(&mut self, bytes: &[u8]) -> &mut Self {
        // The length first, so that ("ab", "c") and ("a", "bc") differ.
        self.0.write_usize(bytes.len());
        self.0.write(bytes);
        self
    }

    /// Feeds bytes with no length before them: a run of calls hashes as one call with
    /// all their bytes, so a long input can be fed as it comes.
    pub fn stream(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.write(bytes);
        self
    }

    pub fn finish(&self) -> u64 {
        self.0.finish()
    }

    pub fn finish128(&self) -> u128 {
        self.0.finish128().as_u128()
    }
}

/// The fingerprint of one value.
pub fn of(value: &(impl Hash + ?Sized)) -> u64 {
    Fingerprinter::new().add(value).finish()
}

/// The fingerprint of a value through its `Debug` form, for types that hold floats and so
/// cannot be `Hash` (checked results). Equal values print equally. The form is fed to the
/// hasher as it is printed, never held whole (a site's data/ prints to megabytes); the
/// fingerprint is that of the printed string, `of(&format!("{value:?}"))`.
pub fn of_debug(value: &impl std::fmt::Debug) -> u64 {
    use std::fmt::Write;
    struct Printed(SipHasher13);
    impl Write for Printed {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut feed = Printed(Fingerprinter::new().0);
    // Printing into a hasher cannot fail; a `Debug` impl that reports an error only
    // shortens what is hashed.
    let _ = write!(feed, "{value:?}");
    // What `str`'s `Hash` adds after the bytes, so that the two ways agree.
    feed.0.write_u8(0xff);
    feed.0.finish()
}

/// The fingerprint of a value through its `Serialize` form: what templates, cards and
/// charts are given of it. Each scalar is fed with a tag byte, strings and bytes with their
/// length, sequences, maps and structs with their length and field names, so two values
/// with equal serialized forms (and only those) share a fingerprint. For checked results,
/// several times quicker than `of_debug`: `Debug` escapes every character of every name.
/// A field left out of the serialized form (`#[serde(skip)]`) is not in the fingerprint.
pub fn of_serialized(value: &impl serde::Serialize) -> u64 {
    let mut f = Fingerprinter::new();
    add_serialized(&mut f, value);
    f.finish()
}

/// Feeds the `Serialize` form of `value` into `f` (see `of_serialized`).
pub fn add_serialized(f: &mut Fingerprinter, value: &impl serde::Serialize) {
    // Serializing into a hasher cannot fail; a value that reports an error only shortens
    // what is hashed, as in `of_debug`.
    let _ = value.serialize(Feed(&mut f.0));
}

/// A serde `Serializer` that writes into a hasher: the one behind `of_serialized`.
struct Feed<'h>(&'h mut SipHasher13);

#[derive(Debug)]
struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a value could not be fingerprinted")
    }
}

impl std::error::Error for Never {}

impl serde::ser::Error for Never {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Never
    }
}

impl Feed<'_> {
    fn tag(&mut self, tag: u8) -> &mut Self {
        self.0.write_u8(tag);
        self
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.0.write_usize(bytes.len());
        self.0.write(bytes);
    }

    /// An enum variant: its index and its name after `tag`.
    fn variant(&mut self, tag: u8, index: u32, name: &str) -> &mut Self {
        self.tag(tag).0.write_u32(index);
        self.bytes(name.as_bytes());
        self
    }
}

macro_rules! feed_ints {
    ($($method:ident: $ty:ty => $tag:expr),* $(,)?) => {$(
        fn $method(mut self, v: $ty) -> Result<(), Never> {
            self.tag($tag).0.write(&v.to_le_bytes());
            Ok(())
        }
    )*};
}

impl<'h> serde::Serializer for Feed<'h> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    feed_ints! {
        serialize_i8: i8 => 1, serialize_i16: i16 => 2, serialize_i32: i32 => 3,
        serialize_i64: i64 => 4, serialize_i128: i128 => 5, serialize_u8: u8 => 6,
        serialize_u16: u16 => 7, serialize_u32: u32 => 8, serialize_u64: u64 => 9,
        serialize_u128: u128 => 10, serialize_f32: f32 => 11, serialize_f64: f64 => 12,
    }

    fn serialize_bool(mut self, v: bool) -> Result<(), Never> {
        self.tag(13).0.write_u8(u8::from(v));
        Ok(())
    }

    fn serialize_char(mut self, v: char) -> Result<(), Never> {
        self.tag(14).0.write_u32(u32::from(v));
        Ok(())
    }

    fn serialize_str(mut self, v: &str) -> Result<(), Never> {
        self.tag(15).bytes(v.as_bytes());
        Ok(())
    }

    fn serialize_bytes(mut self, v: &[u8]) -> Result<(), Never> {
        self.tag(16).bytes(v);
        Ok(())
    }

    fn serialize_none(mut self) -> Result<(), Never> {
        self.tag(17);
        Ok(())
    }

    fn serialize_some<T: serde::Serialize + ?Sized>(mut self, value: &T) -> Result<(), Never> {
        self.tag(18);
        value.serialize(self)
    }

    fn serialize_unit(mut self) -> Result<(), Never> {
        self.tag(19);
        Ok(())
    }

    fn serialize_unit_struct(mut self, name: &'static str) -> Result<(), Never> {
        self.tag(20).bytes(name.as_bytes());
        Ok(())
    }

    fn serialize_unit_variant(
        mut self,
        _: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<(), Never> {
        self.variant(21, index, variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.tag(22).bytes(name.as_bytes());
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        mut self,
        _: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.variant(23, index, variant);
        value.serialize(self)
    }

    fn serialize_seq(mut self, len: Option<usize>) -> Result<Self, Never> {
        // A sequence of unknown length is closed by `end` instead.
        self.tag(24).0.write_usize(len.unwrap_or(usize::MAX));
        Ok(self)
    }

    fn serialize_tuple(mut self, len: usize) -> Result<Self, Never> {
        self.tag(25).0.write_usize(len);
        Ok(self)
    }

    fn serialize_tuple_struct(mut self, name: &'static str, len: usize) -> Result<Self, Never> {
        self.tag(26).bytes(name.as_bytes());
        self.0.write_usize(len);
        Ok(self)
    }

    fn serialize_tuple_variant(
        mut self,
        _: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.variant(27, index, variant).0.write_usize(len);
        Ok(self)
    }

    fn serialize_map(mut self, len: Option<usize>) -> Result<Self, Never> {
        self.tag(28).0.write_usize(len.unwrap_or(usize::MAX));
        Ok(self)
    }

    fn serialize_struct(mut self, name: &'static str, len: usize) -> Result<Self, Never> {
        self.tag(29).bytes(name.as_bytes());
        self.0.write_usize(len);
        Ok(self)
    }

    fn serialize_struct_variant(
        mut self,
        _: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.variant(30, index, variant).0.write_usize(len);
        Ok(self)
    }
}

impl Feed<'_> {
    fn element<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        value.serialize(Feed(&mut *self.0))
    }

    fn field<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.bytes(key.as_bytes());
        self.element(value)
    }

    fn close(mut self) -> Result<(), Never> {
        self.tag(31);
        Ok(())
    }
}

macro_rules! feed_compound {
    ($($trait:ident :: $method:ident),* $(,)?) => {$(
        impl serde::ser::$trait for Feed<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
                self.element(value)
            }
            fn end(self) -> Result<(), Never> {
                self.close()
            }
        }
    )*};
}

feed_compound! {
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
}

impl serde::ser::SerializeMap for Feed<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Never> {
        self.element(key)
    }
    fn serialize_value<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        self.element(value)
    }
    fn end(self) -> Result<(), Never> {
        self.close()
    }
}

macro_rules! feed_fields {
    ($($trait:ident),* $(,)?) => {$(
        impl serde::ser::$trait for Feed<'_> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: serde::Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Never> {
                self.field(key, value)
            }
            fn skip_field(&mut self, key: &'static str) -> Result<(), Never> {
                // A skipped `Option` field (`skip_serializing_if`) differs from one present.
                self.tag(32).bytes(key.as_bytes());
                Ok(())
            }
            fn end(self) -> Result<(), Never> {
                self.close()
            }
        }
    )*};
}

feed_fields!(SerializeStruct, SerializeStructVariant);

/// Which chunav binary runs: its version and its executable's size, time and inode, so
/// that what one binary recorded is never reused by another (whose pages may differ).
pub fn binary_identity() -> u64 {
    static IDENTITY: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *IDENTITY.get_or_init(|| {
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .and_then(|m| Ok((m.len(), m.modified()?, inode(&m))));
        let mut f = Fingerprinter::new();
        f.add(env!("CARGO_PKG_VERSION"));
        match exe {
            Ok(stamp) => f.add(&stamp),
            // Unknown binary: a fresh value each run, so that nothing is ever reused.
            Err(_) => f.add(&std::time::SystemTime::now()),
        };
        f.finish()
    })
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_tell_inputs_apart() {
        assert_eq!(of("कानपुर"), of("कानपुर"));
        assert_ne!(of("कानपुर"), of("कानपुर "));
        let mut a = Fingerprinter::new();
        a.add_bytes(b"ab").add_bytes(b"c");
        let mut b = Fingerprinter::new();
        b.add_bytes(b"a").add_bytes(b"bc");
        assert_ne!(a.finish128(), b.finish128());
    }

    #[test]
    fn a_serialized_fingerprint_tells_apart_what_serializes_apart() {
        #[derive(serde::Serialize)]
        struct Figures<'a> {
            name: &'a str,
            votes: u64,
            share: f64,
            postal: Option<u64>,
            segments: Vec<(&'a str, u64)>,
        }
        let base = || Figures {
            name: "रमेश अवस्थी",
            votes: 443_055,
            share: 52.34,
            postal: Some(2_480),
            segments: vec![("कैंट", 78_035), ("किदवई नगर", 104_201)],
        };
        let print = of_serialized(&base());
        assert_eq!(print, of_serialized(&base()));
        let changed: [Figures; 6] = [
            Figures {
                name: "रमेश अवस्थि",
                ..base()
            },
            Figures {
                votes: 443_056,
                ..base()
            },
            Figures {
                share: 52.35,
                ..base()
            },
            Figures {
                postal: None,
                ..base()
            },
            Figures {
                postal: Some(0),
                ..base()
            },
            Figures {
                segments: vec![("कैंट", 78_035)],
                ..base()
            },
        ];
        for other in &changed {
            assert_ne!(of_serialized(other), print);
        }
        // Where one string ends and the next begins is part of the form.
        assert_ne!(of_serialized(&("ab", "c")), of_serialized(&("a", "bc")));
        assert_ne!(
            of_serialized(&vec![vec![1_u8], vec![]]),
            of_serialized(&vec![vec![], vec![1_u8]])
        );
    }

    #[test]
    fn a_debug_fingerprint_is_that_of_the_printed_form() {
        let value = (vec![1.5_f64, -0.0, 1e21], "कानपुर", Some(("a", 7_u8)));
        assert_eq!(of_debug(&value), of(&format!("{value:?}")));
        assert_ne!(
            of_debug(&value),
            of_debug(&(vec![1.5_f64, 0.0, 1e21], "कानपुर"))
        );
        let long: Vec<String> = (0..5000).map(|n| format!("segment {n}")).collect();
        assert_eq!(of_debug(&long), of(&format!("{long:?}")));
    }
}
