//! Tests of the entity annotator on invented sentences and people.

use super::gazetteer::{Gazetteer, SOURCE};
use super::*;
use parallax_model::{EntityKind, Origin};

/// Runs the annotator on `text` and renders each entity as
/// `kind name [country] <role>: mention | mention (role)`, sorted by first mention.
fn render(text: &str) -> Vec<String> {
    let article = Article::new(Origin::Stdin, text.to_string());
    let sentences = crate::sentences(&article, "en");
    entities(&article, &sentences)
        .iter()
        .map(|entity| {
            let kind = match entity.kind {
                EntityKind::Person => "person",
                EntityKind::Organization => "org",
                EntityKind::Place => "place",
                EntityKind::Group => "group",
            };
            let mut line = format!("{kind} {}", entity.name);
            if let Some(country) = &entity.country {
                line.push_str(&format!(" [{country}]"));
            }
            if let Some(role) = &entity.role {
                line.push_str(&format!(" <{role}>"));
            }
            let mentions: Vec<String> = entity
                .mentions
                .iter()
                .map(|mention| {
                    let words = text.get(mention.range.clone()).unwrap_or_default();
                    if mention.by_role {
                        format!("{words} (role)")
                    } else {
                        words.to_string()
                    }
                })
                .collect();
            line.push_str(": ");
            line.push_str(&mentions.join(" | "));
            line
        })
        .collect()
}

fn check(text: &str, expected: &[&str]) {
    let found = render(text);
    assert_eq!(
        found,
        expected,
        "\ntext: {text}\nfound:\n{}\n",
        found.join("\n")
    );
}

#[test]
fn gazetteer_file_is_consistent() {
    let gazetteer = Gazetteer::parse(SOURCE).expect("gazetteer.tsv parses");
    assert!(gazetteer.entries.len() > 5_000);
    assert!(SOURCE.len() < 400_000, "the gazetteer should stay modest");
    let keys: Vec<&str> = gazetteer
        .entries
        .iter()
        .map(|entry| entry.key.as_str())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(keys, sorted, "generate.py writes keys sorted");
}

#[test]
fn gazetteer_rejects_duplicates() {
    let error = Gazetteer::parse("foo\torg\t-\nfoo\tplace\t-\n").expect_err("duplicate");
    assert!(error.contains("duplicate key"), "{error}");
}

#[test]
fn full_name_then_surname_and_honorific() {
    check(
        "Officials met Jane Doe on the pier. Later Doe said the talks went well. Ms Doe left at noon.",
        &["person Jane Doe: Jane Doe | Doe | Doe"],
    );
}

#[test]
fn a_nickname_in_quotation_marks_stays_in_the_name() {
    check(
        "The governor picked William \"Mo\" Cowan on Monday. Cowan, a lawyer, accepted.",
        &["person William \"Mo\" Cowan: William \"Mo\" Cowan | Cowan"],
    );
}

#[test]
fn a_party_before_a_name_describes_the_person() {
    check(
        "The seat went to Democrat Elizabeth Holm, and Ohio Republican Tim Berg lost.",
        &[
            "person Elizabeth Holm: Elizabeth Holm",
            "place Ohio [USA]: Ohio",
            "person Tim Berg: Tim Berg",
        ],
    );
}

#[test]
fn the_body_of_an_office_before_a_name_is_no_part_of_it() {
    check(
        "Former Speaker of the House Tomas Berg spoke first. Berg left.",
        &[
            "org House: House",
            "person Tomas Berg <speaker>: Tomas Berg | Berg",
        ],
    );
    check(
        "Minister of Harbour Affairs Ana Ruiz Holm arrived.",
        &[
            "org Harbour Affairs: Harbour Affairs",
            "person Ana Ruiz Holm <minister>: Ana Ruiz Holm",
        ],
    );
    check(
        "Then Assistant Secretary for Harbour Security Ana Ruiz testified.",
        &[
            "org Harbour Security: Harbour Security",
            "person Ana Ruiz <secretary>: Ana Ruiz",
        ],
    );
    // After "spokesman for", a person's whole name.
    check(
        "A spokesman for Tomas P. Berg said nothing.",
        &["person Tomas P. Berg: Tomas P. Berg"],
    );
    // With no name after it, the body stays whole, whatever its words.
    check(
        "The Speaker of the Velmar Assembly spoke first.",
        &["org Velmar Assembly: Velmar Assembly"],
    );
    check(
        "Members of the Velmar Bar Association and a founder of the Northern League for Harbours spoke.",
        &[
            "org Velmar Bar Association: Velmar Bar Association",
            "org Northern League for Harbours: Northern League for Harbours",
        ],
    );
    check(
        "Delegates of the National Association for the Advancement of Harbour Pilots voted.",
        &[
            "org National Association for the Advancement of Harbour Pilots: National Association for the Advancement of Harbour Pilots",
        ],
    );
    check(
        "He is the president of the United States of America.",
        &["place United States of America [USA]: United States of America"],
    );
}

