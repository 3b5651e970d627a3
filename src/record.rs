//! Record files of what chunav can make again (`.chunav/cache/`): length-prefixed
//! little-endian fields after a magic, and a checksum of everything last, so that a file
//! cut short or damaged is refused as a whole, never half read.

use crate::fingerprint::Fingerprinter;
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// Bytes a writer to a file holds before handing them on: a record of a large site's
/// search entries is tens of megabytes, never held whole.
const SPILL: usize = 1 << 20;

/// Length-prefixed little-endian fields, a magic first and a checksum last: the
/// fingerprint of every byte before it, then of their count.
pub struct Writer {
    buf: Vec<u8>,
    sum: Fingerprinter,
    /// Bytes already handed to `file`.
    spilled: u64,
    /// Where a writer made by `to_file` writes, and the first error it met.
    file: Option<(io::BufWriter<File>, io::Result<()>)>,
}

impl Writer {
    pub fn new(magic: &[u8]) -> Writer {
        Writer {
            buf: magic.to_vec(),
            sum: Fingerprinter::new(),
            spilled: 0,
            file: None,
        }
    }
    /// A writer into a new file at `path` (replaced if there), written as it goes.
    pub fn to_file(magic: &[u8], path: &Path) -> io::Result<Writer> {
        let file = io::BufWriter::new(File::create(path)?);
        Ok(Writer {
            file: Some((file, Ok(()))),
            ..Writer::new(magic)
        })
    }
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.buf.extend_from_slice(b);
        if self.buf.len() >= SPILL {
            self.spill();
        }
    }
    pub fn strings(&mut self, list: &[String]) {
        self.u64(list.len() as u64);
        for s in list {
            self.str(s);
        }
    }
    /// Hands what is held to the file, if there is one.
    fn spill(&mut self) {
        let Some((file, status)) = &mut self.file else {
            return;
        };
        self.sum.stream(&self.buf);
        self.spilled += self.buf.len() as u64;
        if status.is_ok() {
            *status = file.write_all(&self.buf);
        }
        self.buf.clear();
    }
    /// The record (of a writer made by `new`).
    pub fn finish(mut self) -> Vec<u8> {
        let sum = self.checksum();
        self.buf.extend_from_slice(&sum.to_le_bytes());
        self.buf
    }
    /// Ends the file of a writer made by `to_file`.
    pub fn finish_file(mut self) -> io::Result<()> {
        self.spill();
        let sum = self.checksum();
        let (mut file, status) = self
            .file
            .take()
            .ok_or_else(|| io::Error::other("not a writer to a file"))?;
        status?;
        file.write_all(&sum.to_le_bytes())?;
        file.flush()
    }
    fn checksum(&mut self) -> u128 {
        self.sum.stream(&self.buf);
        let count = self.spilled + self.buf.len() as u64;
        self.sum.add(&count);
        self.sum.finish128()
    }
}

