//! What the templates show, computed from a brief and its articles: text cut into marked
//! pieces, the timeline chart's geometry, the voices matrix. Templates only lay these out and
//! escape them.

use crate::api::{attribution_name, polarity_name, speaker_name, variant_name};
use crate::library::Coverage;
use chrono::NaiveDate;
use parallax_engine::model::{Annotated, Brief, QuoteKind, TimelineEvent};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// A run of text with the same marks. `id` makes it a link target.
#[derive(Debug, Serialize, PartialEq)]
pub(crate) struct Piece {
    text: String,
    id: Option<String>,
    classes: String,
    title: Option<String>,
}

/// One paragraph of pieces.
#[derive(Debug, Serialize)]
pub(crate) struct Paragraph {
    pieces: Vec<Piece>,
}

/// A range of text to show marked: a class for styling and a title shown on hover.
#[derive(Debug)]
pub(crate) struct Mark {
    range: Range<usize>,
    class: &'static str,
    title: Option<String>,
}

/// The id of the link target at byte `start` of source `source`'s text.
pub(crate) fn anchor(source: usize, start: usize) -> String {
    format!("s{source}-{start}")
}

/// `text` cut at every mark's ends and every anchor, paragraph by paragraph. A piece covered by
/// several marks carries all their classes and titles; a piece starting at an anchor gets its
/// id from `anchor_id`.
pub(crate) fn paragraphs(
    text: &str,
    paragraph_ranges: impl Iterator<Item = Range<usize>>,
    marks: &[Mark],
    anchors: &BTreeSet<usize>,
    anchor_id: &dyn Fn(usize) -> String,
) -> Vec<Paragraph> {
    paragraph_ranges
        .map(|paragraph| {
            let mut cuts: BTreeSet<usize> = BTreeSet::from([paragraph.start, paragraph.end]);
            for mark in marks {
                cuts.insert(mark.range.start);
                cuts.insert(mark.range.end);
            }
            cuts.extend(anchors.iter().copied());
            let cuts: Vec<usize> = cuts
                .into_iter()
                .filter(|&cut| {
                    paragraph.start <= cut && cut <= paragraph.end && text.is_char_boundary(cut)
                })
                .collect();
            let mut pieces: Vec<Piece> = Vec::new();
            for window in cuts.windows(2) {
                let (start, end) = (window[0], window[1]);
                let covering: Vec<&Mark> = marks
                    .iter()
                    .filter(|mark| mark.range.start <= start && end <= mark.range.end)
                    .collect();
                let mut classes: Vec<&str> = covering.iter().map(|mark| mark.class).collect();
                classes.dedup();
                let titles: Vec<&str> = covering
                    .iter()
                    .filter_map(|mark| mark.title.as_deref())
                    .collect();
                let piece = Piece {
                    text: text[start..end].to_string(),
                    id: anchors.contains(&start).then(|| anchor_id(start)),
                    classes: classes.join(" "),
                    title: (!titles.is_empty()).then(|| titles.join(" · ")),
                };
                match pieces.last_mut() {
                    Some(last)
                        if piece.id.is_none()
                            && last.classes == piece.classes
                            && last.title == piece.title =>
                    {
                        last.text.push_str(&piece.text);
                    }
                    _ => pieces.push(piece),
                }
            }
            Paragraph { pieces }
        })
        .collect()
}

/// One source's text in the side-by-side columns of the story page.
#[derive(Debug, Serialize)]
pub(crate) struct SourceColumn {
    number: usize,
    article: String,
    paragraphs: Vec<Paragraph>,
}

