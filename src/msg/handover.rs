//! What the reader made of an item, as one run of bytes: how the widget's
//! reader module (`src/bin/ndr-explainer-msg.rs`, built with the reader)
//! hands [`to_mime`](super::to_mime)'s result to the widget (built without
//! it), which reads it with [`super::analyse_converted`]. A byte string
//! crosses between two wasm modules as one copy, and the widget needs no
//! JavaScript object code to take it apart.
//!
//! The form: a tag byte, then for an error (tag 0) the error's place in
//! [`MsgError::ALL`]; for an item (tag 1, or 2 when it forwards a report)
//! the number of problems (u32, little-endian) and each one's place, the
//! MIME message's length (u32) and bytes, then the forwarded report's bytes.

use super::{Converted, MsgError};

const ERROR: u8 = 0;
const ITEM: u8 = 1;
const ITEM_WITH_REPORT: u8 = 2;

/// `converted` in the hand-over form.
pub fn encode(converted: &Result<Converted, MsgError>) -> Vec<u8> {
    let item = match converted {
        Ok(item) => item,
        Err(error) => return vec![ERROR, place(*error)],
    };
    let tag = if item.forwarded.is_some() {
        ITEM_WITH_REPORT
    } else {
        ITEM
    };
    let report = item.forwarded.as_deref().unwrap_or_default();
    let mut out = Vec::with_capacity(9 + item.problems.len() + item.mime.len() + report.len());
    out.push(tag);
    out.extend_from_slice(&length(item.problems.len()));
    out.extend(item.problems.iter().map(|p| place(*p)));
    out.extend_from_slice(&length(item.mime.len()));
    out.extend_from_slice(&item.mime);
    out.extend_from_slice(report);
    out
}

/// The result `bytes` stands for; `None` when they are not in the hand-over
/// form (cut short, an unknown tag or error, bytes left over).
pub fn decode(bytes: &[u8]) -> Option<Result<Converted, MsgError>> {
    let (&tag, rest) = bytes.split_first()?;
    if tag == ERROR {
        return match rest {
            [error] => Some(Err(*MsgError::ALL.get(usize::from(*error))?)),
            _ => None,
        };
    }
    if tag != ITEM && tag != ITEM_WITH_REPORT {
        return None;
    }
    let (count, rest) = take_length(rest)?;
    let (places, rest) = rest.split_at_checked(count)?;
    let problems = places
        .iter()
        .map(|p| MsgError::ALL.get(usize::from(*p)).copied())
        .collect::<Option<Vec<_>>>()?;
    let (size, rest) = take_length(rest)?;
    let (mime, report) = rest.split_at_checked(size)?;
    if tag == ITEM && !report.is_empty() {
        return None;
    }
    Some(Ok(Converted {
        mime: mime.to_vec(),
        forwarded: (tag == ITEM_WITH_REPORT).then(|| report.to_vec()),
        problems,
    }))
}

fn place(error: MsgError) -> u8 {
    MsgError::ALL.iter().position(|e| *e == error).unwrap_or(0) as u8
}

/// A length as u32, little-endian. Lengths here never pass 4 GiB: the input
/// is at most [`crate::MAX_INPUT`] and the MIME made of it a few times that.
fn length(n: usize) -> [u8; 4] {
    u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes()
}

fn take_length(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let (n, rest) = bytes.split_first_chunk::<4>()?;
    Some((usize::try_from(u32::from_le_bytes(*n)).ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(forwarded: Option<&[u8]>) -> Result<Converted, MsgError> {
        Ok(Converted {
            mime: b"Subject: x\r\n\r\nbody".to_vec(),
            forwarded: forwarded.map(<[u8]>::to_vec),
            problems: vec![MsgError::BadRtf, MsgError::TooDeep],
        })
    }

    #[test]
    fn every_result_comes_back_as_it_went() {
        let mut results: Vec<_> = MsgError::ALL.into_iter().map(Err).collect();
        results.extend([item(None), item(Some(b"")), item(Some(b"report"))]);
        results.push(Ok(Converted {
            mime: Vec::new(),
            forwarded: None,
            problems: Vec::new(),
        }));
        for result in results {
            assert_eq!(decode(&encode(&result)), Some(result.clone()), "{result:?}");
        }
    }

    #[test]
    fn bytes_not_in_the_form_are_refused() {
        let good = encode(&item(Some(b"report")));
        for cut in 0..good.len() - b"report".len() {
            assert_eq!(decode(&good[..cut]), None, "cut at {cut}");
        }
        let mut unknown_problem = good.clone();
        unknown_problem[5] = 200;
        let mut trailing = encode(&item(None));
        trailing.push(b'x');
        let mut huge = good.clone();
        huge[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
        for bad in [
            &[][..],
            &[3][..],
            &[ERROR][..],
            &[ERROR, 200][..],
            &[ERROR, 1, 1][..],
            &unknown_problem,
            &trailing,
            &huge,
        ] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
    }
}
