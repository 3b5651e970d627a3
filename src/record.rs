//! Record files of what chunav can make again (`.chunav/cache/`): length-prefixed
//! little-endian fields after a magic, and a checksum of everything last, so that a file
//! cut short or damaged is refused as a whole, never half read.

use crate::fingerprint::Fingerprinter;

/// Length-prefixed little-endian fields, a magic first and a checksum last.
pub struct Writer(Vec<u8>);

impl Writer {
    pub fn new(magic: &[u8]) -> Writer {
        Writer(magic.to_vec())
    }
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    pub fn strings(&mut self, list: &[String]) {
        self.u64(list.len() as u64);
        for s in list {
            self.str(s);
        }
    }
    pub fn finish(mut self) -> Vec<u8> {
        let sum = Fingerprinter::new().add_bytes(&self.0).finish128();
        self.0.extend_from_slice(&sum.to_le_bytes());
        self.0
    }
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader after `magic`, if the bytes start with it and their checksum holds.
    pub fn checked(bytes: &'a [u8], magic: &[u8]) -> Option<Reader<'a>> {
        let body_len = bytes.len().checked_sub(16)?;
        let (body, sum) = bytes.split_at(body_len);
        let sum = u128::from_le_bytes(sum.try_into().ok()?);
        if !body.starts_with(magic) || Fingerprinter::new().add_bytes(body).finish128() != sum {
            return None;
        }
        Some(Reader {
            bytes: body,
            at: magic.len(),
        })
    }
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn str(&mut self) -> Option<&'a str> {
        let n = usize::try_from(self.u64()?).ok()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.u64()?).ok()?;
        self.take(n)
    }
    pub fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.u64()?;
        let mut list = Vec::new();
        for _ in 0..n {
            list.push(self.str()?.to_string());
        }
        Some(list)
    }
}