/// Every source's text, loaded words marked, with a link target at each sentence and at every
/// place the brief cites.
pub(crate) fn source_columns(brief: &Brief, articles: &[Annotated]) -> Vec<SourceColumn> {
    let mut cited: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut cite = |source: usize, start: usize| {
        cited.entry(source).or_default().insert(start);
    };
    let number_of: BTreeMap<String, usize> = brief
        .sources
        .iter()
        .map(|source| (source.article.to_string(), source.number))
        .collect();
    let readings = brief.readings.iter().flat_map(|readings| &readings.sides);
    for sentence in brief
        .summary
        .iter()
        .chain(readings.flat_map(|side| &side.summary))
    {
        for span in &sentence.spans {
            if let Some(&number) = number_of.get(&span.article.to_string()) {
                cite(number, span.start);
            }
        }
    }
    let citations = brief
        .consensus
        .iter()
        .flat_map(|item| &item.citations)
        .chain(
            brief
                .agreed_facts
                .iter()
                .flat_map(|fact| &fact.values)
                .flat_map(|value| &value.citations),
        )
        .chain(
            brief
                .disputes
                .iter()
                .flat_map(|dispute| &dispute.sides)
                .flat_map(|side| &side.citations),
        )
        .chain(brief.single_source.iter().map(|item| &item.citation))
        .chain(brief.voices.iter().flat_map(|voice| &voice.citations))
        .chain(
            brief
                .timeline
                .iter()
                .flat_map(|event| &event.mentions)
                .map(|mention| &mention.citation),
        );
    for citation in citations {
        cite(citation.source, citation.span.start);
    }

    brief
        .sources
        .iter()
        .filter_map(|source| {
            let annotated = articles
                .iter()
                .find(|annotated| annotated.article.id == source.article)?;
            let mut anchors: BTreeSet<usize> = annotated
                .sentences
                .iter()
                .map(|sentence| sentence.range.start)
                .collect();
            anchors.extend(cited.get(&source.number).into_iter().flatten().copied());
            let marks: Vec<Mark> = brief
                .framing
                .iter()
                .filter(|framing| framing.source == source.number)
                .flat_map(|framing| &framing.loaded_words)
                .flat_map(|word| {
                    word.spans.iter().map(|span| Mark {
                        range: span.start..span.end,
                        class: "loaded",
                        title: Some(format!("loaded word: {}", word.word)),
                    })
                })
                .collect();
            let number = source.number;
            Some(SourceColumn {
                number,
                article: source.article.to_string(),
                paragraphs: paragraphs(
                    &annotated.article.text,
                    annotated.article.paragraphs(),
                    &marks,
                    &anchors,
                    &|start| anchor(number, start),
                ),
            })
        })
        .collect()
}

/// The annotations of one article as marks, for the article page: quotes with their speakers,
/// entities, time expressions with their resolved values, claims.
pub(crate) fn article_marks(annotated: &Annotated) -> Vec<Mark> {
    let text = &annotated.article.text;
    let mut marks = Vec::new();
    for (quote_idx, quote) in annotated.quotes.iter().enumerate() {
        let kind = match quote.kind {
            QuoteKind::Direct => "quote",
            QuoteKind::Indirect => "reported speech",
        };
        let speaker = match speaker_name(annotated, quote_idx) {
            Some(name) if quote.anonymous => format!("{name} (unnamed)"),
            Some(name) => name,
            None => "speaker not found".to_string(),
        };
        for range in std::iter::once(&quote.content).chain(&quote.continuation) {
            marks.push(Mark {
                range: range.clone(),
                class: "quote",
                title: Some(format!("{kind} — {speaker}")),
            });
        }
        if let Some(cue) = &quote.cue {
            marks.push(Mark {
                range: cue.clone(),
                class: "cue",
                title: Some(format!(
                    "cue: {}",
                    text.get(cue.clone()).unwrap_or_default()
                )),
            });
        }
    }
    for entity in &annotated.entities {
        let kind = variant_name(entity.kind);
        for mention in &entity.mentions {
            marks.push(Mark {
                range: mention.range.clone(),
                class: "entity",
                title: Some(format!("{kind}: {}", entity.name)),
            });
        }
    }
    for time in &annotated.times {
        marks.push(Mark {
            range: time.range.clone(),
            class: "time",
            title: Some(format!("{} {}", variant_name(time.kind), time.value)),
        });
    }
    // Claims last: a sentence's claim is the widest mark, so its title reads after the
    // narrower ones it contains.
    for claim in &annotated.claims {
        let Some(sentence) = annotated.sentences.get(claim.sentence) else {
            continue;
        };
        marks.push(Mark {
            range: sentence.range.clone(),
            class: "claim",
            title: Some(format!(
                "claim: {}, {} voice",
                polarity_name(claim.polarity),
                attribution_name(&claim.attribution)
            )),
        });
    }
    marks
}

/// The timeline as an SVG chart: dates on an axis, the sources of each event stacked as dots
/// above its date, disputed events marked.
#[derive(Debug, Serialize)]
pub(crate) struct TimelineChart {
    width: u32,
    height: u32,
    axis_y: u32,
    axis_start: u32,
    axis_end: u32,
    ticks: Vec<Tick>,
    /// Where the axis is broken: a gap between event days drawn shorter than it is.
    breaks: Vec<u32>,
    events: Vec<ChartEvent>,
}

#[derive(Debug, Serialize)]
struct Tick {
    x: u32,
    label: String,
}

#[derive(Debug, Serialize)]
struct ChartEvent {
    /// Index into the brief's timeline, for the link to the event's entry.
    idx: usize,
    x: u32,
    date: String,
    disputed: bool,
    dots: Vec<Dot>,
    n_sources: usize,
}

