//! A small compound file writer for hostile `.msg` tests: shapes no real
//! writer makes (items twelve levels deep, ten thousand entries).

/// One node of a compound file written by [`compound`].
pub struct Node {
    name: String,
    stream: Option<Vec<u8>>,
    children: Vec<Node>,
}

pub fn stream(name: &str, data: Vec<u8>) -> Node {
    Node {
        name: name.to_owned(),
        stream: Some(data),
        children: Vec::new(),
    }
}

pub fn storage(name: &str, children: Vec<Node>) -> Node {
    Node {
        name: name.to_owned(),
        stream: None,
        children,
    }
}

/// A compound file written the plainest way: 512-byte sectors, one FAT in
/// the header's DIFAT, a mini stream cutoff of 0 (every stream in regular
/// sectors), each storage's children chained through right siblings.
pub fn compound(children: Vec<Node>) -> Vec<u8> {
    struct Flat {
        name: String,
        kind: u8,
        right: u32,
        child: u32,
        data: Vec<u8>,
    }
    fn flatten(node: Node, kind: u8, out: &mut Vec<Flat>) -> u32 {
        let id = out.len() as u32;
        out.push(Flat {
            name: node.name,
            kind,
            right: u32::MAX,
            child: u32::MAX,
            data: node.stream.clone().unwrap_or_default(),
        });
        let mut previous: Option<u32> = None;
        for child in node.children {
            let kind = if child.stream.is_some() { 2 } else { 1 };
            let child_id = flatten(child, kind, out);
            match previous {
                None => out[id as usize].child = child_id,
                Some(p) => out[p as usize].right = child_id,
            }
            previous = Some(child_id);
        }
        id
    }
    let mut flat = Vec::new();
    flatten(storage("Root Entry", children), 5, &mut flat);
    let dir_sectors = flat.len().div_ceil(4);
    let data_sectors: usize = flat.iter().map(|f| f.data.len().div_ceil(512)).sum();
    let mut fat_sectors = 1;
    while fat_sectors * 128 < fat_sectors + dir_sectors + data_sectors {
        fat_sectors += 1;
    }
    assert!(fat_sectors <= 109);
    let total = fat_sectors + dir_sectors + data_sectors;
    let mut fat = vec![0xFFFF_FFFFu32; fat_sectors * 128];
    fat[..fat_sectors].fill(0xFFFF_FFFD);
    let chain = |fat: &mut Vec<u32>, start: usize, count: usize| {
        let end = start + count;
        for (s, slot) in fat.iter_mut().enumerate().take(end).skip(start) {
            *slot = if s + 1 < end {
                s as u32 + 1
            } else {
                0xFFFF_FFFE
            };
        }
    };
    chain(&mut fat, fat_sectors, dir_sectors);
    let mut next = fat_sectors + dir_sectors;
    let mut starts = Vec::new();
    for f in &flat {
        let count = f.data.len().div_ceil(512);
        starts.push(if count == 0 { 0xFFFF_FFFE } else { next as u32 });
        chain(&mut fat, next, count);
        next += count;
    }
    let mut out = vec![0u8; 512 * (total + 1)];
    out[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    out[24..26].copy_from_slice(&0x3Eu16.to_le_bytes());
    out[26..28].copy_from_slice(&3u16.to_le_bytes());
    out[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    out[30..32].copy_from_slice(&9u16.to_le_bytes());
    out[32..34].copy_from_slice(&6u16.to_le_bytes());
    put(&mut out, 44, fat_sectors as u32);
    put(&mut out, 48, fat_sectors as u32);
    put(&mut out, 56, 0);
    put(&mut out, 60, 0xFFFF_FFFE);
    put(&mut out, 68, 0xFFFF_FFFE);
    for i in 0..109 {
        put(
            &mut out,
            76 + 4 * i,
            if i < fat_sectors { i as u32 } else { u32::MAX },
        );
    }
    for (i, value) in fat.iter().enumerate() {
        put(&mut out, 512 + 4 * i, *value);
    }
    for (i, f) in flat.iter().enumerate() {
        let at = 512 * (fat_sectors + 1) + 128 * i;
        let units: Vec<u16> = f.name.encode_utf16().collect();
        for (k, unit) in units.iter().enumerate() {
            out[at + 2 * k..at + 2 * k + 2].copy_from_slice(&unit.to_le_bytes());
        }
        out[at + 64..at + 66].copy_from_slice(&(2 * units.len() as u16 + 2).to_le_bytes());
        out[at + 66] = f.kind;
        out[at + 67] = 1;
        put(&mut out, at + 68, u32::MAX);
        put(&mut out, at + 72, f.right);
        put(&mut out, at + 76, f.child);
        put(&mut out, at + 116, starts[i]);
        put(&mut out, at + 120, f.data.len() as u32);
        if starts[i] != 0xFFFF_FFFE {
            let data_at = 512 * (starts[i] as usize + 1);
            out[data_at..data_at + f.data.len()].copy_from_slice(&f.data);
        }
    }
    out
}

/// A property stream: a header of `header` bytes, then 32-bit integers.
pub fn properties(header: usize, ints: &[(u32, u32)]) -> Vec<u8> {
    let mut out = vec![0u8; header];
    for (tag, value) in ints {
        out.extend_from_slice(&tag.to_le_bytes());
        out.extend_from_slice(&6u32.to_le_bytes());
        out.extend_from_slice(&value.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
    }
    out
}

pub fn unicode(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// The children of an item's storage: its properties, its subject and, when
/// `inner` is given, one attachment holding `inner` as an embedded item.
pub fn item(depth: usize, inner: Option<Vec<Node>>) -> Vec<Node> {
    let header = if depth == 0 { 32 } else { 24 };
    let mut nodes = vec![
        stream("__properties_version1.0", properties(header, &[])),
        stream("__substg1.0_0037001F", unicode(&format!("level {depth}"))),
    ];
    if let Some(inner) = inner {
        nodes.push(storage(
            "__attach_version1.0_#00000000",
            vec![
                stream(
                    "__properties_version1.0",
                    properties(8, &[(0x3705_0003, 5)]),
                ),
                storage("__substg1.0_3701000D", inner),
            ],
        ));
    }
    nodes
}

fn put(bytes: &mut [u8], at: usize, value: u32) {
    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
}