#[test]
fn a_body_s_name_holds_its_titles_possessives_and_subjects() {
    // A run ending in a body's word is the body, whatever title it holds.
    check(
        "General Velmar Motors Corp. said sales fell. The Velmar Governors Association met.",
        &[
            "org General Velmar Motors Corp.: General Velmar Motors Corp.",
            "org Velmar Governors Association: Velmar Governors Association",
        ],
    );
    // An office's possessive before a body's word is inside the name; a place's is not.
    check(
        "The U.S. Attorney’s Office charged him before Velmar’s Council met.",
        &[
            "org U.S. Attorney’s Office: U.S. Attorney’s Office",
            "org Velmar: Velmar",
            "org Council: Council",
        ],
    );
    // "and" joins the subjects of a department whose office and holder follow.
    check(
        "Former Housing and Urban Development Secretary Ana Ruiz spoke.",
        &[
            "place Housing and Urban Development: Housing and Urban Development",
            "person Ana Ruiz <secretary>: Ana Ruiz",
        ],
    );
    // A field that no ending marks is a subject too.
    check(
        "The Office of Management and Budget said the harbour fees were too high.",
        &["org Office of Management and Budget: Office of Management and Budget"],
    );
}

#[test]
fn the_members_of_a_party_are_a_group() {
    check(
        "Senate Democrats said the vote was close.",
        &["group Senate Democrats: Senate Democrats"],
    );
}

#[test]
fn possessive_is_cut_off() {
    check(
        "The plan is Mira Castellan's idea, and Castellan's aides back it.",
        &["person Mira Castellan: Mira Castellan | Castellan"],
    );
}

#[test]
fn title_prefixes_make_people() {
    check(
        "Talks were led by Gen. Orrin Blackwood and Dr. Tamsin Reyk.",
        &[
            "person Orrin Blackwood <gen.>: Orrin Blackwood",
            "person Tamsin Reyk: Tamsin Reyk",
        ],
    );
}

#[test]
fn particles_and_hyphens_stay_in_names() {
    check(
        "The report was written by Lotte van der Berg and Karim al-Haddad-Sayeed.",
        &[
            "person Lotte van der Berg: Lotte van der Berg",
            "person Karim al-Haddad-Sayeed: Karim al-Haddad-Sayeed",
        ],
    );
}

#[test]
fn a_compound_adjective_keeps_only_its_name() {
    check(
        "The Lyon-born engineer joined the Vostrik-backed board of the Harbor Authority.",
        &[
            "place Lyon [FRA]: Lyon",
            "org Vostrik: Vostrik",
            "org Harbor Authority: Harbor Authority",
        ],
    );
}

#[test]
fn apostrophe_names_and_initials() {
    check(
        "The ruling came from Judge Fiona O'Hallan and J. R. Tessmer.",
        &[
            "person Fiona O'Hallan <judge>: Fiona O'Hallan",
            "person J. R. Tessmer: J. R. Tessmer",
        ],
    );
}

#[test]
fn sentence_initial_words_are_not_names() {
    check(
        "Yesterday the river rose. Monday brought rain in Velmora. However nobody left.",
        &["place Velmora: Velmora"],
    );
    // A connective opening a sentence is no part of the name after it.
    check(
        "Plus Ana Ruiz signed the bill.",
        &["person Ana Ruiz: Ana Ruiz"],
    );
}

#[test]
fn sentence_initial_name_known_from_elsewhere() {
    check(
        "Residents blamed Torvane for the delay. Torvane denied it.",
        &["org Torvane: Torvane | Torvane"],
    );
}

#[test]
fn organisation_suffixes_and_acronyms() {
    check(
        "The Harbour Workers' Federation (HWF) called a strike. The HWF wants higher pay from Quellstone Shipping Corp.",
        &[
            "org Harbour Workers' Federation: Harbour Workers' Federation | HWF | HWF",
            "org Quellstone Shipping Corp.: Quellstone Shipping Corp.",
        ],
    );
}

