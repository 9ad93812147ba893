//! Grouping named mentions into entities within one article, deciding each entity's kind from
//! all its mentions, and resolving role descriptions ("the Veskland prime minister") to the
//! person the article names with that role.

use super::gazetteer::{Class, GAZETTEER};
use super::mentions::{
    Affiliation, Candidate, Context, ORG_SUFFIXES, PLACE_PREFIXES, PLACE_SUFFIXES,
    after_place_preposition, before_speech_verb,
};
use parallax_model::{Entity, EntityKind, Mention};
use std::collections::{HashMap, HashSet};

/// How many earlier people a role description is compared with, most recent first. An article
/// names a handful; the bound keeps hostile input (thousands of names, thousands of "the
/// minister") linear.
const MAX_ROLE_CANDIDATES: usize = 64;

/// Role titles that stand for any title of their group ("the minister" for a foreign minister).
const GENERIC_ROLES: &[&str] = &[
    "leader",
    "minister",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "chief",
    "secretary",
    "envoy",
    "diplomat",
    "lawmaker",
    "executive",
    "director",
];

/// Abbreviated titles and the titles they stand for, so that "the governor" finds "Gov. Ana
/// Ruiz"; the House titles are one office ("the congressman" finds "Rep. Tom Vale").
const SAME_OFFICE: &[(&str, &str)] = &[
    ("gov.", "governor"),
    ("sen.", "senator"),
    ("rep.", "representative"),
    ("congressman", "representative"),
    ("congresswoman", "representative"),
    ("gen.", "general"),
    ("lt. gen.", "lieutenant general"),
    ("maj. gen.", "major general"),
    ("brig. gen.", "brigadier general"),
    ("adm.", "admiral"),
    ("capt.", "captain"),
    ("col.", "colonel"),
    ("lt.", "lieutenant"),
    ("maj.", "major"),
    ("sgt.", "sergeant"),
    ("prof.", "professor"),
    ("rev.", "reverend"),
];

/// Words between "the" and a role title that say how, or how long, the person holds it ("the
/// longtime mayor", "the outgoing prime minister"), not which office; "former" is read apart.
const ROLE_MODIFIERS: &[&str] = &[
    "longtime",
    "long-time",
    "veteran",
    "outgoing",
    "incoming",
    "current",
    "sitting",
    "newly",
    "elected",
    "new",
];

/// The office a title key names: an abbreviation's full title, one of the House titles.
fn office(key: &str) -> &str {
    SAME_OFFICE
        .iter()
        .find(|(title, _)| *title == key)
        .map_or(key, |(_, office)| office)
}

