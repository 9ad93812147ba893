//! The SemEval-2015 Task 4 timeline format and its temporal-awareness score.
//!
//! A timeline file holds the target entity on its first line, then one line per event:
//! `ORDER \t ANCHOR \t MENTION [\t MENTION ...]`, where a mention is `DOCID-SENTENCE-WORD` and
//! the anchor is an ISO date with `XX` for what is unknown (`2008-XX-XX`, `XXXX-XX-XX`).
//!
//! The task scores a timeline as a graph (its tools page): every time anchor is a TIMEX3, every
//! event is SIMULTANEOUS with its anchor, events of one order number are SIMULTANEOUS, and
//! events of a lower number are BEFORE those of a higher one. Graphs are then compared with
//! TempEval-3's temporal awareness (UzZaman and Allen 2011): precision is the share of the
//! system's reduced graph that the gold closure entails, recall the share of the gold's reduced
//! graph that the system closure entails, both micro-averaged over all timelines.
//!
//! The official script was not shipped with the data, so these readings are ours:
//! - an anchor of `XXXX-XX-XX` is no time node (it says nothing), and `2008` is `2008-XX-XX`;
//! - the closure of a timeline is its order numbers (the gold gives one day several numbers
//!   when its events follow each other, so an anchor does not merge order numbers);
//! - the reduced graph is, per order number, each anchored event SIMULTANEOUS with its anchor
//!   and each unanchored one with the number's first event, plus one BEFORE between consecutive
//!   numbers, each number standing for itself by its anchor when no other number shares that
//!   anchor, else by its first event: the fewest relations whose closure is the whole graph.

use std::collections::{BTreeMap, HashMap};

/// The anchor of an event whose date is unknown.
pub const UNKNOWN_ANCHOR: &str = "XXXX-XX-XX";

/// One line of a timeline: coreferent mentions of one event, with its position and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEvent {
    /// Position on the timeline; events of one position happen at the same time.
    pub order: u32,
    /// The date, `XX` for unknown parts.
    pub anchor: String,
    /// `DOCID-SENTENCE-WORD` of each mention.
    pub mentions: Vec<String>,
}

/// The timeline of one target entity.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    /// The target entity as the file names it.
    pub entity: String,
    /// Its events, in file order.
    pub events: Vec<TimelineEvent>,
}

impl Timeline {
    /// Parses a timeline file. Lines that are not `ORDER \t ANCHOR \t MENTION...` after the
    /// first are skipped: the files are hand-made and a stray blank line says nothing.
    pub fn parse(text: &str) -> Timeline {
        let mut lines = text.lines();
        let entity = lines.next().unwrap_or_default().trim().to_string();
        let events = lines
            .filter_map(|line| {
                let mut fields = line.split('\t').map(str::trim);
                let order = fields.next()?.parse().ok()?;
                let anchor = fields.next()?.to_string();
                let mentions: Vec<String> = fields
                    .filter(|field| !field.is_empty())
                    .map(str::to_string)
                    .collect();
                (!mentions.is_empty()).then_some(TimelineEvent {
                    order,
                    anchor,
                    mentions,
                })
            })
            .collect();
        Timeline { entity, events }
    }

    /// The timeline in the task's file format.
    pub fn to_file(&self) -> String {
        let mut out = format!("{}\n", self.entity);
        for event in &self.events {
            out.push_str(&format!(
                "{}\t{}\t{}\n",
                event.order,
                event.anchor,
                event.mentions.join("\t")
            ));
        }
        out
    }
}

/// A node of a timeline graph: an event mention or a time anchor (by its value).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Event(String),
    Time(String),
}

/// A relation of a reduced graph.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Relation {
    /// An event is SIMULTANEOUS with its time anchor.
    Anchored(String, String),
    /// Two events of one order number.
    Simultaneous(String, String),
    /// Everything of the first node's order number is before everything of the second's.
    Before(Node, Node),
}

/// A timeline as a graph: each event's order number and anchor, each anchor's order numbers,
/// and its reduced relations. The order numbers are the closure: one event is before another
/// when its number is lower, simultaneous when it is the same.
struct Graph {
    event_order: HashMap<String, u32>,
    event_anchor: HashMap<String, String>,
    /// Lowest and highest order number of each anchor value.
    anchor_orders: HashMap<String, (u32, u32)>,
    reduced: Vec<Relation>,
}