#[test]
fn ministry_of_something() {
    check(
        "A statement from the Ministry of Coastal Affairs followed.",
        &["org Ministry of Coastal Affairs: Ministry of Coastal Affairs"],
    );
    // A body whose head word ends its first words goes on with "of": "… Conference of …".
    check(
        "The Norland Conference of Harbour Pilots wrote to the Velmar Chamber of Shipping.",
        &[
            "org Norland Conference of Harbour Pilots: Norland Conference of Harbour Pilots",
            "org Velmar Chamber of Shipping: Velmar Chamber of Shipping",
        ],
    );
}

#[test]
fn countries_capitals_and_demonyms() {
    check(
        "Troops left Moscow for the border with Ukraine. Russians gathered in the United States and in the U.S. capital.",
        &[
            "place Moscow [RUS]: Moscow",
            "place Ukraine [UKR]: Ukraine",
            "group Russians [RUS]: Russians",
            "place United States [USA]: United States | U.S.",
        ],
    );
}

#[test]
fn metonyms_are_organisations_with_their_country() {
    check(
        "The Kremlin rejected the offer, and the White House said it would wait.",
        &[
            "org Kremlin [RUS]: Kremlin",
            "org White House [USA]: White House",
        ],
    );
}

#[test]
fn role_resolution_from_the_article_itself() {
    check(
        "Veskland's Prime Minister Edda Villmark arrived on Sunday. The Veskland prime minister said little. Villmark left early.",
        &[
            "place Veskland: Veskland | Veskland",
            "person Edda Villmark <prime minister>: Edda Villmark | The Veskland prime minister (role) | Villmark",
        ],
    );
}

#[test]
fn titles_of_advisers_and_party_leaders_are_not_part_of_the_name() {
    check(
        "National Security Adviser Edda Villmark met House Majority Whip Tomas Irwin.",
        &[
            "person Edda Villmark <national security adviser>: Edda Villmark",
            "place House: House",
            "person Tomas Irwin <majority whip>: Tomas Irwin",
        ],
    );
}

#[test]
fn a_role_finds_an_untitled_person_placed_in_its_body() {
    check(
        "The plan comes from Anna Villmark, who chairs a Veskland Senate committee on trade. \
         Villmark's reading is cautious. The senator argues that talks must go on.",
        &[
            "person Anna Villmark: Anna Villmark | Villmark | The senator (role)",
            "org Veskland Senate: Veskland Senate",
        ],
    );
    // Without the body in the description, the role names no one.
    check(
        "The plan comes from Anna Villmark, who leads a trade group. The senator argues that \
         talks must go on.",
        &["person Anna Villmark: Anna Villmark"],
    );
}

#[test]
fn role_resolution_through_the_gazetteer() {
    check(
        "Russian President Aleksei Morvin met Prime Minister Dana Holt of Veskland. The Russian leader spoke first.",
        &[
            "place Russian [RUS]: Russian | Russian",
            "person Aleksei Morvin [RUS] <president>: Aleksei Morvin | The Russian leader (role)",
            "person Dana Holt <prime minister>: Dana Holt",
            "place Veskland: Veskland",
        ],
    );
}

#[test]
fn appositive_title_and_generic_role() {
    check(
        "Oskar Linde, the foreign minister of Veskland, spoke. The minister was brief.",
        &[
            "person Oskar Linde <foreign minister>: Oskar Linde | the foreign minister of Veskland (role) | The minister (role)",
            "place Veskland: Veskland",
        ],
    );
}

#[test]
fn title_after_organisation_names_the_affiliation() {
    check(
        "Brightwater Ferries spokeswoman Lena Moor said sailings resume. The spokeswoman declined to say when.",
        &[
            "org Brightwater Ferries: Brightwater Ferries",
            "person Lena Moor <spokeswoman>: Lena Moor | The spokeswoman (role)",
        ],
    );
}