/// Whether `token` says how long a role has been held: "four-term", "2-term".
fn is_term_count(token: &str) -> bool {
    token
        .strip_suffix("-term")
        .is_some_and(|count| !count.is_empty() && count.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Role groups whose holders speak for a country; an unknown name a title of these belongs to
/// is a place ("Veskland's Prime Minister").
const STATE_ROLE_GROUPS: &[&str] = &[
    "head",
    "deputy",
    "minister",
    "diplomat",
    "legislator",
    "military",
    "royal",
    "judiciary",
    "official",
];

/// How sure a piece of evidence about an entity's kind is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Weak,
    Medium,
    Strong,
}

/// One entity being built.
#[derive(Debug)]
struct Group {
    kind: Option<(EntityKind, Strength)>,
    /// Candidate indexes, in text order.
    members: Vec<usize>,
    /// Role mentions as token ranges.
    roles: Vec<(usize, usize)>,
    country: Option<String>,
    title: Option<usize>,
    /// Whether the title was given as one held before ("former Gov. Ana Ruiz").
    former: bool,
    affiliation: Option<Affiliation>,
}

impl Group {
    fn consider(&mut self, evidence: Option<(EntityKind, Strength)>) {
        if let Some((kind, strength)) = evidence
            && self.kind.is_none_or(|(_, old)| strength > old)
        {
            self.kind = Some((kind, strength));
        }
    }
}

/// What a candidate's own words and neighbors say of its kind.
fn evidence(ctx: &Context, candidate: &Candidate) -> Option<(EntityKind, Strength)> {
    use EntityKind::{Group as People, Organization, Person, Place};
    use Strength::{Medium, Strong, Weak};
    if let Some(entry) = candidate.entry.and_then(|idx| GAZETTEER.entries.get(idx)) {
        let kind = match entry.class {
            // A nationality adjective is a mention of its country ("Russian troops").
            Class::Country | Class::Place | Class::Demonym => Place,
            Class::Org | Class::Metonym => Organization,
            Class::People => People,
            Class::Given => Person,
            Class::Title | Class::Honorific => return None,
        };
        return Some((kind, Strong));
    }
    if candidate.title.is_some() || candidate.honorific {
        return Some((Person, Strong));
    }
    if candidate.office_body {
        return Some((Organization, Strong));
    }
    let first = ctx.tokens.get(candidate.first)?;
    let last = ctx.tokens.get(candidate.last)?;
    if ORG_SUFFIXES.contains(&last.lower.as_ref()) && candidate.last > candidate.first {
        return Some((Organization, Strong));
    }
    if PLACE_SUFFIXES.contains(&last.lower.as_ref()) && candidate.last > candidate.first {
        return Some((Place, Strong));
    }
    let words = ctx.span_key(candidate.first, candidate.last);
    if words.contains(" of ") && PLACE_PREFIXES.contains(&first.lower.as_ref()) {
        return Some((Place, Medium));
    }
    if words.contains(" of ") || words.contains(" for ") || words.contains(" on ") {
        return Some((Organization, Medium));
    }
    // "Senate Democrats", "Leading Republicans": the members of a party are a group of people,
    // not a person, even before a verb of saying.
    if matches!(
        last.lower.as_ref(),
        "democrats" | "republicans" | "independents"
    ) {
        return Some((People, Strong));
    }
    // "The Democratic governor", "lost to Democrat Ana Ruiz": a party, whatever word is around.
    if crate::PARTY_WORDS.contains(&ctx.span_text(candidate.first, candidate.last)) {
        return Some((Organization, Strong));
    }
    if let Some(group) = &candidate.affiliates {
        let kind = if STATE_ROLE_GROUPS.contains(&group.as_str()) {
            Place
        } else {
            Organization
        };
        return Some((kind, Strong));
    }
    if candidate.first == candidate.last && first.all_caps {
        return Some((Organization, Medium));
    }
    let is_initial = first.lower.len() == 2 && first.lower.ends_with('.');
    let has_particle = ctx
        .tokens
        .get(candidate.first..=candidate.last)
        .unwrap_or_default()
        .iter()
        .any(|token| {
            token.word && !token.capitalized && token.lower != "of" && token.lower != "for"
        });
    if has_particle && !words.contains(" and ") {
        return Some((Person, Medium));
    }
    let given_name = GAZETTEER.is_given_name(&first.lower)
        || ctx
            .tokens
            .get(candidate.first)
            .and_then(|token| ctx.text.get(token.range.clone()))
            .and_then(super::gender_of_given_name)
            .is_some();
    if candidate.last > candidate.first && (given_name || is_initial) {
        return Some((Person, Medium));
    }
    if after_place_preposition(ctx, candidate.first) {
        return Some((Place, Weak));
    }
    let n_words = candidate.last + 1 - candidate.first;
    if before_speech_verb(ctx, candidate.last) && (2..=3).contains(&n_words) {
        return Some((Person, Weak));
    }
    None
}

/// Initials of a name's capitalized words ("Harbour Workers' Federation" → "hwf").
fn initials(ctx: &Context, candidate: &Candidate) -> String {
    ctx.tokens
        .get(candidate.first..=candidate.last)
        .unwrap_or_default()
        .iter()
        .filter(|token| token.capitalized)
        .filter_map(|token| token.lower.chars().next())
        .collect()
}

/// Groups candidates into entities and adds role mentions.
pub(crate) fn group(ctx: &Context, candidates: &[Candidate]) -> Vec<Entity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: Vec<Option<usize>> = vec![None; candidates.len()];
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_country: HashMap<String, usize> = HashMap::new();
    let mut by_last_word: HashMap<String, usize> = HashMap::new();
    let mut by_first_word: HashMap<String, usize> = HashMap::new();
    let mut by_initials: HashMap<String, usize> = HashMap::new();
    let demonyms = unknown_demonyms(ctx, candidates);
    // A name in a headline-case sentence is kept only as written elsewhere; grouped after the
    // others, a surname there ("Obama Willing to …" above "President Barack Obama said") joins
    // the full name it stands for, wherever the headline is.
    let in_order = (0..candidates.len())
        .filter(|&idx| !candidates[idx].in_headline)
        .chain((0..candidates.len()).filter(|&idx| candidates[idx].in_headline));
    for candidate_idx in in_order {
        let candidate = &candidates[candidate_idx];
        let own_key = ctx.span_key(candidate.first, candidate.last);
        // An adjective of a place the article names is a mention of the place, as a known
        // demonym is of its country: it is keyed as the place, and it makes the place one.
        let place_key = demonyms.get(&own_key);
        let own = evidence(ctx, candidate)
            .or_else(|| place_key.map(|_| (EntityKind::Place, Strength::Medium)));
        let key = place_key.cloned().unwrap_or(own_key);
        let entry = candidate.entry.and_then(|idx| GAZETTEER.entries.get(idx));
        let country_key = entry
            .filter(|entry| matches!(entry.class, Class::Country | Class::Demonym))
            .and_then(|entry| entry.country())
            .map(str::to_string);
        let single = candidate.first == candidate.last;
        let mut linked_by: Option<(EntityKind, Strength)> = None;
        let existing = candidate
            .expands
            .and_then(|idx| group_of.get(idx).copied().flatten())
            .or_else(|| by_key.get(&key).copied())
            .or_else(|| {
                country_key
                    .as_ref()
                    .and_then(|code| by_country.get(code).copied())
            })
            .or_else(|| {
                if !single || entry.is_some() {
                    return None;
                }
                let person_like = own.is_none_or(|(kind, _)| kind == EntityKind::Person);
                if person_like && let Some(&found) = by_last_word.get(&key) {
                    linked_by = Some((EntityKind::Person, Strength::Medium));
                    return Some(found);
                }
                if let Some(&found) = by_first_word.get(&key) {
                    linked_by = Some((EntityKind::Organization, Strength::Weak));
                    return Some(found);
                }
                let all_caps = ctx
                    .tokens
                    .get(candidate.first)
                    .is_some_and(|token| token.all_caps);
                if all_caps {
                    return by_initials.get(&key).copied();
                }
                None
            });
        let group_idx = match existing {
            Some(idx) => idx,
            None => {
                groups.push(Group {
                    kind: None,
                    members: Vec::new(),
                    roles: Vec::new(),
                    country: None,
                    title: None,
                    former: false,
                    affiliation: None,
                });
                groups.len() - 1
            }
        };
        group_of[candidate_idx] = Some(group_idx);
        let Some(group) = groups.get_mut(group_idx) else {
            continue;
        };
        group.members.push(candidate_idx);
        group.consider(own);
        group.consider(linked_by);
        if group.country.is_none() {
            group.country = entry.and_then(|entry| entry.country()).map(str::to_string);
        }
        if candidate.title.is_some() {
            group.title = candidate.title;
            group.former = said_to_be_former(ctx, candidate);
        }
        if candidate.affiliation.is_some() {
            group.affiliation = candidate.affiliation.clone();
        }
        by_key.entry(key.clone()).or_insert(group_idx);
        if let Some(code) = country_key {
            by_country.entry(code).or_insert(group_idx);
        }
        if !single {
            let words: Vec<&str> = key.split(' ').collect();
            let person_like = group
                .kind
                .is_none_or(|(kind, _)| kind == EntityKind::Person);
            if person_like && let Some(last) = words.last() {
                by_last_word.entry((*last).to_string()).or_insert(group_idx);
            }
            let org_like = group
                .kind
                .is_none_or(|(kind, _)| kind == EntityKind::Organization);
            if org_like {
                if let Some(first) = words.first() {
                    by_first_word
                        .entry((*first).to_string())
                        .or_insert(group_idx);
                }
                let initials = initials(ctx, candidate);
                if initials.len() >= 2 {
                    by_initials.entry(initials).or_insert(group_idx);
                }
            }
        }
    }
    // Every candidate was given a group above.
    let group_of: Vec<usize> = group_of
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    resolve_roles(ctx, candidates, &group_of, &mut groups);
    finish(ctx, candidates, &group_of, groups, &demonyms)
}