#[derive(Debug, Serialize)]
struct Dot {
    y: u32,
    source: usize,
}

const CHART_WIDTH: u32 = 760;
const CHART_MARGIN: u32 = 48;
const DOT_STEP: u32 = 16;

/// The first day a TIMEX3 date value stands for (`2026-03-11`, `2026-03`, `2026`, `2026-W11`,
/// the start of a range `a/b`); `None` for values without a known year.
fn first_day(value: &str) -> Option<NaiveDate> {
    let value = value.split('/').next()?;
    let mut parts = value.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    match parts.next() {
        None => NaiveDate::from_ymd_opt(year, 1, 1),
        Some(week) if week.starts_with('W') => {
            let week: u32 = week[1..].parse().ok()?;
            NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)
        }
        Some(month) => {
            let month: u32 = month.parse().ok()?;
            let day: u32 = parts.next().and_then(|day| day.parse().ok()).unwrap_or(1);
            NaiveDate::from_ymd_opt(year, month, day)
        }
    }
}

/// The chart of `timeline`, or `None` when no event has a date with a known year.
pub(crate) fn timeline_chart(timeline: &[TimelineEvent]) -> Option<TimelineChart> {
    let dated: Vec<(usize, NaiveDate, &TimelineEvent)> = timeline
        .iter()
        .enumerate()
        .filter_map(|(idx, event)| Some((idx, first_day(&event.date)?, event)))
        .collect();
    let axis = Axis::new(dated.iter().map(|(_, day, _)| *day))?;
    let x_of = |day: NaiveDate| axis.x_of(day);
    // Events at the same spot stack on one another rather than hide each other.
    let mut height_at: BTreeMap<u32, u32> = BTreeMap::new();
    let max_stack = dated
        .iter()
        .map(|(_, _, event)| event.mentions.len() as u32)
        .sum::<u32>()
        .clamp(1, 12);
    let axis_y = 24 + max_stack * DOT_STEP;
    let mut events = Vec::new();
    for (idx, day, event) in &dated {
        let x = x_of(*day);
        let bucket = x / 8;
        let stacked = height_at.entry(bucket).or_insert(0);
        let mut sources: Vec<usize> = event
            .mentions
            .iter()
            .map(|mention| mention.citation.source)
            .collect();
        sources.sort_unstable();
        sources.dedup();
        let dots = sources
            .iter()
            .map(|&source| {
                *stacked += 1;
                Dot {
                    y: axis_y.saturating_sub(*stacked * DOT_STEP).max(8),
                    source,
                }
            })
            .collect();
        events.push(ChartEvent {
            idx: *idx,
            x,
            date: parallax_engine::model::readable_date(&event.date),
            disputed: event.disputed,
            n_sources: sources.len(),
            dots,
        });
    }
    let ticks = axis.ticks();
    Some(TimelineChart {
        width: CHART_WIDTH,
        height: axis_y + 40,
        axis_y,
        axis_start: CHART_MARGIN,
        axis_end: CHART_WIDTH - CHART_MARGIN,
        ticks,
        breaks: axis.breaks(),
        events,
    })
}

/// Where days go on the chart's axis. Days far apart from the rest (an anniversary years
/// before a week of events) would squeeze everything else into one spot on a linear axis, so
/// a gap longer than four times the median gap between event days (and longer than a week) is
/// drawn as long as the median gap and marked as a break.
struct Axis {
    /// The distinct event days in order, with their position from 0 to 1.
    days: Vec<(NaiveDate, f64)>,
    /// The positions (0 to 1) of the middles of the shortened gaps.
    breaks: Vec<f64>,
}

impl Axis {
    fn new(days: impl Iterator<Item = NaiveDate>) -> Option<Axis> {
        let days: Vec<NaiveDate> = days.collect::<BTreeSet<_>>().into_iter().collect();
        let first = *days.first()?;
        let gaps: Vec<i64> = days
            .windows(2)
            .map(|pair| (pair[1] - pair[0]).num_days())
            .collect();
        let mut sorted_gaps = gaps.clone();
        sorted_gaps.sort_unstable();
        let median_gap = sorted_gaps.get(sorted_gaps.len() / 2).copied().unwrap_or(1);
        let longest_drawn = (4 * median_gap).max(7);
        let mut positions = vec![(first, 0.0)];
        let mut breaks = Vec::new();
        let mut position = 0.0;
        for (gap, day) in gaps.iter().zip(&days[1..]) {
            let broken = *gap > longest_drawn;
            let drawn = if broken { median_gap.max(1) } else { *gap } as f64;
            if broken {
                breaks.push(position + drawn / 2.0);
            }
            position += drawn;
            positions.push((*day, position));
        }
        let length = position.max(1.0);
        for (_, position) in &mut positions {
            *position /= length;
        }
        for position in &mut breaks {
            *position /= length;
        }
        Some(Axis {
            days: positions,
            breaks,
        })
    }