impl Graph {
    fn new(timeline: &Timeline) -> Graph {
        let mut event_order = HashMap::new();
        let mut event_anchor = HashMap::new();
        let mut anchor_orders: HashMap<String, (u32, u32)> = HashMap::new();
        let mut by_order: BTreeMap<u32, Vec<(&str, Option<String>)>> = BTreeMap::new();
        for event in &timeline.events {
            let anchor = normalized_anchor(&event.anchor);
            if let Some(anchor) = &anchor {
                let orders = anchor_orders
                    .entry(anchor.clone())
                    .or_insert((event.order, event.order));
                *orders = (orders.0.min(event.order), orders.1.max(event.order));
            }
            for mention in &event.mentions {
                // A mention listed twice keeps its first place, as a reader of the file would.
                if event_order.contains_key(mention) {
                    continue;
                }
                event_order.insert(mention.clone(), event.order);
                if let Some(anchor) = &anchor {
                    event_anchor.insert(mention.clone(), anchor.clone());
                }
                by_order
                    .entry(event.order)
                    .or_default()
                    .push((mention, anchor.clone()));
            }
        }

        let mut reduced = Vec::new();
        let mut representatives = Vec::new();
        for members in by_order.values() {
            let Some(&(first, _)) = members.first() else {
                continue;
            };
            // The class's anchor stands for it when no other order number shares the anchor;
            // otherwise (several steps on one day) its first event does.
            let own_anchor = members.iter().find_map(|(_, anchor)| {
                let anchor = anchor.as_ref()?;
                let (lowest, highest) = anchor_orders.get(anchor)?;
                (lowest == highest).then(|| anchor.clone())
            });
            for &(mention, ref anchor) in members {
                match anchor {
                    Some(anchor) => {
                        reduced.push(Relation::Anchored(mention.to_string(), anchor.clone()));
                    }
                    None if mention != first => reduced.push(Relation::Simultaneous(
                        first.to_string(),
                        mention.to_string(),
                    )),
                    None => {}
                }
            }
            representatives.push(match own_anchor {
                Some(anchor) => Node::Time(anchor),
                None => Node::Event(first.to_string()),
            });
        }
        for pair in representatives.windows(2) {
            reduced.push(Relation::Before(pair[0].clone(), pair[1].clone()));
        }
        Graph {
            event_order,
            event_anchor,
            anchor_orders,
            reduced,
        }
    }

    /// The lowest and highest order number of a node, when the graph has it.
    fn orders(&self, node: &Node) -> Option<(u32, u32)> {
        match node {
            Node::Event(mention) => self.event_order.get(mention).map(|&order| (order, order)),
            Node::Time(anchor) => self.anchor_orders.get(anchor).copied(),
        }
    }

    /// Whether this graph (closed) holds `relation`.
    fn entails(&self, relation: &Relation) -> bool {
        match relation {
            Relation::Anchored(mention, anchor) => self.event_anchor.get(mention) == Some(anchor),
            Relation::Simultaneous(left, right) => {
                let order = |mention: &String| self.event_order.get(mention);
                order(left).is_some() && order(left) == order(right)
            }
            Relation::Before(earlier, later) => match (self.orders(earlier), self.orders(later)) {
                (Some((_, earlier_last)), Some((later_first, _))) => earlier_last < later_first,
                _ => false,
            },
        }
    }
}

/// An anchor with every part written (`2008` → `2008-XX-XX`, as the gold files write years
/// both ways), or `None` for an unknown date.
fn normalized_anchor(anchor: &str) -> Option<String> {
    let mut parts: Vec<&str> = anchor.trim().split('-').collect();
    parts.resize(3, "XX");
    let normalized = parts.join("-");
    (normalized != UNKNOWN_ANCHOR).then_some(normalized)
}

/// Counts behind temporal-awareness precision and recall, summed over timelines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Awareness {
    /// Relations of the system's reduced graph that the gold closure entails.
    pub system_entailed: usize,
    /// Relations of the system's reduced graph.
    pub system_relations: usize,
    /// Relations of the gold's reduced graph that the system closure entails.
    pub gold_entailed: usize,
    /// Relations of the gold's reduced graph.
    pub gold_relations: usize,
}

impl Awareness {
    /// Adds another timeline's counts (micro-averaging).
    pub fn add(&mut self, other: &Awareness) {
        self.system_entailed += other.system_entailed;
        self.system_relations += other.system_relations;
        self.gold_entailed += other.gold_entailed;
        self.gold_relations += other.gold_relations;
    }