/// Endings that make a place's adjective ("Norland" → "Norlandic", "Velmaria" → "Velmarian",
/// "Osmia" → "Osmian", "Tarsh" → "Tarshi", "Kalmo" → "Kalmese").
const DEMONYM_ENDINGS: &[&str] = &["ian", "ean", "an", "n", "ese", "ish", "ic", "i"];

/// The names `adjective` may be a demonym of: a demonym ending added to the name, or to the
/// name less a final vowel ("Italy" → "Italian", "China" → "Chinese"), nearest ending first.
fn demonym_places(adjective: &str) -> impl Iterator<Item = String> + '_ {
    DEMONYM_ENDINGS
        .iter()
        .filter_map(|ending| adjective.strip_suffix(ending))
        .filter(|stem| stem.len() >= 3)
        .flat_map(|stem| {
            std::iter::once(stem.to_string())
                .chain(["a", "e", "i", "o", "u", "y"].map(|vowel| format!("{stem}{vowel}")))
        })
}

/// The one-word names the gazetteer does not know that are adjectives of another such name of
/// the article ("Estrelian" when it also names "Estrelia"), each with that name's key. Neither
/// may be a given name or carry a title: "Julian" is not of "Julia".
fn unknown_demonyms(ctx: &Context, candidates: &[Candidate]) -> HashMap<String, String> {
    let unknown_words: HashSet<String> = candidates
        .iter()
        .filter(|candidate| {
            candidate.first == candidate.last
                && candidate.entry.is_none()
                && candidate.title.is_none()
                && !candidate.honorific
                && ctx
                    .tokens
                    .get(candidate.first)
                    .is_some_and(|token| token.capitalized && !token.all_caps)
        })
        .map(|candidate| ctx.span_key(candidate.first, candidate.last))
        .filter(|key| !GAZETTEER.is_given_name(key))
        .collect();
    unknown_words
        .iter()
        .filter_map(|adjective| {
            demonym_places(adjective)
                .find(|place| place != adjective && unknown_words.contains(place))
                .map(|place| (adjective.clone(), place))
        })
        .collect()
}