#[test]
fn hostile_input_is_bounded() {
    let mut text = String::new();
    for idx in 0..100_000 {
        text.push_str(if idx % 2 == 0 { "Alpha " } else { "Bravo " });
    }
    let sentences = vec![Sentence {
        range: 0..text.len(),
        paragraph: 0,
    }];
    let started = std::time::Instant::now();
    let found = entities_in(&text, &sentences);
    assert!(!found.is_empty());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_title_in_the_plural_is_each_name_s() {
    check(
        "Presidents Aleksei Morvin and Dana Holt met in Velmar. The president spoke first.",
        &[
            "person Aleksei Morvin <president>: Aleksei Morvin",
            "person Dana Holt <president>: Dana Holt | The president (role)",
            "place Velmar: Velmar",
        ],
    );
}

#[test]
fn a_country_before_a_given_name_and_surname_is_no_part_of_the_name() {
    check(
        "The leaders of France and the United States Ivan Morvin and Dana Holt spoke.",
        &[
            "place France [FRA]: France",
            "place United States [USA]: United States",
            "person Ivan Morvin [FRA] <leader>: Ivan Morvin",
            "person Dana Holt [USA] <leader>: Dana Holt",
        ],
    );
    check(
        "The United States Navy sent two ships.",
        &["org United States Navy: United States Navy"],
    );
}

#[test]
fn an_unknown_adjective_of_a_place_the_article_names_is_a_mention_of_it() {
    // "Quorvanese" is "Quorvan" with a demonym ending: a mention of the place, which it names
    // the entity by, and the owner of the title; the rank before the title is no part of the
    // owner.
    check(
        "Quorvanese Deputy Interior Minister Pell Odrane opened the talks. Delegates later toured \
         Quorvan by boat.",
        &[
            "place Quorvan: Quorvanese | Quorvan",
            "person Pell Odrane <interior minister>: Pell Odrane",
        ],
    );
    // Given names are no places: "Julian" is not of "Julia".
    check(
        "Julia waved to Julian.",
        &["person Julia: Julia", "person Julian: Julian"],
    );
}

#[test]
fn plural_possessive_is_cut_off_at_the_end_of_a_name() {
    check(
        "The port must reopen, the Harbor Workers\u{2019} website said on Monday.",
        &["org Harbor Workers: Harbor Workers\u{2019}"],
    );
}

#[test]
fn an_abbreviated_title_is_the_office_a_role_names() {
    check(
        "Gov. Ana Ruiz vetoed the bill. The governor said it was rushed.",
        &["person Ana Ruiz <gov.>: Ana Ruiz | The governor (role)"],
    );
    check(
        "Rep. Tom Vale voted no. The congressman later explained why.",
        &["person Tom Vale <rep.>: Tom Vale | The congressman (role)"],
    );
    // A senator is no congressman.
    check(
        "Sen. Ida Crane voted no. The congressman later explained why.",
        &["person Ida Crane <sen.>: Ida Crane"],
    );
}

#[test]
fn how_long_a_role_is_held_is_no_part_of_it() {
    check(
        "Mayor Lena Moor opened the bridge. The four-term mayor thanked the crews, and the \
         longtime mayor cut the ribbon.",
        &[
            "person Lena Moor <mayor>: Lena Moor | The four-term mayor (role) | the longtime mayor (role)",
        ],
    );
}

#[test]
fn a_former_holder_is_told_from_the_current_one() {
    check(
        "Gov. Ana Ruiz met former Gov. Tom Vale. The former governor praised her, and the \
         governor thanked him.",
        &[
            "person Ana Ruiz <gov.>: Ana Ruiz | the governor (role)",
            "person Tom Vale <gov.>: Tom Vale | The former governor (role)",
        ],
    );
}

#[test]
fn a_bare_surname_is_the_first_person_named_with_it() {
    check(
        "Dana Holt spoke after her son, Ivo Holt, left. Holt said the plan would pass.",
        &[
            "person Dana Holt: Dana Holt | Holt",
            "person Ivo Holt: Ivo Holt",
        ],
    );
}

#[test]
fn a_company_s_legal_form_ends_its_name_before_a_person_s() {
    check(
        "The chief executive of Velmar Inc. Ana Ruiz resigned. Ruiz founded it.",
        &[
            "org Velmar Inc.: Velmar Inc.",
            "person Ana Ruiz <chief executive>: Ana Ruiz | Ruiz",
        ],
    );
}

#[test]
fn a_region_before_a_title_does_not_need_the_person_s_affiliation() {
    check(
        "Voters met Sen. Ana Ruiz on Monday. The Ohio senator said she would run.",
        &[
            "person Ana Ruiz <sen.>: Ana Ruiz | The Ohio senator (role)",
            "place Ohio [USA]: Ohio",
        ],
    );
}

#[test]
fn a_title_in_the_plural_is_no_role_of_one_person() {
    check(
        "President Dana Holt met the press in Velmar. The presidents are worried.",
        &[
            "person Dana Holt <president>: Dana Holt",
            "place Velmar: Velmar",
        ],
    );
}

#[test]
fn a_plural_title_with_two_countries_gives_each_name_its_own() {
    check(
        "Presidents of Russia and the United States Ivan Morvin and Dana Holt spoke. The \
         call was requested by the Russian leader.",
        &[
            "place Russia [RUS]: Russia | Russian",
            "place United States [USA]: United States",
            "person Ivan Morvin [RUS] <president>: Ivan Morvin | the Russian leader (role)",
            "person Dana Holt [USA] <president>: Dana Holt",
        ],
    );
    check(
        "French and German Ministers Ivan Morvin and Dana Holt met. The German minister spoke.",
        &[
            "place French [FRA]: French",
            "place German [DEU]: German | German",
            "person Ivan Morvin [FRA] <minister>: Ivan Morvin",
            "person Dana Holt [DEU] <minister>: Dana Holt | The German minister (role)",
        ],
    );
}

#[test]
fn a_party_before_a_title_does_not_need_the_person_s_affiliation() {
    check(
        "Voters met Sen. Ana Ruiz on Monday. The Republican senator said she would run.",
        &[
            "person Ana Ruiz <sen.>: Ana Ruiz | The Republican senator (role)",
            "org Republican: Republican",
        ],
    );
}

#[test]
fn a_title_after_a_comma_and_before_a_name_is_that_name_s() {
    check(
        "Another leading Velmarist, Sen. Ana Ruiz, spoke. The senator said the port would reopen.",
        &[
            "org Velmarist: Velmarist",
            "person Ana Ruiz <sen.>: Ana Ruiz | The senator (role)",
        ],
    );
}

#[test]
fn a_headline_case_sentence_names_only_what_ordinary_ones_write() {
    // A subhead left in the text: its capitals make no names ("Willing", "Use Executive
    // Orders"); its surname joins the full name written below it.
    check(
        "Ruiz Willing to Use Executive Orders on Ferries\n\nGovernor Ana Ruiz said on Monday \
         that she would act alone. Ruiz met harbor officials later.",
        &["person Ana Ruiz <governor>: Ruiz | Ana Ruiz | Ruiz"],
    );
}

#[test]
fn a_newspaper_is_no_person() {
    // Without the newspaper's last word as an organisation's, the two capitalized words read
    // as a person's name and took the governor's role mention that follows.
    let found = render(
        "Governor Ana Ruiz spoke on Monday. In a letter obtained by the Velmar Herald, the \
         governor apologized.",
    );
    assert!(
        found
            .iter()
            .any(|line| line.starts_with("org Velmar Herald")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|line| line.starts_with("person Ana Ruiz") && line.contains("the governor")),
        "{found:?}"
    );
}

#[test]
fn a_role_opening_the_main_clause_is_no_appositive() {
    let found = render("In a letter sent to Ana Ruiz, the mayor apologized.");
    assert!(
        found.iter().all(|line| !line.contains("<mayor>")),
        "{found:?}"
    );
    check(
        "Ana Ruiz, the mayor, apologized.",
        &["person Ana Ruiz <mayor>: Ana Ruiz | the mayor (role)"],
    );
}

#[test]
fn a_party_and_a_place_do_not_contradict() {
    check(
        "Velmar Gov. Ana Ruiz spoke on Monday. The Republican governor said no.",
        &[
            "place Velmar: Velmar",
            "person Ana Ruiz <gov.>: Ana Ruiz | The Republican governor (role)",
            "org Republican: Republican",
        ],
    );
    // Two parties, or two places, do.
    check(
        "Republican Gov. Ana Ruiz spoke on Monday. The Democratic governor said no.",
        &[
            "org Republican: Republican",
            "person Ana Ruiz <gov.>: Ana Ruiz",
            "org Democratic: Democratic",
        ],
    );
    let found = render("Velmar Gov. Ana Ruiz spoke on Monday. The Ostrava governor said no.");
    assert!(
        found.iter().all(|line| !line.contains("(role)")),
        "{found:?}"
    );
}

#[test]
fn bodies_named_with_on_for_and_and() {
    check(
        "The Council on Harbor Relations met. The Center for Velmar Progress agreed, and the \
         Department of Housing and Urban Development said so.",
        &[
            "org Council on Harbor Relations: Council on Harbor Relations",
            "org Center for Velmar Progress: Center for Velmar Progress",
            "org Department of Housing and Urban Development: Department of Housing and Urban \
             Development",
        ],
    );
    check(
        "The Task Force on Harbor Safety and the Velmar Institute Ana Ruiz founded met.",
        &[
            "org Task Force on Harbor Safety: Task Force on Harbor Safety",
            "org Velmar Institute: Velmar Institute",
            "person Ana Ruiz: Ana Ruiz",
        ],
    );
    // A time after "on", and a person after "and", are no part of the body's name.
    check(
        "The Senate Committee on Tuesday backed the Department of Justice and Attorney General \
         Ana Ruiz.",
        &[
            "org Senate Committee: Senate Committee",
            "org Department of Justice [USA]: Department of Justice",
            "person Ana Ruiz <attorney general>: Ana Ruiz",
        ],
    );
}