/// The checksum a `Writer` puts after `body`.
fn checksum(body: &[u8]) -> u128 {
    let mut sum = Fingerprinter::new();
    sum.stream(body).add(&(body.len() as u64));
    sum.finish128()
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
        if !body.starts_with(magic) || checksum(body) != sum {
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

/// Writes `bytes` beside `path` and renames them into place, making its folder first: a
/// reader never meets half a file. Every cache file that is written whole goes through here.
pub fn store(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let temporary = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path)
}

/// A record file read as it goes, for records too large to hold whole beside what is
/// decoded from them (the search entries of a large site). The checksum can only be
/// verified once every field is read: nothing read may be used unless `finish` holds.
pub struct FileReader {
    file: io::BufReader<File>,
    sum: Fingerprinter,
    /// Bytes of the body (all but the checksum) not yet read.
    left: u64,
    body_len: u64,
}

impl FileReader {
    /// A reader after `magic`, if the file starts with it.
    pub fn open(path: &Path, magic: &[u8]) -> Option<FileReader> {
        let file = File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        let body_len = len.checked_sub(16)?;
        let mut r = FileReader {
            file: io::BufReader::with_capacity(SPILL, file),
            sum: Fingerprinter::new(),
            left: body_len,
            body_len,
        };
        (r.take(magic.len())? == magic).then_some(r)
    }
    fn take(&mut self, n: usize) -> Option<Vec<u8>> {
        use std::io::Read;
        if n as u64 > self.left {
            return None;
        }
        let mut bytes = vec![0; n];
        self.file.read_exact(&mut bytes).ok()?;
        self.left -= n as u64;
        self.sum.stream(&bytes);
        Some(bytes)
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?).ok()
    }
    pub fn bytes(&mut self) -> Option<Vec<u8>> {
        let n = usize::try_from(self.u64()?).ok()?;
        self.take(n)
    }
    pub fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.u64()?;
        let mut list = Vec::new();
        for _ in 0..n {
            list.push(self.string()?);
        }
        Some(list)
    }
    /// Whether every byte of the body was read and the checksum after it holds.
    pub fn finish(mut self) -> bool {
        use std::io::Read;
        let mut sum = [0; 16];
        if self.left != 0 || self.file.read_exact(&mut sum).is_err() {
            return false;
        }
        self.sum.add(&self.body_len);
        self.sum.finish128() == u128::from_le_bytes(sum)
            && self.file.read(&mut [0]).is_ok_and(|n| n == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(w: &mut Writer) {
        w.u64(7);
        w.str("कानपुर");
        // More than a spill's worth, so that the file is written in parts.
        let long = "नतीजा ".repeat(SPILL / 8);
        for _ in 0..3 {
            w.str(&long);
            w.u8(1);
        }
        w.strings(&["a".into(), "ब".into()]);
    }

    #[test]
    fn a_record_written_to_a_file_is_the_one_made_in_memory_and_damage_is_refused() {
        let mut memory = Writer::new(b"magic");
        fields(&mut memory);
        let memory = memory.finish();
        let path = std::env::temp_dir().join(format!("chunav-record-{}", std::process::id()));
        let mut file = Writer::to_file(b"magic", &path).unwrap();
        fields(&mut file);
        file.finish_file().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        assert_eq!(bytes, memory);
        let mut r = Reader::checked(&bytes, b"magic").unwrap();
        assert_eq!((r.u64(), r.str()), (Some(7), Some("कानपुर")));
        assert!(Reader::checked(&bytes[..bytes.len() - 1], b"magic").is_none());
        let mut bad = bytes.clone();
        bad[SPILL + 3] ^= 4;
        assert!(Reader::checked(&bad, b"magic").is_none());
        assert!(Reader::checked(&bytes, b"other").is_none());
    }

    #[test]
    fn a_record_read_from_its_file_as_it_goes_is_checked_at_the_end() {
        let path = std::env::temp_dir().join(format!("chunav-record-f-{}", std::process::id()));
        let mut w = Writer::to_file(b"magic", &path).unwrap();
        fields(&mut w);
        w.finish_file().unwrap();
        let read_all = |path: &Path| {
            let mut r = FileReader::open(path, b"magic")?;
            let first = (r.u64()?, r.string()?);
            for _ in 0..3 {
                r.string()?;
                r.u8()?;
            }
            let list = r.strings()?;
            r.finish().then_some((first, list))
        };
        assert_eq!(
            read_all(&path),
            Some((
                (7, "कानपुर".to_string()),
                vec!["a".to_string(), "ब".to_string()]
            ))
        );
        let bytes = std::fs::read(&path).unwrap();
        let mut bad = bytes.clone();
        bad[SPILL + 3] ^= 4;
        std::fs::write(&path, &bad).unwrap();
        assert_eq!(read_all(&path), None, "a changed byte");
        std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert_eq!(read_all(&path), None, "cut short");
        let _ = std::fs::remove_file(&path);
    }
}