/// The key two affiliations are compared by: a country code, or the lowercased name of an
/// entity the gazetteer does not know.
fn affiliation_key(
    ctx: &Context,
    candidates: &[Candidate],
    group_of: &[usize],
    groups: &[Group],
    affiliation: &Affiliation,
) -> Option<String> {
    match affiliation {
        Affiliation::Country(code) => Some(code.clone()),
        Affiliation::Candidate(idx) => {
            let group = groups.get(*group_of.get(*idx)?)?;
            if let Some(code) = &group.country {
                return Some(code.clone());
            }
            let first_member = candidates.get(*group.members.first()?)?;
            Some(format!(
                "name:{}",
                ctx.span_key(first_member.first, first_member.last)
            ))
        }
    }
}

/// Whether "former" comes among the few words before a titled name, within its
/// phrase: "former Gov. Ana Ruiz", "former Veskland Prime Minister Edda Villmark".
fn said_to_be_former(ctx: &Context, candidate: &Candidate) -> bool {
    let from = candidate.first.saturating_sub(5);
    ctx.tokens
        .get(from..candidate.first)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|token| token.word)
        .any(|token| token.lower == "former")
}

/// Finds role descriptions ("the Veskland prime minister", "the Russian leader", "the
/// spokeswoman") and adds each as a mention of the most recently mentioned person with a
/// matching title and, when the description names one, a matching country.
fn resolve_roles(
    ctx: &Context,
    candidates: &[Candidate],
    group_of: &[usize],
    groups: &mut [Group],
) {
    let tokens = &ctx.tokens;
    let mut candidate_at: HashMap<usize, usize> = HashMap::new();
    for (idx, candidate) in candidates.iter().enumerate() {
        candidate_at.insert(candidate.first, idx);
    }
    // People with titles, as (group, last mention token) in text order, filled as we go so a
    // description resolves only to someone named before it.
    let mut next_candidate = 0;
    let mut titled: Vec<(usize, usize)> = Vec::new();
    // The mentions of people without a title, as (group, candidate), in text order: one whose
    // description places its person in the body an office sits in ("Klimov, who chairs a
    // Senate committee") may be the one a role names, however they are mentioned since.
    let mut untitled: Vec<(usize, usize)> = Vec::new();
    let mut idx = 0;
    while idx < tokens.len() {
        while let Some(candidate) = candidates.get(next_candidate) {
            if candidate.first >= idx {
                break;
            }
            if let Some(&group_idx) = group_of.get(next_candidate) {
                let is_person = groups.get(group_idx).is_some_and(|group| {
                    group.title.is_some()
                        && group
                            .kind
                            .is_some_and(|(kind, _)| kind == EntityKind::Person)
                });
                let is_untitled_person = groups.get(group_idx).is_some_and(|group| {
                    group.title.is_none()
                        && group
                            .kind
                            .is_some_and(|(kind, _)| kind == EntityKind::Person)
                });
                if is_person {
                    titled.retain(|&(other, _)| other != group_idx);
                    titled.push((group_idx, candidate.last));
                } else if is_untitled_person {
                    untitled.push((group_idx, next_candidate));
                }
            }
            next_candidate += 1;
        }
        let is_the = tokens.get(idx).is_some_and(|token| token.lower == "the");
        if !is_the {
            idx += 1;
            continue;
        }
        let mut at = idx + 1;
        let mut former = false;
        while let Some(token) = tokens.get(at) {
            let lower = token.lower.as_ref();
            if lower == "former" {
                former = true;
            } else if !ROLE_MODIFIERS.contains(&lower) && !is_term_count(lower) {
                break;
            }
            at += 1;
        }
        let mut affiliation: Option<Affiliation> = None;
        if let Some(found) = ctx.gazetteer_match(at, &[Class::Demonym, Class::Country]) {
            affiliation = GAZETTEER
                .entries
                .get(found.entry)
                .and_then(|entry| entry.country())
                .map(|code| Affiliation::Country(code.to_string()));
            at = found.last + 1;
        } else if let Some(&candidate_idx) = candidate_at.get(&at) {
            let is_person = group_of
                .get(candidate_idx)
                .and_then(|&group_idx| groups.get(group_idx))
                .is_some_and(|group| {
                    group
                        .kind
                        .is_some_and(|(kind, _)| kind == EntityKind::Person)
                });
            if is_person {
                idx += 1;
                continue;
            }
            affiliation = Some(Affiliation::Candidate(candidate_idx));
            at = candidates
                .get(candidate_idx)
                .map_or(at, |candidate| candidate.last + 1);
        }
        let Some(title) = ctx.gazetteer_match(at, &[Class::Title]) else {
            idx += 1;
            continue;
        };
        // "The leaders", "the two presidents": a title in the plural is several people.
        if ctx.is_plural_title(title) {
            idx = title.last + 1;
            continue;
        }
        let mut role_last = title.last;
        let followed_by_name = tokens
            .get(title.last + 1)
            .is_some_and(|token| token.capitalized && token.word);
        if followed_by_name {
            idx = title.last + 1;
            continue;
        }
        if affiliation.is_none()
            && tokens
                .get(title.last + 1)
                .is_some_and(|token| token.lower == "of")
        {
            let mut of_at = title.last + 2;
            if tokens.get(of_at).is_some_and(|token| token.lower == "the") {
                of_at += 1;
            }
            if let Some(found) = ctx.gazetteer_match(of_at, &[Class::Country]) {
                affiliation = GAZETTEER
                    .entries
                    .get(found.entry)
                    .and_then(|entry| entry.country())
                    .map(|code| Affiliation::Country(code.to_string()));
                role_last = found.last;
            } else if let Some(&candidate_idx) = candidate_at.get(&of_at) {
                affiliation = Some(Affiliation::Candidate(candidate_idx));
                role_last = candidates
                    .get(candidate_idx)
                    .map_or(role_last, |candidate| candidate.last);
            }
        }
        let wanted_key = affiliation.as_ref().and_then(|affiliation| {
            affiliation_key(ctx, candidates, group_of, groups, affiliation)
        });
        let role_title = GAZETTEER.entries.get(title.entry);
        // "The Pennsylvania senator", "the Republican senator": a region or a party says where
        // or for whom the person serves, which articles seldom write beside the name, so a
        // person with no affiliation may be the one. A party only before a specific title:
        // "the Democratic leader" leads a party, not whichever head of state was named last.
        let specific_title =
            role_title.is_some_and(|title| !GENERIC_ROLES.contains(&title.key.as_str()));
        let is_region = |candidate: &Candidate| {
            candidate
                .entry
                .and_then(|entry| GAZETTEER.entries.get(entry))
                .is_some_and(|entry| entry.class == Class::Place)
        };
        let is_party = |candidate: &Candidate| {
            crate::PARTY_WORDS.contains(&ctx.span_text(candidate.first, candidate.last))
        };
        let region_or_party =
            |candidate: &Candidate| is_region(candidate) || (is_party(candidate) && specific_title);
        // A party and a place never contradict each other: "the Republican governor" may be
        // "Velmar Gov. Ana Ruiz".
        let party_of = |affiliation: &Affiliation| match affiliation {
            Affiliation::Candidate(candidate_idx) => candidates.get(*candidate_idx).map(is_party),
            Affiliation::Country(_) => Some(false),
        };
        let place_of = |affiliation: &Affiliation| match affiliation {
            Affiliation::Candidate(candidate_idx) => Some(
                candidates.get(*candidate_idx).is_some_and(is_region)
                    || group_of
                        .get(*candidate_idx)
                        .and_then(|&group_idx| groups.get(group_idx))
                        .is_some_and(|group| {
                            group
                                .kind
                                .is_some_and(|(kind, _)| kind == EntityKind::Place)
                        }),
            ),
            Affiliation::Country(_) => Some(true),
        };
        let other_dimension = |wanted: &Affiliation, held: &Affiliation| {
            (party_of(wanted) == Some(true) && place_of(held) == Some(true))
                || (place_of(wanted) == Some(true) && party_of(held) == Some(true))
        };
        let wanted_region_or_party = match affiliation {
            Some(Affiliation::Candidate(candidate_idx)) => {
                candidates.get(candidate_idx).is_some_and(region_or_party)
            }
            _ => false,
        };
        let holds_role = |group: &Group| {
            let Some(person_title) = group.title.and_then(|idx| GAZETTEER.entries.get(idx)) else {
                return false;
            };
            let Some(role_title) = role_title else {
                return false;
            };
            let same_title = office(&person_title.key) == office(&role_title.key)
                || (GENERIC_ROLES.contains(&role_title.key.as_str())
                    && (person_title.code == role_title.code
                        || person_title.key.ends_with(role_title.key.as_str())))
                || (role_title.key == "leader" && person_title.code == "head");
            if !same_title {
                return false;
            }
            match (&wanted_key, &group.affiliation) {
                (None, _) => true,
                (Some(_), None) => wanted_region_or_party,
                (Some(wanted), Some(held)) => {
                    affiliation_key(ctx, candidates, group_of, groups, held).as_ref()
                        == Some(wanted)
                        || affiliation
                            .as_ref()
                            .is_some_and(|affiliation| other_dimension(affiliation, held))
                }
            }
        };
        // "The former governor" is first the one the article calls former, "the governor" the
        // one it does not; failing that, whoever holds the title.
        let recent = || titled.iter().rev().take(MAX_ROLE_CANDIDATES);
        let found = recent()
            .find(|&&(group_idx, _)| {
                groups
                    .get(group_idx)
                    .is_some_and(|group| group.former == former && holds_role(group))
            })
            .or_else(|| {
                recent().find(|&&(group_idx, _)| groups.get(group_idx).is_some_and(holds_role))
            });
        let found = found.map(|&(group_idx, _)| group_idx).or_else(|| {
            let body = role_title.and_then(|title| body_of_office(office(&title.key)))?;
            untitled
                .iter()
                .rev()
                .take(MAX_ROLE_CANDIDATES)
                .find(|&&(_, candidate_idx)| {
                    candidates
                        .get(candidate_idx)
                        .is_some_and(|candidate| sentence_names_body(ctx, candidate.last, body))
                })
                .map(|&(group_idx, _)| group_idx)
        });
        if let Some(group_idx) = found
            && let Some(group) = groups.get_mut(group_idx)
        {
            group.roles.push((idx, role_last));
        }
        idx = role_last + 1;
    }
}