    fn to_x(&self, share: f64) -> u32 {
        if self.days.len() == 1 {
            return CHART_WIDTH / 2;
        }
        let axis_length = CHART_WIDTH - 2 * CHART_MARGIN;
        CHART_MARGIN + (share * f64::from(axis_length)).round() as u32
    }

    fn x_of(&self, day: NaiveDate) -> u32 {
        let share = self
            .days
            .iter()
            .find(|(known, _)| *known == day)
            .map_or(0.0, |(_, share)| *share);
        self.to_x(share)
    }

    /// A label under the first and last day and the days on each side of a break, plus every
    /// day when there are few; labels closer than 70 pixels to the previous one are left out.
    fn ticks(&self) -> Vec<Tick> {
        let n_days = self.days.len();
        let mut ticks: Vec<Tick> = Vec::new();
        for (day_idx, (day, share)) in self.days.iter().enumerate() {
            let next_share = self.days.get(day_idx + 1).map(|(_, share)| *share);
            let before_break = next_share
                .is_some_and(|next| self.breaks.iter().any(|brk| *brk > *share && *brk < next));
            let after_break = self
                .breaks
                .iter()
                .any(|brk| *brk < *share && day_idx > 0 && *brk > self.days[day_idx - 1].1);
            let wanted =
                n_days <= 8 || day_idx == 0 || day_idx + 1 == n_days || before_break || after_break;
            let x = self.to_x(*share);
            let crowded = ticks.last().is_some_and(|last| x < last.x + 70);
            if wanted && crowded && day_idx + 1 == n_days {
                // The last day is always labelled; the label crowding it goes.
                ticks.pop();
            }
            if wanted && (!crowded || day_idx + 1 == n_days) {
                ticks.push(Tick {
                    x,
                    label: day.to_string(),
                });
            }
        }
        ticks
    }

    fn breaks(&self) -> Vec<u32> {
        self.breaks.iter().map(|share| self.to_x(*share)).collect()
    }
}

/// A story's coverage by side as a bar: one segment per side, as wide as its share of the
/// articles. The bar is an SVG whose geometry is in attributes, because the
/// Content-Security-Policy allows no inline style; the template prints the counts beside it
/// as text.
#[derive(Debug, Serialize)]
pub(crate) struct CoverageBar {
    /// What groups the articles (`leaning`, `inferred`, …).
    by: String,
    segments: Vec<Segment>,
}

impl CoverageBar {
    /// What groups the articles.
    pub(crate) fn by(&self) -> &str {
        &self.by
    }
}

#[derive(Debug, Serialize)]
struct Segment {
    label: String,
    n_articles: usize,
    /// Start and width on a bar 100 units long, two decimals.
    x: String,
    width: String,
    /// `side-N` for the Nth color, `side-unlisted` for articles no outlet matched.
    class: String,
}

/// Colors the style sheet defines for sides (`.side-0` …).
const N_SIDE_COLORS: usize = 6;

/// The bar of each coverage, `None` where there are no sides. A label keeps its color across
/// the whole list (labels sorted, then colored in turn), so "left" is the same color in every
/// row; inferred sides, whose labels are particular to their story, are colored by position.
pub(crate) fn coverage_bars(coverages: &[&Coverage]) -> Vec<Option<CoverageBar>> {
    let labels: BTreeSet<&str> = coverages
        .iter()
        .filter_map(|coverage| match coverage {
            Coverage::Sides { by, sides } if by != "inferred" => Some(sides),
            _ => None,
        })
        .flatten()
        .map(|side| side.label.as_str())
        .filter(|label| *label != "unlisted")
        .collect();
    let color_of: BTreeMap<&str, usize> = labels
        .into_iter()
        .enumerate()
        .map(|(idx, label)| (label, idx % N_SIDE_COLORS))
        .collect();
    coverages
        .iter()
        .map(|coverage| {
            let Coverage::Sides { by, sides } = coverage else {
                return None;
            };
            let total: usize = sides.iter().map(|side| side.n_articles).sum();
            if total == 0 {
                return None;
            }
            let mut at = 0usize;
            let segments = sides
                .iter()
                .enumerate()
                .map(|(side_idx, side)| {
                    let start = at as f64 * 100.0 / total as f64;
                    at += side.n_articles;
                    let end = at as f64 * 100.0 / total as f64;
                    let class = if side.label == "unlisted" && by != "inferred" {
                        "side-unlisted".to_string()
                    } else {
                        let color = color_of
                            .get(side.label.as_str())
                            .copied()
                            .unwrap_or(side_idx % N_SIDE_COLORS);
                        format!("side-{color}")
                    };
                    Segment {
                        label: parallax_render::display_text(&side.label),
                        n_articles: side.n_articles,
                        x: format!("{start:.2}"),
                        width: format!("{:.2}", end - start),
                        class,
                    }
                })
                .collect();
            Some(CoverageBar {
                by: by.clone(),
                segments,
            })
        })
        .collect()
}

