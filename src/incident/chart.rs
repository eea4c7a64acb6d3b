//! A summary's hours as a bar chart: where each bar and each code's block
//! go, in the units of an SVG view box (one unit a CSS pixel), and the same
//! hours said in words for those who cannot see the chart.

use super::{Summary, Timestamp};
use crate::catalogue::{self, Ui};
use crate::{Lang, StatusCode};

/// Codes with a colour of their own, most frequent first; the rest share
/// the last colour.
pub const COLOURS: usize = 6;
/// The width of a bar.
pub const BAR: u32 = 28;
/// From the start of a bar to the start of the next.
pub const STEP: u32 = 44;
/// Room above the bars, for their counts.
pub const TOP: u32 = 20;
/// The height of the tallest bar.
pub const PLOT: u32 = 120;
/// The bottom of the bars.
pub const BASE: u32 = TOP + PLOT;
/// The whole chart's height: the bars, their hours and days below.
pub const HEIGHT: u32 = BASE + 34;
/// The left and right margins.
pub const MARGIN: u32 = 4;
/// The room a day's label takes (`2026-11-29`): a bar that starts a new
/// day stands at least this far right of the one before it that did.
pub const DAY: u32 = 72;
/// Hours shown one by one, empty ones too, when the first and the last are
/// less than a week apart; further apart, only the hours with bounces.
pub const MAX_SPAN: i64 = 168;

/// The chart of a summary's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// One bar per hour, left to right.
    pub bars: Vec<Bar>,
    /// The width of the whole chart.
    pub width: u32,
    /// The colours used, in order, with what each stands for.
    pub legend: Vec<Key>,
}

/// One hour's bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// Its left edge.
    pub x: u32,
    /// Its bounces, all codes together.
    pub total: u64,
    /// The hour it starts, `09:00`.
    pub hour: String,
    /// The day, `2026-11-29`, under the first bar and where a day starts.
    pub day: Option<String>,
    /// One block per code, from the bottom up.
    pub blocks: Vec<Block>,
}

/// One code's part of a bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// Its colour, from 0 to `COLOURS - 1`.
    pub colour: usize,
    /// Its top edge.
    pub y: u32,
    /// Its height (never 0).
    pub height: u32,
}

/// What a colour of the legend stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The colour, from 0 to `COLOURS - 1`.
    pub colour: usize,
    /// The code (`None`: bounces without a code).
    pub status: Option<StatusCode>,
    /// Whether the colour stands for every code past the first ones.
    pub others: bool,
}

/// A word of the chart: a bar's count on top, its hour or its day below.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where it goes: its middle (`middle`) or its start.
    pub x: u32,
    /// Its baseline.
    pub y: u32,
    /// Whether `x` is its middle.
    pub middle: bool,
    /// The words.
    pub text: String,
}

impl Chart {
    /// One SVG path per colour of the legend, drawing all its blocks
    /// (`M4 80h28v60h-28z…`): a handful of elements, however many hours.
    pub fn paths(&self) -> Vec<(usize, String)> {
        let mut paths: Vec<(usize, String)> = self
            .legend
            .iter()
            .map(|k| (k.colour, String::new()))
            .collect();
        for bar in &self.bars {
            for block in &bar.blocks {
                if let Some((_, d)) = paths.iter_mut().find(|(c, _)| *c == block.colour) {
                    for (command, value) in [
                        ("M", bar.x),
                        (" ", block.y),
                        ("h", BAR),
                        ("v", block.height),
                        ("h-", BAR),
                    ] {
                        d.push_str(command);
                        d.push_str(&value.to_string());
                    }
                    d.push('z');
                }
            }
        }
        paths
    }

    /// Every word of the chart: each bar's count above it, its hour below
    /// it, and the day under the bars that start one.
    pub fn labels(&self) -> Vec<Label> {
        let mut labels = Vec::new();
        for bar in &self.bars {
            let middle = bar.x + BAR / 2;
            let top = bar.blocks.last().map_or(BASE, |b| b.y);
            if bar.total > 0 {
                labels.push(Label {
                    x: middle,
                    y: top.saturating_sub(4),
                    middle: true,
                    text: bar.total.to_string(),
                });
            }
            labels.push(Label {
                x: middle,
                y: BASE + 14,
                middle: true,
                text: bar.hour.clone(),
            });
            if let Some(day) = &bar.day {
                labels.push(Label {
                    x: bar.x,
                    y: BASE + 29,
                    middle: false,
                    text: day.clone(),
                });
            }
        }
        labels
    }
}