/// Offices and the body their holders sit in, written capitalized: "the senator" may be the
/// untitled person "who chairs a Senate committee".
const OFFICE_BODIES: &[(&str, &str)] = &[
    ("senator", "senate"),
    ("representative", "house"),
    ("lawmaker", "parliament"),
    ("mp", "parliament"),
    ("judge", "court"),
    ("justice", "court"),
];

/// The body whose members hold `office` ([`OFFICE_BODIES`]).
fn body_of_office(office: &str) -> Option<&'static str> {
    OFFICE_BODIES
        .iter()
        .find(|(held, _)| *held == office)
        .map(|(_, body)| *body)
}

/// Whether the sentence of token `after`, from there on (a few words at most: the description
/// of a name), names `body` with a capital ("…, who chairs a Russian Senate committee").
fn sentence_names_body(ctx: &Context, after: usize, body: &str) -> bool {
    let Some(sentence) = ctx.tokens.get(after).map(|token| token.sentence) else {
        return false;
    };
    ctx.tokens
        .iter()
        .skip(after + 1)
        .take(MAX_DESCRIPTION_TOKENS)
        .take_while(|token| token.sentence == sentence)
        .any(|token| token.capitalized && token.lower == body)
}

/// How far after a name its description is read for the body it sits in, in tokens.
const MAX_DESCRIPTION_TOKENS: usize = 16;