/// Who is quoted by which source: a row per speaker, a column per source.
#[derive(Debug, Serialize)]
pub(crate) struct VoicesMatrix {
    rows: Vec<VoiceRow>,
}

#[derive(Debug, Serialize)]
struct VoiceRow {
    speaker: String,
    anonymous: bool,
    /// Quotes of the speaker in each source, in source order.
    cells: Vec<usize>,
}

pub(crate) fn voices_matrix(brief: &Brief) -> VoicesMatrix {
    let rows = brief
        .voices
        .iter()
        .map(|voice| VoiceRow {
            speaker: parallax_render::display_text(&voice.speaker),
            anonymous: voice.anonymous,
            cells: brief
                .sources
                .iter()
                .map(|source| {
                    voice
                        .by_source
                        .iter()
                        .filter(|by_source| by_source.source == source.number)
                        .map(|by_source| by_source.n_quotes)
                        .sum()
                })
                .collect(),
        })
        .collect();
    VoicesMatrix { rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, marks: &[(Range<usize>, &'static str)], expected: &[(&str, &str)]) {
        let marks: Vec<Mark> = marks
            .iter()
            .map(|(range, class)| Mark {
                range: range.clone(),
                class,
                title: None,
            })
            .collect();
        let paragraphs = paragraphs(
            text,
            std::iter::once(0..text.len()),
            &marks,
            &BTreeSet::new(),
            &|start| start.to_string(),
        );
        let pieces: Vec<(&str, &str)> = paragraphs[0]
            .pieces
            .iter()
            .map(|piece| (piece.text.as_str(), piece.classes.as_str()))
            .collect();
        assert_eq!(pieces, expected);
    }

    #[test]
    fn overlapping_marks_split_into_pieces() {
        check(
            "Ana Vell said talks end Friday.",
            &[(0..31, "claim"), (0..8, "entity"), (24..30, "time")],
            &[
                ("Ana Vell", "claim entity"),
                (" said talks end ", "claim"),
                ("Friday", "claim time"),
                (".", "claim"),
            ],
        );
    }

    #[test]
    fn a_distant_day_breaks_the_axis_instead_of_squeezing_the_rest() {
        let day = |year, month, day| NaiveDate::from_ymd_opt(year, month, day).expect("a date");
        let days = [
            day(2011, 5, 2),
            day(2026, 3, 9),
            day(2026, 3, 10),
            day(2026, 3, 12),
            day(2026, 3, 16),
        ];
        let axis = Axis::new(days.into_iter()).expect("days");
        assert_eq!(axis.breaks().len(), 1);
        let xs: Vec<u32> = days.iter().map(|day| axis.x_of(*day)).collect();
        // The four March days spread over most of the axis.
        assert!(
            xs[4] - xs[1] > (CHART_WIDTH - 2 * CHART_MARGIN) / 2,
            "{xs:?}"
        );
        assert!(xs.windows(2).all(|pair| pair[0] < pair[1]), "{xs:?}");
        let labels: Vec<String> = axis.ticks().into_iter().map(|tick| tick.label).collect();
        assert_eq!(labels.first().map(String::as_str), Some("2011-05-02"));
        assert_eq!(labels.last().map(String::as_str), Some("2026-03-16"));
    }

    #[test]
    fn timex_values_give_their_first_day() {
        assert_eq!(
            first_day("2026-03-11"),
            NaiveDate::from_ymd_opt(2026, 3, 11)
        );
        assert_eq!(first_day("2026-03"), NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(first_day("2026-W02"), NaiveDate::from_ymd_opt(2026, 1, 5));
        assert_eq!(
            first_day("2026-03-01/2026-03-05"),
            NaiveDate::from_ymd_opt(2026, 3, 1)
        );
        assert_eq!(first_day("XXXX-03-05"), None);
    }
}