/// The chart of `summary`'s timeline, `None` when no bounce is dated.
pub fn chart(summary: &Summary) -> Option<Chart> {
    let first = summary.timeline.first()?.hour.unix();
    let last = summary.timeline.last()?.hour.unix();
    let mut hours: Vec<i64> = if (last - first) / 3600 < MAX_SPAN {
        (first..=last).step_by(3600).collect()
    } else {
        summary.timeline.iter().map(|h| h.hour.unix()).collect()
    };
    hours.dedup();
    let colour = |status| {
        let row = summary.by_status.iter().position(|r| r.status == status);
        row.unwrap_or(COLOURS).min(COLOURS - 1)
    };
    let mut counts = vec![[0u64; COLOURS]; hours.len()];
    for h in &summary.timeline {
        if let Ok(i) = hours.binary_search(&h.hour.unix()) {
            counts[i][colour(h.status)] += h.count;
        }
    }
    let total = |c: &[u64; COLOURS]| c.iter().sum::<u64>();
    let most = counts.iter().map(total).max().unwrap_or(1).max(1);
    let mut used = [false; COLOURS];
    let mut day_before = String::new();
    let (mut x, mut day_room) = (MARGIN, 0);
    let bars: Vec<Bar> = hours
        .iter()
        .zip(&counts)
        .enumerate()
        .map(|(i, (&hour, counts))| {
            let hour = Timestamp::from_unix(hour);
            let day = hour.day();
            let new_day = day != day_before;
            day_before.clone_from(&day);
            if i > 0 {
                x += STEP;
            }
            if new_day {
                x = x.max(day_room);
                day_room = x + DAY;
            }
            Bar {
                x,
                total: total(counts),
                hour: hour.clock(),
                day: new_day.then_some(day),
                blocks: blocks(counts, most, &mut used),
            }
        })
        .collect();
    let many = summary.by_status.len() > COLOURS;
    let legend = (0..COLOURS)
        .filter(|&c| used[c])
        .map(|colour| Key {
            colour,
            status: summary.by_status.get(colour).and_then(|r| r.status),
            others: many && colour == COLOURS - 1,
        })
        .collect();
    Some(Chart {
        width: x + BAR + MARGIN,
        bars,
        legend,
    })
}

/// An hour's blocks, stacked from the base, each as tall as its count
/// (rounded) but never less than one unit, so that no code with bounces
/// in the hour vanishes; a bar of many small blocks may rise a few units
/// above its share, into the room on top.
fn blocks(counts: &[u64; COLOURS], most: u64, used: &mut [bool; COLOURS]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut bottom = BASE;
    for (colour, &count) in counts.iter().enumerate().filter(|(_, &n)| n > 0) {
        let height = ((count * u64::from(PLOT) + most / 2) / most).max(1) as u32;
        bottom -= height.min(bottom);
        out.push(Block {
            colour,
            y: bottom,
            height,
        });
        used[colour] = true;
    }
    out
}

/// The chart in words: its title, then each hour with bounces and how many
/// of each code it had, in `lang`.
pub fn describe(summary: &Summary, lang: Lang) -> String {
    let ui = catalogue::ui(lang);
    let mut out = ui.chart_heading.to_owned();
    out.push('.');
    let mut rest = &summary.timeline[..];
    while let Some(hour) = rest.first().map(|h| h.hour) {
        let n = rest.iter().take_while(|h| h.hour == hour).count();
        let counts: Vec<String> = rest[..n]
            .iter()
            .map(|h| {
                let code = code_name(ui, h.status);
                match h.count {
                    1 => ui.chart_one(&code),
                    n => ui.chart_many(&n.to_string(), &code),
                }
            })
            .collect();
        let end = Timestamp::from_unix(hour.unix() + 3600).clock();
        out.push(' ');
        out.push_str(&ui.chart_hour(&hour.day(), &hour.clock(), &end, &counts.join(", ")));
        rest = &rest[n..];
    }
    out
}

