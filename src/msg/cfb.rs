//! The Compound File Binary container ([MS-CFB]) an Outlook item is stored in:
//! a small file system of storages (folders) and streams (files) laid out in
//! sectors that are chained through a file allocation table (FAT).
//!
//! Everything here is read from attacker-controlled bytes, so every walk is
//! bounded: a sector chain by the number of sectors (a sector seen twice in
//! one chain is a loop), the directory by [`MAX_ENTRIES`], the directory tree
//! by visiting each entry once, and the bytes handed out by a budget of twice
//! the file's size.

use super::{MsgError, SIGNATURE};
use std::cell::{Cell, RefCell};

/// Most directory entries read. An Outlook item has about ten per recipient
/// and per attachment, so this leaves room for hundreds of each.
pub const MAX_ENTRIES: usize = 4096;

/// Sector numbers above this one are markers ([MS-CFB] 2.1: MAXREGSECT).
const MAX_REGULAR: u32 = 0xFFFF_FFFA;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;
const MINI_SECTOR: usize = 64;
const ENTRY_SIZE: usize = 128;
const HEADER_DIFAT: usize = 109;

/// What a directory entry is ([MS-CFB] 2.6.1, Object Type).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A folder of entries.
    Storage,
    /// A sequence of bytes.
    Stream,
    /// The root storage, which also holds the mini stream.
    Root,
    /// A free slot.
    Unused,
}

/// One directory entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The entry's name (at most 31 UTF-16 units).
    pub name: String,
    /// Storage, stream or root.
    pub kind: Kind,
    left: u32,
    right: u32,
    child: u32,
    start: u32,
    size: u64,
}