    /// Precision, 0 when the system has no relation.
    pub fn precision(&self) -> f64 {
        ratio(self.system_entailed, self.system_relations)
    }

    /// Recall, 0 when the gold has no relation.
    pub fn recall(&self) -> f64 {
        ratio(self.gold_entailed, self.gold_relations)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        crate::f1(self.precision(), self.recall())
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Scores one system timeline against its gold timeline.
pub fn awareness(gold: &Timeline, system: &Timeline) -> Awareness {
    let (gold, system) = (Graph::new(gold), Graph::new(system));
    Awareness {
        system_entailed: system.reduced.iter().filter(|r| gold.entails(r)).count(),
        system_relations: system.reduced.len(),
        gold_entailed: gold.reduced.iter().filter(|r| system.entails(r)).count(),
        gold_relations: gold.reduced.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "Acme Rail\n\
        0\tXXXX-XX-XX\t10-4-owns\n\
        1\t2001-05-XX\t10-2-founded\t11-3-created\n\
        2\t2003-02-11\t11-5-merged\n\
        2\t2003-02-11\t10-7-announced\n";

    fn check(system: &str, expected: (usize, usize, usize, usize)) {
        let scored = awareness(&Timeline::parse(GOLD), &Timeline::parse(system));
        assert_eq!(
            (
                scored.system_entailed,
                scored.system_relations,
                scored.gold_entailed,
                scored.gold_relations
            ),
            expected,
            "{system}"
        );
    }

    #[test]
    fn parse_reads_entity_and_coreferent_mentions() {
        let timeline = Timeline::parse(GOLD);
        assert_eq!(timeline.entity, "Acme Rail");
        assert_eq!(timeline.events.len(), 4);
        assert_eq!(
            timeline.events[1].mentions,
            ["10-2-founded", "11-3-created"]
        );
        assert_eq!(Timeline::parse(&timeline.to_file()), timeline);
    }

    #[test]
    fn gold_against_itself_is_perfect() {
        // Reduced gold: class 0 has one node (nothing), class 1: anchor + 2 events (2),
        // class 2: anchor + 2 events (2), and 2 BEFORE links: 6 relations.
        check(GOLD, (6, 6, 6, 6));
    }

    #[test]
    fn a_wrong_date_loses_its_anchor_link_and_the_order_it_implies() {
        let system = "Acme Rail\n\
            0\t2001-05-XX\t10-2-founded\n\
            1\t2003-02-12\t11-5-merged\n";
        // System relations: founded = 2001-05, merged = 2003-02-12, 2001-05 < 2003-02-12.
        // The gold entails the first only. Gold relations entailed by the system: founded's
        // anchor link.
        check(system, (1, 3, 1, 6));
    }

    #[test]
    fn order_is_transitive() {
        let system = "Acme Rail\n\
            0\tXXXX-XX-XX\t10-4-owns\n\
            1\tXXXX-XX-XX\t11-5-merged\n";
        // owns < merged holds in the gold through the 2001-05 class; the gold's relations all
        // involve an anchor or a mention the system lacks.
        check(system, (1, 1, 0, 6));
    }

    #[test]
    fn steps_of_one_day_are_ordered_by_their_events() {
        let gold = "Acme Rail\n\
            1\t1999\t12-1-planned\n\
            2\t2004-06-01\t12-2-opened\n\
            3\t2004-06-01\t12-3-closed\n";
        let system = "Acme Rail\n\
            0\t1999-XX-XX\t12-1-planned\n\
            1\t2004-06-01\t12-3-closed\n\
            2\t2004-06-01\t12-2-opened\n";
        let scored = awareness(&Timeline::parse(gold), &Timeline::parse(system));
        // Both: 3 anchor links and 2 BEFORE; only the order of the day's two steps is wrong.
        assert_eq!((scored.system_entailed, scored.system_relations), (4, 5));
        assert_eq!((scored.gold_entailed, scored.gold_relations), (4, 5));
    }

    #[test]
    fn empty_system_scores_zero() {
        let scored = awareness(&Timeline::parse(GOLD), &Timeline::parse("Acme Rail\n"));
        assert_eq!(scored.f1(), 0.0);
        assert_eq!(scored.gold_relations, 6);
    }
}