/// A code as the summary writes it, or the words for "no code".
pub fn code_name(ui: &Ui, status: Option<StatusCode>) -> String {
    status.map_or_else(|| ui.batch_no_code.to_owned(), |s| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::Incident;
    use crate::{Bounce, Kind};

    /// A summary of bounces with these codes at these times (`HH:MM` on
    /// 2026-11-29, or a whole date).
    fn summary(items: &[(&str, &str)]) -> Summary {
        let mut incident = Incident::new();
        for (i, (code, at)) in items.iter().enumerate() {
            let mut bounce = Bounce::none();
            bounce.kind = Kind::Failure;
            bounce.status = StatusCode::parse(code);
            let date = if at.len() == 5 {
                format!("29 Nov 2026 {at} +0000")
            } else {
                (*at).to_owned()
            };
            incident.add("f", i, &bounce, Timestamp::parse(&date));
        }
        incident.summary()
    }

    /// Bar `i`'s blocks as (colour, y, height).
    fn stacked(chart: &Chart, i: usize) -> Vec<(usize, u32, u32)> {
        chart.bars[i]
            .blocks
            .iter()
            .map(|b| (b.colour, b.y, b.height))
            .collect()
    }

    #[test]
    fn a_morning_with_an_empty_hour_and_a_block_starting_mid_way() {
        let s = summary(&[
            ("5.1.1", "08:05"),
            ("4.4.7", "08:20"),
            ("5.1.1", "08:40"),
            ("5.7.705", "10:10"),
            ("5.7.705", "10:40"),
            ("5.7.705", "10:50"),
            ("5.1.1", "10:55"),
            ("5.7.705", "11:10"),
        ]);
        let chart = chart(&s).unwrap();
        let hours: Vec<&str> = chart.bars.iter().map(|b| b.hour.as_str()).collect();
        assert_eq!(
            hours,
            ["08:00", "09:00", "10:00", "11:00"],
            "09:00 is empty"
        );
        let totals: Vec<u64> = chart.bars.iter().map(|b| b.total).collect();
        assert_eq!(totals, [3, 0, 4, 1]);
        let days: Vec<Option<&str>> = chart.bars.iter().map(|b| b.day.as_deref()).collect();
        assert_eq!(days, [Some("2026-11-29"), None, None, None]);
        let xs: Vec<u32> = chart.bars.iter().map(|b| b.x).collect();
        assert_eq!(xs, [4, 48, 92, 136]);
        assert_eq!(chart.width, 136 + BAR + MARGIN);
        // Colours follow the table: 5.7.705 (4), 5.1.1 (3), 4.4.7 (1).
        let blocks = |i: usize| stacked(&chart, i);
        assert_eq!(blocks(0), [(1, 80, 60), (2, 50, 30)]);
        assert!(blocks(1).is_empty());
        assert_eq!(blocks(2), [(0, 50, 90), (1, 20, 30)]);
        assert_eq!(blocks(3), [(0, 110, 30)]);
        let legend: Vec<(usize, String)> = chart
            .legend
            .iter()
            .map(|k| (k.colour, k.status.unwrap().to_string()))
            .collect();
        assert_eq!(
            legend,
            [
                (0, "5.7.705".into()),
                (1, "5.1.1".into()),
                (2, "4.4.7".into())
            ]
        );
        assert_eq!(
            chart.paths(),
            [
                (0, "M92 50h28v90h-28zM136 110h28v30h-28z".to_owned()),
                (1, "M4 80h28v60h-28zM92 20h28v30h-28z".to_owned()),
                (2, "M4 50h28v30h-28z".to_owned()),
            ]
        );
        let labels = chart.labels();
        let labels: Vec<(u32, u32, bool, &str)> = labels
            .iter()
            .map(|l| (l.x, l.y, l.middle, l.text.as_str()))
            .collect();
        let (hour, day) = (BASE + 14, BASE + 29);
        assert_eq!(
            labels[..4],
            [
                (18, 46, true, "3"),
                (18, hour, true, "08:00"),
                (4, day, false, "2026-11-29"),
                (62, hour, true, "09:00"),
            ],
            "an empty hour has no count"
        );
        assert_eq!(labels.len(), 3 + 1 + 2 + 2);
    }

    #[test]
    fn said_in_words_in_both_languages() {
        let s = summary(&[
            ("5.1.1", "08:05"),
            ("5.1.1", "08:40"),
            ("4.4.7", "08:20"),
            ("5.7.705", "23:40"),
            ("", "23:50"),
        ]);
        assert_eq!(
            describe(&s, Lang::En),
            "Bounces per hour (UTC). 2026-11-29, 08:00 to 09:00: 1 bounce (4.4.7), 2 bounces (5.1.1). \
             2026-11-29, 23:00 to 00:00: 1 bounce (5.7.705), 1 bounce (no code)."
        );
        assert_eq!(
            describe(&s, Lang::Fr),
            "Messages de non-remise par heure (UTC). 2026-11-29, de 08:00 à 09:00\u{202f}: 1 message de non-remise (4.4.7), \
             2 messages de non-remise (5.1.1). 2026-11-29, de 23:00 à 00:00\u{202f}: 1 message de non-remise (5.7.705), \
             1 message de non-remise (sans code)."
        );
        let empty = summary(&[]);
        assert_eq!(describe(&empty, Lang::En), "Bounces per hour (UTC).");
        assert_eq!(chart(&empty), None);
    }

    #[test]
    fn days_apart_only_the_hours_with_bounces_and_each_new_day_named() {
        let s = summary(&[
            ("5.7.705", "29 Nov 2026 23:30 +0000"),
            ("5.7.705", "30 Nov 2026 00:10 +0000"),
            ("5.7.705", "20 Dec 2026 09:00 +0000"),
        ]);
        let chart = chart(&s).unwrap();
        let labels: Vec<(&str, Option<&str>)> = chart
            .bars
            .iter()
            .map(|b| (b.hour.as_str(), b.day.as_deref()))
            .collect();
        assert_eq!(
            labels,
            [
                ("23:00", Some("2026-11-29")),
                ("00:00", Some("2026-11-30")),
                ("09:00", Some("2026-12-20")),
            ]
        );
        let xs: Vec<u32> = chart.bars.iter().map(|b| b.x).collect();
        assert_eq!(xs, [4, 4 + DAY, 4 + 2 * DAY], "room for each day's label");
        assert!(chart.bars.iter().all(|b| b.blocks
            == [Block {
                colour: 0,
                y: TOP,
                height: PLOT
            }]));
        // Hours in a row, a day starting at the second: it moves right.
        let s = summary(&[
            ("5.7.705", "29 Nov 2026 23:30 +0000"),
            ("5.7.705", "30 Nov 2026 01:10 +0000"),
        ]);
        let chart = super::chart(&s).unwrap();
        let xs: Vec<(u32, Option<&str>)> =
            chart.bars.iter().map(|b| (b.x, b.day.as_deref())).collect();
        assert_eq!(
            xs,
            [
                (4, Some("2026-11-29")),
                (4 + DAY, Some("2026-11-30")),
                (4 + DAY + STEP, None)
            ]
        );
        assert_eq!(chart.width, 4 + DAY + STEP + BAR + MARGIN);
    }

    #[test]
    fn codes_past_the_colours_share_the_last_one_and_small_counts_still_show() {
        let mut items = vec![("5.7.705", "08:00"); 500];
        for code in ["5.1.1", "5.1.2", "5.2.2", "5.4.1", "5.7.1", "5.7.750"] {
            items.push((code, "09:00"));
        }
        items.push(("5.7.703", "08:30"));
        let s = summary(&items);
        let chart = chart(&s).unwrap();
        assert_eq!(chart.bars[0].total, 501);
        let blocks = |i: usize| stacked(&chart, i);
        assert_eq!(
            blocks(0),
            [(0, TOP, PLOT), (5, TOP - 1, 1)],
            "1 in 501 still shows"
        );
        let second: Vec<(usize, u32)> = blocks(1).iter().map(|b| (b.0, b.2)).collect();
        assert_eq!(
            second,
            [(1, 1), (2, 1), (3, 1), (4, 1), (5, 1)],
            "one unit at least, the last two codes together"
        );
        let last = chart.legend.last().unwrap();
        assert!(last.others && last.colour == COLOURS - 1);
        assert_eq!(chart.legend.len(), COLOURS);
    }
}