/// Turns groups into entities: kinds decided, weak ones dropped, names chosen, mentions sorted.
fn finish(
    ctx: &Context,
    candidates: &[Candidate],
    group_of: &[usize],
    groups: Vec<Group>,
    demonyms: &HashMap<String, String>,
) -> Vec<Entity> {
    // Countries for people, through their affiliation.
    let countries: Vec<Option<String>> = groups
        .iter()
        .map(|group| {
            group.country.clone().or_else(|| match &group.affiliation {
                Some(Affiliation::Country(code)) => Some(code.clone()),
                Some(Affiliation::Candidate(idx)) => group_of
                    .get(*idx)
                    .and_then(|&owner| groups.get(owner))
                    .and_then(|owner| owner.country.clone()),
                None => None,
            })
        })
        .collect();
    let mut entities = Vec::new();
    for (group, country) in groups.into_iter().zip(countries) {
        let members: Vec<&Candidate> = group
            .members
            .iter()
            .filter_map(|&idx| candidates.get(idx))
            .collect();
        let kind = match group.kind {
            Some((kind, _)) => kind,
            None => {
                // A capitalized word seen only at sentence starts is as likely a common word
                // as a name.
                let only_sentence_initial = members.iter().all(|member| member.sentence_initial);
                if only_sentence_initial {
                    continue;
                }
                EntityKind::Organization
            }
        };
        // The fullest name, a country's name before its adjective ("Russia", not "Russian").
        let is_demonym = |member: &Candidate| {
            member
                .entry
                .and_then(|idx| GAZETTEER.entries.get(idx))
                .is_some_and(|entry| entry.class == Class::Demonym)
                || demonyms.contains_key(&ctx.span_key(member.first, member.last))
        };
        let Some(longest) = members.iter().max_by_key(|member| {
            (
                !is_demonym(member),
                member.last - member.first,
                std::cmp::Reverse(member.first),
            )
        }) else {
            continue;
        };
        // A plural's possessive apostrophe stays on its word inside a name ("Workers' Party");
        // at the end of one it is no part of the name ("the Workers' demands").
        let name = ctx
            .span_text(longest.first, longest.last)
            .trim_end_matches(['\'', '\u{2019}'])
            .to_string();
        let mut mentions: Vec<Mention> = members
            .iter()
            .filter_map(|member| {
                let first = ctx.tokens.get(member.first)?;
                let last = ctx.tokens.get(member.last)?;
                Some(Mention {
                    range: first.range.start..last.range.end,
                    by_role: false,
                })
            })
            .collect();
        for &(first, last) in &group.roles {
            if let (Some(first), Some(last)) = (ctx.tokens.get(first), ctx.tokens.get(last)) {
                mentions.push(Mention {
                    range: first.range.start..last.range.end,
                    by_role: true,
                });
            }
        }
        mentions.sort_by_key(|mention| (mention.range.start, mention.range.end));
        mentions.dedup();
        let role = group
            .title
            .filter(|_| kind == EntityKind::Person)
            .and_then(|idx| GAZETTEER.entries.get(idx))
            .map(|entry| entry.key.clone());
        entities.push(Entity {
            kind,
            name,
            mentions,
            country,
            role,
        });
    }
    entities.sort_by_key(|entity| entity.mentions.first().map(|mention| mention.range.start));
    entities
}