/// An opened compound file.
pub struct Container<'a> {
    bytes: &'a [u8],
    shift: u32,
    sectors: usize,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    mini_stream: Vec<u8>,
    entries: Vec<Entry>,
    /// Per sector (and per mini sector), the number of the last chain walk
    /// that passed it: one array for every walk, no clearing between walks.
    seen: RefCell<Vec<u32>>,
    seen_mini: RefCell<Vec<u32>>,
    walks: Cell<u32>,
    /// Bytes that [`Container::read`] may still hand out.
    budget: Cell<usize>,
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    bytes
        .get(at..at + 2)
        .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(FREE, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

impl<'a> Container<'a> {
    /// Reads the header, the FAT, the directory and the mini stream.
    pub fn open(bytes: &'a [u8]) -> Result<Container<'a>, MsgError> {
        if bytes.len() < 512 || bytes[..8] != SIGNATURE {
            return Err(MsgError::BadHeader);
        }
        // [MS-CFB] 2.2: version 3 has 512-byte sectors, version 4 4096-byte ones.
        let shift = u32::from(u16_at(bytes, 30));
        if !matches!(shift, 9 | 12) || u16_at(bytes, 32) != 6 || u16_at(bytes, 28) != 0xFFFE {
            return Err(MsgError::BadHeader);
        }
        let size = 1usize << shift;
        let sectors = bytes.len().saturating_sub(size).div_ceil(size);
        let mut container = Container {
            bytes,
            shift,
            sectors,
            fat: Vec::new(),
            mini_fat: Vec::new(),
            mini_stream: Vec::new(),
            entries: Vec::new(),
            seen: RefCell::new(vec![0; sectors]),
            seen_mini: RefCell::new(Vec::new()),
            walks: Cell::new(0),
            budget: Cell::new(bytes.len().saturating_mul(2)),
        };
        container.fat = container.read_fat()?;
        let directory = container.chain_bytes(u32_at(bytes, 48), None)?;
        container.entries = directory_entries(&directory, shift == 9)?;
        let root = container.entries.first().ok_or(MsgError::BadDirectory)?;
        if root.kind != Kind::Root {
            return Err(MsgError::BadDirectory);
        }
        let (mini_start, mini_size) = (root.start, root.size);
        container.check_size(mini_size)?;
        container.mini_stream = container.chain_bytes(mini_start, Some(mini_size))?;
        let mini_fat = container.chain_bytes(u32_at(bytes, 60), None)?;
        container.mini_fat = mini_fat.chunks_exact(4).map(|c| u32_at(c, 0)).collect();
        let mini_sectors = container.mini_stream.len() / MINI_SECTOR;
        container.seen_mini = RefCell::new(vec![0; mini_sectors.min(container.mini_fat.len())]);
        Ok(container)
    }

    /// The FAT: the sectors listed by the header's 109 DIFAT slots and by the
    /// DIFAT sectors chained after it ([MS-CFB] 2.5).
    fn read_fat(&self) -> Result<Vec<u32>, MsgError> {
        let mut fat_sectors: Vec<u32> = (0..HEADER_DIFAT)
            .map(|i| u32_at(self.bytes, 76 + 4 * i))
            .collect();
        let per_sector = (1usize << self.shift) / 4;
        let mut next = u32_at(self.bytes, 68);
        let mut steps = 0;
        while next < MAX_REGULAR {
            steps += 1;
            if steps > self.sectors {
                return Err(MsgError::ChainLoop);
            }
            let sector = self.sector(next)?;
            fat_sectors.extend((0..per_sector - 1).map(|i| u32_at(sector, 4 * i)));
            next = u32_at(sector, 4 * (per_sector - 1));
        }
        // Unused slots are FREESECT; some writers leave ENDOFCHAIN there.
        let listed = fat_sectors.iter().take_while(|&&s| s < MAX_REGULAR);
        let mut fat = Vec::new();
        for (count, &number) in listed.enumerate() {
            if count >= self.sectors {
                return Err(MsgError::SectorOutOfRange);
            }
            let sector = self.sector(number)?;
            fat.extend(sector.chunks_exact(4).map(|c| u32_at(c, 0)));
        }
        Ok(fat)
    }

    /// The bytes of sector `number` (the last one may be short).
    fn sector(&self, number: u32) -> Result<&'a [u8], MsgError> {
        let number = number as usize;
        if number >= self.sectors {
            return Err(MsgError::SectorOutOfRange);
        }
        let start = (number + 1) << self.shift;
        let end = (start + (1 << self.shift)).min(self.bytes.len());
        Ok(&self.bytes[start..end])
    }

    /// Starts a chain walk: a fresh mark for the loop check.
    fn new_walk(&self) -> u32 {
        let walk = self.walks.get().wrapping_add(1).max(1);
        if walk == 1 {
            self.seen.borrow_mut().iter_mut().for_each(|s| *s = 0);
            self.seen_mini.borrow_mut().iter_mut().for_each(|s| *s = 0);
        }
        self.walks.set(walk);
        walk
    }

    /// The bytes of the regular chain that starts at `start`, cut to `size`
    /// (or to its end of chain when no size is known).
    fn chain_bytes(&self, start: u32, size: Option<u64>) -> Result<Vec<u8>, MsgError> {
        let walk = self.new_walk();
        let mut seen = self.seen.borrow_mut();
        let mut out = Vec::new();
        let mut next = start;
        let wanted = size.map_or(usize::MAX, |s| s as usize);
        while next != END_OF_CHAIN && out.len() < wanted {
            if size.is_none() && next == FREE {
                break;
            }
            let index = next as usize;
            let slot = seen.get_mut(index).ok_or(MsgError::SectorOutOfRange)?;
            if *slot == walk {
                return Err(MsgError::ChainLoop);
            }
            *slot = walk;
            out.extend_from_slice(self.sector(next)?);
            next = *self.fat.get(index).ok_or(MsgError::SectorOutOfRange)?;
        }
        if let Some(size) = size {
            if (out.len() as u64) < size {
                return Err(MsgError::Truncated);
            }
            out.truncate(size as usize);
        }
        Ok(out)
    }

    /// The bytes of the mini chain that starts at `start`, cut to `size`.
    fn mini_chain_bytes(&self, start: u32, size: u64) -> Result<Vec<u8>, MsgError> {
        let walk = self.new_walk();
        let mut seen = self.seen_mini.borrow_mut();
        let mut out = Vec::with_capacity(size as usize);
        let mut next = start;
        while (out.len() as u64) < size {
            let index = next as usize;
            let slot = seen.get_mut(index).ok_or(MsgError::SectorOutOfRange)?;
            if *slot == walk {
                return Err(MsgError::ChainLoop);
            }
            *slot = walk;
            let at = index * MINI_SECTOR;
            let sector = self
                .mini_stream
                .get(at..at + MINI_SECTOR)
                .ok_or(MsgError::SectorOutOfRange)?;
            out.extend_from_slice(sector);
            next = *self.mini_fat.get(index).ok_or(MsgError::SectorOutOfRange)?;
        }
        out.truncate(size as usize);
        Ok(out)
    }

    fn check_size(&self, size: u64) -> Result<(), MsgError> {
        if size > self.bytes.len() as u64 {
            return Err(MsgError::SizeTooLarge);
        }
        Ok(())
    }

    /// The entry numbered `id`.
    pub fn entry(&self, id: usize) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// The entries directly inside storage `id`, each at most once, in the
    /// order of their names: the children form a binary search tree through
    /// their left and right siblings ([MS-CFB] 2.6.4), walked in order (so
    /// `__recip_version1.0_#00000000` comes before `…#00000001`).
    pub fn children(&self, id: usize, visited: &mut [bool]) -> Vec<usize> {
        let mut found = Vec::new();
        let Some(storage) = self.entries.get(id) else {
            return found;
        };
        let mut stack = Vec::new();
        let mut next = storage.child;
        loop {
            // Down the left siblings, marking each entry as it is met.
            while let Some(entry) = self.entries.get(next as usize) {
                let index = next as usize;
                if entry.kind == Kind::Unused || visited[index] {
                    break;
                }
                visited[index] = true;
                stack.push(index);
                next = entry.left;
            }
            let Some(index) = stack.pop() else {
                return found;
            };
            found.push(index);
            next = self.entries[index].right;
        }
    }

    /// The file's length in bytes.
    pub fn file_len(&self) -> usize {
        self.bytes.len()
    }

    /// How many directory entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The whole content of stream `id`.
    pub fn read(&self, id: usize) -> Result<Vec<u8>, MsgError> {
        let entry = self.entries.get(id).ok_or(MsgError::BadDirectory)?;
        if entry.kind != Kind::Stream {
            return Err(MsgError::BadDirectory);
        }
        self.check_size(entry.size)?;
        let left = self.budget.get();
        if entry.size > left as u64 {
            return Err(MsgError::SizeTooLarge);
        }
        self.budget.set(left - entry.size as usize);
        // [MS-CFB] 2.2: streams under the cutoff (4096 bytes) live in the mini stream.
        if entry.size < u64::from(u32_at(self.bytes, 56)) {
            self.mini_chain_bytes(entry.start, entry.size)
        } else {
            self.chain_bytes(entry.start, Some(entry.size))
        }
    }
}

/// The directory's 128-byte entries ([MS-CFB] 2.6). Version 3 files only
/// define the low 32 bits of a stream's size.
fn directory_entries(directory: &[u8], version3: bool) -> Result<Vec<Entry>, MsgError> {
    let count = directory.len() / ENTRY_SIZE;
    if count > MAX_ENTRIES {
        return Err(MsgError::TooManyEntries);
    }
    let entries = directory.chunks_exact(ENTRY_SIZE).map(|raw| {
        let name_len = (usize::from(u16_at(raw, 64)) / 2).clamp(1, 32) - 1;
        let units = (0..name_len).map(|i| u16_at(raw, 2 * i));
        let name = char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect();
        let size = u64::from(u32_at(raw, 120)) | (u64::from(u32_at(raw, 124)) << 32);
        let kind = match raw[66] {
            1 => Kind::Storage,
            2 => Kind::Stream,
            5 => Kind::Root,
            _ => Kind::Unused,
        };
        Entry {
            name,
            kind,
            left: u32_at(raw, 68),
            right: u32_at(raw, 72),
            child: u32_at(raw, 76),
            start: u32_at(raw, 116),
            size: if version3 { size & 0xFFFF_FFFF } else { size },
        }
    });
    Ok(entries.collect())
}
