//! Tests of the quote annotator on invented sentences, people and places.

use super::*;
use crate::sentences;
use parallax_model::Origin;
use std::fmt::Write;
use std::time::{Duration, Instant};

/// One line per quote: kind, content pieces in brackets, cue, speaker (with the pronoun it was
/// resolved from) and "anonymous".
fn render(text: &str, quotes: &[Quote]) -> String {
    let slice = |range: &Range<usize>| text.get(range.clone()).unwrap_or("<bad range>");
    let mut out = String::new();
    for quote in quotes {
        let kind = match quote.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        };
        let pieces: Vec<String> = std::iter::once(&quote.content)
            .chain(&quote.continuation)
            .map(|range| format!("[{}]", slice(range)))
            .collect();
        let _ = write!(out, "{kind} {}", pieces.join(" + "));
        if let Some(cue) = &quote.cue {
            let _ = write!(out, " cue={}", slice(cue));
        }
        if let Some(speaker) = &quote.speaker {
            let _ = write!(out, " speaker={}", slice(speaker));
        }
        if let Some(pronoun) = &quote.speaker_pronoun {
            let _ = write!(out, " (from {})", slice(pronoun));
        }
        if quote.anonymous {
            out.push_str(" anonymous");
        }
        out.push('\n');
    }
    out
}

/// Runs the rules alone: these tests are their contract, and the learned cue finder, which
/// reads only the words the rules leave free, has tests of its own with weights of their own.
/// (The fitted finder does add quotes to a few sentences below that the rules rightly leave
/// alone, such as "The ferry captain saw …" in `stances_and_regarding`; issue #4.)
fn check(text: &str, expected: &str) {
    let rules_only = Config {
        cue_model: None,
        quote_filter: None,
        ..Config::new()
    };
    check_with(&rules_only, text, expected);
}

#[test]
fn speaker_after_the_quote() {
    check(
        "“We will not sign this deal,” Mara Oyelaran said.",
        "direct [“We will not sign this deal,”] cue=said speaker=Mara Oyelaran",
    );
}

#[test]
fn inverted_speaker_with_appositive() {
    check(
        "“The harbor stays closed until the storm passes,” said Tomas Reyes, the port director.",
        "direct [“The harbor stays closed until the storm passes,”] cue=said \
         speaker=Tomas Reyes, the port director",
    );
}

#[test]
fn speaker_before_the_quote() {
    check(
        "The fisheries minister told reporters: “There will be no delay this season.”",
        "direct [“There will be no delay this season.”] cue=told speaker=The fisheries minister",
    );
    check(
        "Ivo Petrov, the ferry captain, said, “We sail at dawn.”",
        "direct [“We sail at dawn.”] cue=said speaker=Ivo Petrov, the ferry captain,",
    );
}

#[test]
fn attribution_inside_a_split_quote() {
    check(
        "Ana Ruiz spoke after the vote. “We lost,” she said, “and we know exactly why.”",
        "direct [“We lost,”] + [“and we know exactly why.”] cue=said speaker=Ana Ruiz (from she)",
    );
}

#[test]
fn lone_quote_continues_the_previous_one() {
    check(
        "“The talks failed,” Lena Park said. “Nobody wanted to move first.”",
        "direct [“The talks failed,”] + [“Nobody wanted to move first.”] cue=said \
         speaker=Lena Park",
    );
}

#[test]
fn quote_after_a_colon_in_the_next_paragraph_is_its_own() {
    check(
        "Ruiz spoke first. “We stay,” she said.\n\nThe council has apologized: “We should have \
         warned the islands.”",
        "direct [“We stay,”] cue=said speaker=Ruiz (from she)\n\
         direct [“We should have warned the islands.”]",
    );
}

#[test]
fn abbreviation_in_parentheses_after_the_speaker() {
    check(
        "“We will rebuild,” Rep. Ana Ruiz (D-Lyon.) said.",
        "direct [“We will rebuild,”] cue=said speaker=Rep. Ana Ruiz (D-Lyon.)",
    );
}

#[test]
fn quote_across_paragraphs() {
    check(
        "Harbor director Ivo Petrov said: “The first phase is finished.\n\n\
         “The second phase starts in May, if the money arrives.”",
        "direct [“The first phase is finished.\n\n“The second phase starts in May, if the money \
         arrives.”] cue=said speaker=Harbor director Ivo Petrov",
    );
}

#[test]
fn scare_quotes_and_titles_are_not_speech() {
    check(
        "The council called the vote a “moment of truth” for the town.",
        "indirect [the vote a “moment of truth” for the town] cue=called speaker=The council",
    );
    check("The so-called “grand bargain” collapsed on Friday.", "");
    check("She read “The Quiet Harbor” twice before the trial.", "");
}

#[test]
fn quotation_mark_styles() {
    check(
        "\"We stay here,\" Ruiz said.",
        "direct [\"We stay here,\"] cue=said speaker=Ruiz",
    );
    check(
        "«We stay here,» Ruiz said.",
        "direct [«We stay here,»] cue=said speaker=Ruiz",
    );
    check(
        "„We stay here,“ Ruiz said.",
        "direct [„We stay here,“] cue=said speaker=Ruiz",
    );
    check(
        "''We stay here,'' Ruiz said.",
        "direct [''We stay here,''] cue=said speaker=Ruiz",
    );
}

#[test]
fn dash_before_the_speaker() {
    check(
        "“We need the bridge more than anything.” ― Ivo Petrov, a ferry captain",
        "direct [“We need the bridge more than anything.”] cue=― speaker=Ivo Petrov, a ferry captain",
    );
}

#[test]
fn reported_speech_with_and_without_that() {
    check(
        "Ruiz said that the port would reopen next week.",
        "indirect [that the port would reopen next week] cue=said speaker=Ruiz",
    );
    check(
        "The mayor warned the river could flood the lower town.",
        "indirect [the river could flood the lower town] cue=warned speaker=The mayor",
    );
    check(
        "Oyelaran told the Daily Courier that the count was flawed.",
        "indirect [that the count was flawed] cue=told speaker=Oyelaran",
    );
    check(
        "Petrov has repeatedly denied that he knew about the leak.",
        "indirect [that he knew about the leak] cue=has repeatedly denied speaker=Petrov",
    );
}

#[test]
fn reported_speech_after_and_around_the_content() {
    check(
        "The port will reopen next week, the ministry said.",
        "indirect [The port will reopen next week] cue=said speaker=the ministry",
    );
    check(
        "The deal, officials said, could collapse within days.",
        "indirect [The deal] + [could collapse within days] cue=said speaker=officials anonymous",
    );
    check(
        "The harbor will stay closed, said Lena Park.",
        "indirect [The harbor will stay closed] cue=said speaker=Lena Park",
    );
}

#[test]
fn according_to() {
    check(
        "According to the harbor authority, two ships were damaged.",
        "indirect [two ships were damaged] cue=According to speaker=the harbor authority",
    );
    check(
        "Two ships were damaged, according to the harbor authority.",
        "indirect [Two ships were damaged] cue=according to speaker=the harbor authority",
    );
}

#[test]
fn according_to_after_a_conjunction_and_around_one_word() {
    check(
        "But according to the port authority, the cranes are safe.",
        "indirect [the cranes are safe] cue=according to speaker=the port authority",
    );
    check(
        "Turnout, according to the board, doubled in the islands.",
        "indirect [Turnout] + [doubled in the islands] cue=according to speaker=the board",
    );
}

#[test]
fn subject_the_phrase_rules_cannot_read() {
    check(
        "Most of them said they had loved the old harbor.",
        "indirect [they had loved the old harbor] cue=said speaker=Most of them",
    );
    // A passive names the addressee before the verb, not the speaker.
    check(
        "Dockers are being told that the cranes will replace them.",
        "indirect [that the cranes will replace them] cue=told",
    );
}

#[test]
fn lowercase_role_before_an_inverted_speaker() {
    check(
        "“We stay,” said crane operator Piet Arnesen.",
        "direct [“We stay,”] cue=said speaker=crane operator Piet Arnesen",
    );
}

#[test]
fn gerunds_infinitives_and_progressives() {
    check(
        "The captain left the meeting, with Ruiz calling it a waste of time.",
        "indirect [it a waste of time] cue=calling speaker=Ruiz",
    );
    check(
        "Tomas Reyes went on to say the ferries would run again.",
        "indirect [the ferries would run again] cue=say speaker=Tomas Reyes",
    );
    check(
        "The council is saying that the bridge is safe.",
        "indirect [that the bridge is safe] cue=is saying speaker=The council",
    );
    // After an object the infinitive is not the subject's, and a time is no speaker.
    check(
        "The talks ended, leaving the mediators to announce that they would resume.",
        "indirect [that they would resume] cue=announce",
    );
    check(
        "Farmers have spent the past month telling reporters that the valley is dying.",
        "indirect [that the valley is dying] cue=telling speaker=Farmers",
    );
    // A fronted participle clause is no subject: the name after its comma is.
    check(
        "Asked whether the pier was safe, Mayor Ana Ruiz did not back down, saying the \
         engineers had signed off.",
        "indirect [whether the pier was safe] cue=Asked\n\
         indirect [the engineers had signed off] cue=saying speaker=Mayor Ana Ruiz",
    );
    check(
        "Recognizing this, Mayor Ana Ruiz did not wait, saying the pier would reopen.",
        "indirect [the pier would reopen] cue=saying speaker=Mayor Ana Ruiz",
    );
    check(
        "Speaking on \u{201c}Harbor Week,\u{201d} Senator Ana Ruiz would not go that far but \
         said the board must apologize.",
        "indirect [the board must apologize] cue=said speaker=Senator Ana Ruiz",
    );
}

#[test]
fn addressee_phrase_before_the_clause() {
    check(
        "Ana Ruiz told a crowd in Lyon she would run again.",
        "indirect [she would run again] cue=told speaker=Ana Ruiz",
    );
}

#[test]
fn base_form_after_a_plural_opens_a_new_clause() {
    check(
        "Voters say the levy is unfair, and officials say it will stay.",
        "indirect [the levy is unfair] cue=say speaker=Voters\n\
         indirect [it will stay] cue=say speaker=officials anonymous",
    );
    // After anything else a base form is more often a noun.
    check(
        "According to Ana Ruiz, a hydrologist, the real decline is smaller.",
        "indirect [a hydrologist, the real decline is smaller] cue=According to speaker=Ana Ruiz",
    );
}

#[test]
fn passives_of_belief_and_of_speech_acts() {
    check(
        "The bridge is expected to reopen in May.",
        "indirect [The bridge] + [to reopen in May] cue=is expected anonymous",
    );
    check(
        "The new levy was widely seen as a retreat.",
        "indirect [The new levy] + [as a retreat] cue=was widely seen anonymous",
    );
    check(
        "The levy was criticized by the harbor council.",
        "indirect [The levy] cue=was criticized speaker=the harbor council",
    );
    // Told by someone: the subject heard it, the content follows the agent.
    check(
        "From what I have been told by two people who were on the pier, the crane stood idle all week.",
        "indirect [the crane stood idle all week] cue=have been told speaker=two people who were on the pier anonymous",
    );
}

#[test]
fn a_stance_noun_s_phrase_before_a_verb_of_saying_is_its_subject() {
    check(
        "The city's leading critic of the plan said the pier should stay shut.",
        "indirect [the pier should stay shut] cue=said speaker=The city's leading critic of the \
         plan",
    );
    // A word more often a noun is no verb after the object: "the lame dad jokes".
    check(
        "The pilots hid their disdain for the lame dad jokes that followed.",
        "indirect [the lame dad jokes that followed] cue=disdain for speaker=their",
    );
}

#[test]
fn stances_and_regarding() {
    check(
        "The ferry captain sees the levy as a betrayal of the islands.",
        "indirect [the levy as a betrayal of the islands] cue=sees speaker=The ferry captain",
    );
    // Without "as" seeing is no stance.
    check("The ferry captain saw the levy on the news.", "");
}

#[test]
fn noun_cues_with_a_clause_or_an_object() {
    check(
        "There were fears that the dam would fail.",
        "indirect [that the dam would fail] cue=fears",
    );
    check(
        "The mayor ignored their criticism of the levy.",
        "indirect [the levy] cue=criticism of speaker=their",
    );
}

#[test]
fn findings_of_a_poll_opening_the_sentence() {
    check(
        "In a new survey, most residents want the old ferry back.",
        "indirect [most residents want the old ferry back] cue=In speaker=a new survey",
    );
}

#[test]
fn headlines_in_title_case_and_transcripts() {
    check(
        "Mayor Ruiz Says Port Will Reopen In May",
        "indirect [Port Will Reopen In May] cue=Says speaker=Mayor Ruiz",
    );
    check(
        "RUIZ: We will rebuild the harbor before the winter.",
        "indirect [We will rebuild the harbor before the winter] cue=: speaker=RUIZ",
    );
}

#[test]
fn transcript_turns_in_quotation_marks_stop_at_the_next_label() {
    // A transcript quoted paragraph by paragraph never closes its marks: each labelled paragraph
    // is its speaker's turn, and an unlabelled one goes on with the turn before it.
    check(
        "The interview went on:\n\n\"HOLM: We will rebuild the harbor. It takes a year.\n\n\
         \"VANCE: And the ferry?\n\n\"HOLM: The ferry comes back in May.\n\n\"It will sail daily.",
        "direct [We will rebuild the harbor. It takes a year.] cue=: speaker=HOLM\n\
         direct [And the ferry?] cue=: speaker=VANCE\n\
         direct [The ferry comes back in May.\n\n\"It will sail daily.] cue=: speaker=HOLM",
    );
}

#[test]
fn spokesperson_and_possessive_speakers() {
    check(
        "The ministry's spokesperson said the talks would resume on Monday.",
        "indirect [the talks would resume on Monday] cue=said speaker=The ministry's spokesperson",
    );
}

#[test]
fn a_word_naming_no_one_opening_the_sentence_is_no_name() {
    check(
        "Aides said the mayor would sign. Reports said the port would close. Officials with the \
         Velmar council said the talks had ended.",
        "indirect [the mayor would sign] cue=said speaker=Aides anonymous\n\
         indirect [the port would close] cue=said speaker=Reports anonymous\n\
         indirect [the talks had ended] cue=said speaker=Officials with the Velmar council",
    );
}

#[test]
fn hearsay_is_anonymous() {
    check(
        "It was reported that the convoy turned back.",
        "indirect [that the convoy turned back] cue=was reported anonymous",
    );
    check(
        "The envoy reportedly left the capital on Sunday.",
        "indirect [The envoy] + [left the capital on Sunday] cue=reportedly anonymous",
    );
    check(
        "By Friday, the harbor plan seemed to be stalling.",
        "indirect [the harbor plan] + [to be stalling] cue=seemed anonymous",
    );
    check(
        "It appears that the ferry will run late.",
        "indirect [that the ferry will run late] cue=appears anonymous",
    );
    check("The mayor appeared on local radio on Monday.", "");
    check(
        "Mayor Ana Ruiz: Harbor will reopen in May\n\nBREAKING: Ferry service is suspended again",
        "indirect [Harbor will reopen in May] cue=: speaker=Mayor Ana Ruiz",
    );
    check(
        "A senior official said the offer was final.",
        "indirect [the offer was final] cue=said speaker=A senior official anonymous",
    );
    // A pronoun for an unnamed speaker leaves them unnamed.
    check(
        "A welder who asked not to be named said the crane was old. \"It shook all winter,\" he said.",
        "indirect [the crane was old] cue=said speaker=A welder who asked not to be named anonymous\n\
         direct [\"It shook all winter,\"] cue=said speaker=A welder (from he) anonymous",
    );
    check(
        "Three dock workers told reporters the gates stayed shut.",
        "indirect [the gates stayed shut] cue=told speaker=Three dock workers anonymous",
    );
    // An unnamed person whatever the words before the noun name; a spokesperson speaks on
    // record for the body named.
    check(
        "One Velmar harbour pilot said the buoys had moved.",
        "indirect [the buoys had moved] cue=said speaker=One Velmar harbour pilot anonymous",
    );
    check(
        "One of the technicians said the screens went dark.",
        "indirect [the screens went dark] cue=said speaker=One of the technicians anonymous",
    );
    check(
        "Port staff said the cranes were idle.",
        "indirect [the cranes were idle] cue=said speaker=Port staff anonymous",
    );
    check(
        "A Velmar Port Authority spokeswoman said the buoys had moved. \"They drifted,\" she said.",
        "indirect [the buoys had moved] cue=said speaker=A Velmar Port Authority spokeswoman\n\
         direct [\"They drifted,\"] cue=said speaker=A Velmar Port Authority spokeswoman (from she)",
    );
    check(
        "Diplomats who asked not to be named said the meeting was tense.",
        "indirect [the meeting was tense] cue=said speaker=Diplomats who asked not to be named \
         anonymous",
    );
    check(
        "A source familiar with the talks said no agreement was reached.",
        "indirect [no agreement was reached] cue=said speaker=A source familiar with the talks \
         anonymous",
    );
}

#[test]
fn a_participle_of_belonging_goes_on_a_speaker_phrase() {
    check(
        "Pilots involved in the strike at the harbour repeatedly cited the fees as a cause.",
        "indirect [the fees as a cause] cue=repeatedly cited speaker=Pilots involved in the \
         strike at the harbour",
    );
    check(
        "Groups affiliated with the union said the pier should reopen.",
        "indirect [the pier should reopen] cue=said speaker=Groups affiliated with the union",
    );
}

#[test]
fn participle_and_coordinated_cues_share_the_speaker() {
    check(
        "Ruiz rejected the plan, adding that it ignored the fishermen.",
        "indirect [the plan] cue=rejected speaker=Ruiz\n\
         indirect [that it ignored the fishermen] cue=adding speaker=Ruiz",
    );
    check(
        "Petrov met the council and said the ferry would keep running.",
        "indirect [the ferry would keep running] cue=said speaker=Petrov",
    );
    check(
        "Ruiz said the budget was balanced, but Petrov insisted it was not.",
        "indirect [the budget was balanced] cue=said speaker=Ruiz\n\
         indirect [it was not] cue=insisted speaker=Petrov",
    );
}

#[test]
fn pronouns_resolve_to_the_last_compatible_name() {
    check(
        "Mayor Ana Ruiz opened the meeting. She said the budget was balanced.",
        "indirect [the budget was balanced] cue=said speaker=Mayor Ana Ruiz (from She)",
    );
    check(
        "Ms. Ruiz spoke first. Then Mr. Reyes answered. “We agree,” Mr. Reyes said. \
         “We do not,” she said.",
        "direct [“We agree,”] cue=said speaker=Mr. Reyes\n\
         direct [“We do not,”] cue=said speaker=Ms. Ruiz (from she)",
    );
    check(
        "The harbor authority published its figures. It said two ships were lost.",
        "indirect [two ships were lost] cue=said speaker=The harbor authority (from It)",
    );
    check(
        "The vote was delayed by Ana Ruiz, who said the count was flawed.",
        "indirect [the count was flawed] cue=said speaker=Ana Ruiz (from who)",
    );
}

#[test]
fn a_name_that_qualifies_a_person_s_noun_makes_no_organization() {
    // "The Veskland Post" is a body, "the Veskland leader" a person: "it" skips the person.
    check(
        "The harbor authority published its figures. The Veskland leader said talks would go \
         on. It said two ships were lost.",
        "indirect [talks would go on] cue=said speaker=The Veskland leader\n\
         indirect [two ships were lost] cue=said speaker=The harbor authority (from It)",
    );
}

#[test]
fn he_and_she_skip_descriptions_of_things() {
    check(
        "Governor Karel Vostrik spoke at the rally. The crowd cheered loudly. “We will win,” he \
         said.",
        "direct [“We will win,”] cue=said speaker=Governor Karel Vostrik (from he)",
    );
    check(
        "Ana Ruiz spoke first. A staggering 60 percent turned out. “It is a start,” she said.",
        "direct [“It is a start,”] cue=said speaker=Ana Ruiz (from she)",
    );
    // A sentence opening with a phrase before its subject offers none.
    check(
        "Ana Ruiz arrived late. At the hall the lights failed. “It is a start,” she said.",
        "direct [“It is a start,”] cue=said speaker=Ana Ruiz (from she)",
    );
    check(
        "Ana Ruiz arrived late. Asked about the delay, the clerk shrugged. “It is a start,” she \
         said.",
        "indirect [about the delay] cue=Asked\n\
         direct [“It is a start,”] cue=said speaker=Ana Ruiz (from she)",
    );
    // A dateline is no subject; the subject after it is.
    check(
        "LYON — The harbour board published its figures. “It is a start,” it said.",
        "direct [“It is a start,”] cue=said speaker=The harbour board (from it)",
    );
    // So is one with its region and an agency.
    check(
        "VELMAR, Ostr. (AP) — The harbour board published its figures. “It is a start,” it said.",
        "direct [“It is a start,”] cue=said speaker=The harbour board (from it)",
    );
    // And a dated one, with a hyphen for its dash, as the brief reads it.
    check(
        "VELMAR, Ostr., March 3 (AP) - The harbour board published its figures. “It is a start,” \
         it said.",
        "direct [“It is a start,”] cue=said speaker=The harbour board (from it)",
    );
    // A document that spoke may speak again as "it"; a thing that did not speak may not.
    check(
        "The draft called for the union to \"tell its members the truth.\" It said the fight could \
         grow.",
        "indirect [the union to \"tell its members the truth.\"] cue=called for speaker=The draft\n\
         indirect [the fight could grow] cue=said speaker=The draft (from It)",
    );
    // A capitalized common word opening a sentence is no name.
    check(
        "Ana Ruiz took the floor. Progress has been slow, and progress matters. “It is a \
         start,” she said.",
        "direct [“It is a start,”] cue=said speaker=Ana Ruiz (from she)",
    );
    // A description of a person still takes the pronoun.
    check(
        "Ana Ruiz left early. The lawyer stayed. “We will appeal,” he said.",
        "direct [“We will appeal,”] cue=said speaker=The lawyer (from he)",
    );
}

#[test]
fn a_possessive_before_a_noun_of_saying_stands_for_its_name() {
    check(
        "Mayor Ana Ruiz opened the session. The council ignored her criticism of the levy.",
        "indirect [the levy] cue=criticism of speaker=Mayor Ana Ruiz (from her)",
    );
}

#[test]
fn unresolved_pronoun_stays_as_written() {
    check(
        "“We are ready,” we said.",
        "direct [“We are ready,”] cue=said speaker=we",
    );
}

#[test]
fn cues_inside_quotes_belong_to_the_quote() {
    check(
        "“He told me the ferry was safe,” Lena Park said.",
        "direct [“He told me the ferry was safe,”] cue=said speaker=Lena Park",
    );
}

#[test]
fn unclosed_quote_ends_with_its_paragraph() {
    check(
        "Ruiz said: “The port is closed for now.\n\nThe next paragraph is the reporter's.",
        "direct [“The port is closed for now.] cue=said speaker=Ruiz",
    );
}

#[test]
fn empty_and_quote_only_text() {
    check("", "");
    check("\"", "");
    check("“”", "");
}

/// Every range lies inside the text, on character boundaries, and quotes come in text order.
fn assert_well_formed(text: &str, quotes: &[Quote]) {
    let ranges = quotes.iter().flat_map(|quote| {
        std::iter::once(&quote.content)
            .chain(&quote.continuation)
            .chain(&quote.cue)
            .chain(&quote.speaker)
            .chain(&quote.speaker_pronoun)
    });
    for range in ranges {
        assert!(text.get(range.clone()).is_some(), "bad range {range:?}");
    }
    assert!(
        quotes
            .windows(2)
            .all(|pair| pair[0].content.start <= pair[1].content.start)
    );
}

#[test]
fn hostile_input_takes_bounded_time() {
    let mut text = String::new();
    let pieces = [
        "“",
        "\"",
        "”",
        " said ",
        "Ruiz",
        ", ",
        "\u{0}",
        "\u{7}",
        "«",
        "''",
        "'''",
        ". ",
        "\n\n",
        "according to ",
        "she added",
        " — ",
        "“a",
        "é”",
        "\u{202a}",
        "(",
        ")",
        ":",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    while text.len() < 100_000 {
        // A fixed xorshift sequence: deterministic, with no dependency.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let piece = pieces[(seed % pieces.len() as u64) as usize];
        text.push_str(piece);
    }
    let article = Article::new(Origin::Stdin, text);
    let found_sentences = sentences(&article, "en");
    let started = Instant::now();
    let found = quotes(&article, &found_sentences, &[], &Config::new());
    let elapsed = started.elapsed();
    assert_well_formed(&article.text, &found);
    // Linear work finishes in milliseconds; the bound is loose so a busy machine passes.
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");

    // Thousands of quotation marks in one sentence, none of them closed.
    let article = Article::new(Origin::Stdin, "“a said Ruiz ".repeat(8_000));
    let found_sentences = sentences(&article, "en");
    let started = Instant::now();
    let found = quotes(&article, &found_sentences, &[], &Config::new());
    assert_well_formed(&article.text, &found);
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn quotes_without_sentences_do_not_panic() {
    let article = Article::new(Origin::Stdin, "“We are ready,” Ruiz said.".to_string());
    let found = quotes(&article, &[], &[], &Config::new());
    assert_well_formed(&article.text, &found);
}

#[test]
fn relative_clauses_imperatives_and_infinitives_are_not_speech() {
    for text in [
        "A panel that found a smaller drop would be awkward for the ministry.",
        "Now consider the smaller town upstream of the dam.",
        "The engineers finish the dam, and the farmers downstream learn to plant other crops.",
        "The envoys issue a statement full of the word \u{201c}constructive\u{201d}, and the farmers downstream learn to plant other crops.",
    ] {
        check(text, "");
    }
}

#[test]
fn infinitive_with_a_later_that_is_not_speech() {
    check(
        "The farmers downstream learn to plant something that needs less water.",
        "",
    );
    check(
        "Make no mistake: that would be a failure for the valley.",
        "",
    );
}

#[test]
fn content_before_a_subject_with_a_modifier() {
    check(
        "In Lyon, turnout was the highest in a decade, election officials said.",
        "indirect [In Lyon, turnout was the highest in a decade] cue=said \
         speaker=election officials anonymous",
    );
}

#[test]
fn content_before_the_cue_may_open_with_a_subordinate_clause() {
    check(
        "If the bill fails, the port will close for good, Ruiz said.",
        "indirect [If the bill fails, the port will close for good] cue=said speaker=Ruiz",
    );
    check(
        "After two quiet years, the harbor board said, traffic will rise again.",
        "indirect [After two quiet years] + [traffic will rise again] cue=said \
         speaker=the harbor board",
    );
    check("When the vote ended, Ruiz said.", "");
}

#[test]
fn circumstances_after_the_cue_end_the_attribution() {
    check(
        "The deficit will grow next year, the budget office reported on Tuesday \u{2014} a shift that worries lenders.",
        "indirect [The deficit will grow next year] cue=reported speaker=the budget office",
    );
    check(
        "This is not about me, Ruiz told her aides as she left the hall.",
        "indirect [This is not about me] cue=told speaker=Ruiz",
    );
}

#[test]
fn inverted_speaker_with_a_relative_clause() {
    check(
        "The port will reopen in May, said Ana Ruiz, the director of the harbor board, which runs the docks.",
        "indirect [The port will reopen in May] cue=said speaker=Ana Ruiz, the director of the \
         harbor board, which runs the docks",
    );
}

#[test]
fn finding_of_a_poll_after_it() {
    check(
        "Ruiz leads the race by ten points in a new city poll.",
        "indirect [Ruiz leads the race by ten points] cue=in speaker=a new city poll",
    );
    // "in the polls" describes a standing, not a finding.
    check("Ruiz has risen steadily in the polls.", "");
}

#[test]
fn one_word_answers_and_clauses_opening_with_this() {
    check(
        "Most of the dockers said yes.",
        "indirect [yes] cue=said speaker=Most of the dockers",
    );
    check(
        "Others say this is just a rough patch.",
        "indirect [this is just a rough patch] cue=say speaker=Others anonymous",
    );
}

#[test]
fn stances_held_with_an_adjective() {
    check(
        "Ruiz is confident that the port will reopen.",
        "indirect [that the port will reopen] cue=is confident speaker=Ruiz",
    );
    check(
        "The dockers have been sharply critical of the plan.",
        "indirect [the plan] cue=have been sharply critical of speaker=The dockers",
    );
}

#[test]
fn telling_a_long_addressee() {
    check(
        "Ruiz told a crowded hall in the old town that the port would reopen.",
        "indirect [that the port would reopen] cue=told speaker=Ruiz",
    );
}

#[test]
fn wider_lexicon_of_stances() {
    check(
        "The mayor congratulated the rescue crews.",
        "indirect [the rescue crews] cue=congratulated speaker=The mayor",
    );
}

#[test]
fn as_someone_noted_opening_the_sentence() {
    check(
        "As the harbor board noted, traffic fell by a third last year.",
        "indirect [traffic fell by a third last year] cue=noted speaker=the harbor board",
    );
}

#[test]
fn title_case_headline_ending_with_the_verb() {
    check(
        "Port Will Reopen Before The Summer, Ana Ruiz Says.",
        "indirect [Port Will Reopen Before The Summer] cue=Says speaker=Ana Ruiz",
    );
}

#[test]
fn relative_pronoun_standing_for_the_content() {
    check(
        "The board received forty bids, which Ruiz said were evenly split between the two yards.",
        "indirect [which] + [were evenly split between the two yards] cue=said speaker=Ruiz",
    );
}

#[test]
fn findings_with_a_plain_noun_phrase() {
    check(
        "Polls show dockers trust the mayor more than the board.",
        "indirect [dockers trust the mayor more than the board] cue=show speaker=Polls",
    );
    check(
        "The mayor campaigned hard, with polls showing her well behind.",
        "indirect [her well behind] cue=showing speaker=polls",
    );
}

#[test]
fn direct_quote_with_a_time_or_an_addressee_after_the_cue() {
    check(
        "“We are not leaving,” Ruiz said 30 minutes into the meeting.",
        "direct [“We are not leaving,”] cue=said speaker=Ruiz",
    );
    check(
        "“Why now?” reporter Ana Ruiz asked him.",
        "direct [“Why now?”] cue=asked speaker=reporter Ana Ruiz",
    );
    check(
        "“We will rebuild the pier,” she told the show.",
        "direct [“We will rebuild the pier,”] cue=told speaker=she",
    );
}

#[test]
fn passive_speech_act_without_an_agent() {
    check(
        "The pier plan was criticized as reckless.",
        "indirect [The pier plan] + [as reckless] cue=was criticized anonymous",
    );
}

#[test]
fn a_verb_with_its_own_object_after_a_comma_reports_nothing_before_it() {
    check(
        "Shops in the north ran short last week, car plants have warned of slower lines, and exporters are counting their losses.",
        "",
    );
}

#[test]
fn verbs_of_stance_and_judgement_found_in_news() {
    check(
        "The panel deemed the plan a failure.",
        "indirect [the plan a failure] cue=deemed speaker=The panel",
    );
    check(
        "Ruiz voiced doubts about the new harbor.",
        "indirect [doubts about the new harbor] cue=voiced speaker=Ruiz",
    );
    check(
        "Ruiz opined that the harbor would close by May.",
        "indirect [that the harbor would close by May] cue=opined speaker=Ruiz",
    );
    check(
        "The mayor brushed off the complaints of the fishermen.",
        "indirect [the complaints of the fishermen] cue=brushed off speaker=The mayor",
    );
}

#[test]
fn new_verbs_leave_their_other_senses_alone() {
    // "like" is a preposition far more often than a verb; "read" in its base and past forms is
    // mostly a title or a record, not speech.
    check("The harbor looks like a lake after the storm.", "");
    check("She read the report on the train.", "");
}

#[test]
fn phrasal_cues_take_the_object_of_their_preposition() {
    check(
        "The mayor lashed out at the harbor board.",
        "indirect [the harbor board] cue=lashed out speaker=The mayor",
    );
    check(
        "Ruiz told the Associated Press the harbor would close.",
        "indirect [the harbor would close] cue=told speaker=Ruiz",
    );
    check(
        "Ruiz agreed to step down in May.",
        "indirect [to step down in May] cue=agreed speaker=Ruiz",
    );
}

#[test]
fn contracted_and_parenthetical_subjects() {
    check(
        "Tomas Reyes spoke first. He’s hoping the new pier will bring the ferries back.",
        "indirect [the new pier will bring the ferries back] cue=hoping speaker=Tomas Reyes \
         (from He’s)",
    );
    check(
        "The fishermen, however, say the harbor is too shallow.",
        "indirect [the harbor is too shallow] cue=say speaker=The fishermen",
    );
    check(
        "Ruiz asked whether they would stay. They said they could.",
        "indirect [whether they would stay] cue=asked speaker=Ruiz\n\
         indirect [they could] cue=said speaker=They",
    );
}

#[test]
fn topics_of_speech_and_thought() {
    check(
        "The crew chief realized the cranes weren't coming back.",
        "indirect [the cranes weren't coming back] cue=realized speaker=The crew chief",
    );
    check(
        "The crew chief realized cranes weren't coming back.",
        "indirect [cranes weren't coming back] cue=realized speaker=The crew chief",
    );
    check(
        "The dockers worry about the winter.",
        "indirect [the winter] cue=worry speaker=The dockers",
    );
    check(
        "Cruz came in second in a January poll, although Ruiz moved up in a survey from Elm \
         College.",
        "indirect [Cruz came in second] cue=in speaker=a January poll\n\
         indirect [Ruiz moved up] cue=in speaker=a survey from Elm College",
    );
    check(
        "The port will stay closed, as Ruiz put it.",
        "indirect [The port will stay closed] cue=put it speaker=Ruiz",
    );
}

#[test]
fn advice_and_bare_pushes_are_no_stance() {
    // What someone should do is the writer's advice; "pushes" without "for" or "back" moves
    // things, it does not argue.
    check(
        "The council should resist the temptation to sell the pier.",
        "",
    );
    check(
        "Every week of delay pushes more cargo towards rival ports.",
        "",
    );
    check(
        "The council pushed for a new pier.",
        "indirect [a new pier] cue=pushed for speaker=The council",
    );
}

/// Runs the annotator with the learned cue finder read from `weights` (a weights file in the
/// format of `data/quote-cues.tsv`), so the tests do not hang on the fitted numbers.
fn check_learned(weights: &str, text: &str, expected: &str) {
    let model = CueModel::parse(weights).expect("the test weights parse");
    let config = Config {
        cue_model: Some(Arc::new(model)),
        quote_filter: None,
        ..Config::new()
    };
    check_with(&config, text, expected);
}

/// Runs the annotator under `config` and compares its quotes, rendered, with `expected`.
fn check_with(config: &Config, text: &str, expected: &str) {
    let article = Article::new(Origin::Stdin, text.to_string());
    let sentences = sentences(&article, "en");
    let entities = crate::entities(&article, &sentences);
    let found = quotes(&article, &sentences, &entities, config);
    assert_eq!(render(&article.text, &found).trim(), expected.trim());
}

#[test]
fn a_learned_cue_on_an_auxiliary_or_adverb_takes_the_verb_after_it() {
    // The model takes "also" for the cue; the verb after it is the cue's, with its preposition.
    let weights = "threshold\t1\ncue\tpw=has|also\t2\nafter\tbias=1\t1\n";
    check_learned(
        weights,
        "Mayor Karel Vostrik has also commented on the harbor strike.",
        "indirect [the harbor strike] cue=has also commented on speaker=Mayor Karel Vostrik",
    );
    // A progressive: "is betting".
    let progressive = "threshold\t1\ncue\tpw=ruiz|is\t2\nafter\tbias=1\t1\n";
    check_learned(
        progressive,
        "Mayor Ana Ruiz is betting the pier will reopen.",
        "indirect [the pier will reopen] cue=is betting speaker=Mayor Ana Ruiz",
    );
}

#[test]
fn a_learned_cue_of_function_words_alone_marks_no_attribution() {
    // A passive, a particle, an obligation: with no verb to take, the cue tells no stance.
    let passive = "threshold\t1\ncue\tpw=ruiz|was\t2\nafter\tbias=1\t1\n";
    check_learned(
        passive,
        "Mayor Ana Ruiz was named chair of the harbor board.",
        "",
    );
    let particle = "threshold\t1\ncue\tpw=pay|back\t2\nafter\tbias=1\t1\n";
    check_learned(
        particle,
        "The harbor fund will pay back the loan by June.",
        "",
    );
    let obligation = "threshold\t1\ncue\tpw=has|to\t2\nafter\tbias=1\t1\n";
    check_learned(
        obligation,
        "Mayor Ana Ruiz has to justify the budget to the council.",
        "",
    );
    let possession = "threshold\t1\ncue\tpw=had|the\t2\nafter\tbias=1\t1\n";
    check_learned(
        possession,
        "The Ruizes had the support of the harbor board.",
        "",
    );
}

#[test]
fn a_learned_cue_on_an_article_takes_the_verb_before_it() {
    // The speaker stands before the verb, not through it ("She'll make").
    let make = "threshold\t1\ncue\tpw=make|the\t2\nafter\tbias=1\t1\n";
    check_learned(
        make,
        "Mayor Ana Ruiz will make the announcement at the harbor on Monday.",
        "indirect [announcement at the harbor on Monday] cue=will make the speaker=Mayor Ana Ruiz",
    );
    // With its particle.
    let set_out = "threshold\t1\ncue\tpw=out|a\t2\nafter\tbias=1\t1\n";
    check_learned(
        set_out,
        "Mayor Ana Ruiz set out a goal for the harbor board.",
        "indirect [goal for the harbor board] cue=set out a speaker=Mayor Ana Ruiz",
    );
    // A preposition before the article is no verb.
    let hope = "threshold\t1\ncue\tpw=in|the\t2\nafter\tbias=1\t1\n";
    check_learned(
        hope,
        "The pilots struck in the hope of higher fees.",
        "indirect [hope of higher fees] cue=the",
    );
}

#[test]
fn a_to_after_the_object_of_a_commitment_opens_an_infinitive_not_a_recipient() {
    check(
        "Ruiz urged the council to reopen the pier.",
        "indirect [to reopen the pier] cue=urged speaker=Ruiz",
    );
    check(
        "Ruiz urged voters to \u{201c}go to the harbour\u{201d} on Monday.",
        "indirect [to \u{201c}go to the harbour\u{201d} on Monday] cue=urged speaker=Ruiz",
    );
    // "to the pilots" names who got the offer: the offer is what was made.
    check(
        "Ruiz offered a deal to the pilots on Monday.",
        "indirect [a deal to the pilots on Monday] cue=offered speaker=Ruiz",
    );
}

#[test]
fn a_singular_in_s_is_no_plural_opening_a_speaker() {
    check(
        "Proponents of a pathway to legal status argued that the pier should reopen.",
        "indirect [that the pier should reopen] cue=argued speaker=Proponents of a pathway to \
         legal status",
    );
}

#[test]
fn a_name_after_a_preposition_is_no_learned_cue_s_speaker() {
    let weights = "threshold\t1\ncue\tpw=velmar|to\t2\nafter\tbias=1\t1\n";
    check_learned(
        weights,
        "After the meeting, Ruiz headed over to Berg's Place restaurant in Velmar to talk with \
         other pilots.",
        "indirect [talk with other pilots] cue=to",
    );
}

#[test]
fn learned_cue_takes_a_word_the_rules_leave_free() {
    // "wary" is no reporting verb; a weight on the word before it and on its suffix makes it a
    // cue, and the content goes where the direction model points.
    let weights = "threshold\t1\ncue\tpw=is|wary\t2\nafter\tbias=1\t1\n";
    check_learned(
        weights,
        "The harbor master is wary the new pier will flood.",
        "indirect [the new pier will flood] cue=wary",
    );
    let before = "threshold\t1\ncue\tpw=ruiz|wagers\t2\nafter\tbias=1\t-1\n";
    check_learned(
        before,
        "The new pier will flood, Ana Ruiz wagers.",
        "indirect [The new pier will flood] cue=wagers speaker=Ana Ruiz",
    );
    // Below the threshold, nothing.
    check_learned(
        "threshold\t3\ncue\tpw=is|wary\t2\n",
        "The harbor master is wary the new pier will flood.",
        "",
    );
}

#[test]
fn learned_cue_takes_the_preposition_after_it() {
    // "uneasy about": the preposition belongs to the cue, what follows it to the content; a
    // preposition with nothing after it stays where it is.
    let weights = "threshold\t1\ncue\tpw=is|uneasy\t2\nafter\tbias=1\t1\n";
    check_learned(
        weights,
        "The harbor master is uneasy about the new pier.",
        "indirect [the new pier] cue=uneasy about",
    );
    check_learned(
        weights,
        "The harbor master is uneasy about.",
        "indirect [about] cue=uneasy",
    );
}

#[test]
fn learned_cue_reaches_its_speaker_past_auxiliaries_and_adverbs() {
    let weights = "threshold\t1\ncue\tpw=consistently|pushed\t2\nafter\tbias=1\t1\n";
    check_learned(
        weights,
        "Ana Ruiz has consistently pushed the new pier plan.",
        "indirect [the new pier plan] cue=has consistently pushed speaker=Ana Ruiz",
    );
}

#[test]
fn learned_cue_leaves_what_the_rules_found() {
    // The rules hold "said" and its content; a weight on every word cannot take them again.
    check_learned(
        "threshold\t0\ncue\tbias=1\t1\nafter\tbias=1\t1\n",
        "Ana Ruiz said the ferry would sail.",
        "indirect [the ferry would sail] cue=said speaker=Ana Ruiz",
    );
}

#[test]
fn cue_weights_file_errors_name_the_line() {
    let error = CueModel::parse("threshold\t1\ncue\tbias=1\n").expect_err("a weight is missing");
    assert_eq!(error.line, 2);
    let error = CueModel::parse("cue\tbias=1\t1\n").expect_err("no threshold");
    assert!(error.reason.contains("threshold"), "{error}");
    assert!(CueModel::parse("threshold\tmany\n").is_err());
}

#[test]
fn compiled_in_cue_weights_parse() {
    let model = CueModel::fitted();
    assert!(format!("{model:?}").contains("n_weights"));
}

/// Runs the rules with the quote filter read from `weights` (a weights file in the format of
/// `data/quote-filter.tsv`), so the tests do not hang on the fitted numbers.
fn check_filtered(weights: &str, text: &str, expected: &str) {
    let filter = QuoteFilter::parse(weights).expect("the test weights parse");
    let config = Config {
        cue_model: None,
        quote_filter: Some(Arc::new(filter)),
        ..Config::new()
    };
    check_with(&config, text, expected);
}

#[test]
fn quote_filter_drops_the_quotes_its_weights_score_low() {
    let text = "Ana Ruiz said the ferry would sail. “We stay,” the captain said.";
    // A weight against the reporting rule drops that quote and keeps the direct one.
    check_filtered(
        "threshold\t0\nkeep\tbias=1\t1\nkeep\tconstruction=reported\t-2\n",
        text,
        "direct [“We stay,”] cue=said speaker=the captain",
    );
    // A weight on the cue with its rule, and on the speaker kind, reads each quote apart.
    check_filtered(
        "threshold\t0\nkeep\tcue_rule=direct-after|said\t-1\nkeep\tspeaker=name\t1\n",
        text,
        "indirect [the ferry would sail] cue=said speaker=Ana Ruiz",
    );
    // Above every score, nothing is left.
    check_filtered("threshold\t5\nkeep\tbias=1\t1\n", text, "");
}

#[test]
fn filter_weights_file_errors_name_the_line() {
    let error =
        QuoteFilter::parse("threshold\t1\nkeep\tbias=1\n").expect_err("a weight is missing");
    assert_eq!(error.line, 2);
    let error = QuoteFilter::parse("keep\tbias=1\t1\n").expect_err("no threshold");
    assert!(error.reason.contains("threshold"), "{error}");
    assert!(QuoteFilter::parse("threshold\tmany\n").is_err());
    assert!(QuoteFilter::parse("threshold\t1\ncue_threshold\t-2.5\n").is_err());
}

#[test]
fn compiled_in_filter_weights_parse() {
    let filter = QuoteFilter::fitted();
    assert!(format!("{filter:?}").contains("n_weights"));
}

#[test]
fn a_name_after_a_role_word_is_a_person_whatever_the_words_before_it() {
    check(
        "Transport Minister Aksel Berg said: \"The port must reopen.\"\n\n\"We did not \
         start this fight,\" union leader Anna Holm told reporters. \"Nobody in that room was \
         listening,\" she added. \"It is a lockout,\" DWU leader Ina Lund told reporters. \"We \
         will stay out,\" she said.",
        "direct [\"The port must reopen.\"] cue=said speaker=Transport Minister Aksel Berg\n\
         direct [\"We did not start this fight,\"] cue=told speaker=union leader Anna Holm\n\
         direct [\"Nobody in that room was listening,\"] cue=added speaker=union leader Anna Holm \
         (from she)\n\
         direct [\"It is a lockout,\"] cue=told speaker=DWU leader Ina Lund\n\
         direct [\"We will stay out,\"] cue=said speaker=DWU leader Ina Lund (from she)",
    );
}

#[test]
fn three_lowercase_role_words_before_a_name_after_the_quote() {
    check(
        "“The cranes stay idle,” port authority spokesperson Jon Ekberg said. He pointed out \
         that rival ports have remote-controlled cranes.",
        "direct [“The cranes stay idle,”] cue=said speaker=port authority spokesperson Jon Ekberg\n\
         indirect [that rival ports have remote-controlled cranes] cue=pointed out speaker=port \
         authority spokesperson Jon Ekberg (from He)",
    );
}

#[test]
fn a_sentence_that_ends_in_its_attribution_is_that_speakers_content() {
    check(
        "The ferry union rejected the offer within minutes, a senior negotiator said.",
        "indirect [The ferry union rejected the offer within minutes] cue=said speaker=a senior \
         negotiator anonymous",
    );
}

#[test]
fn an_appositive_chain_after_a_fronted_clause_or_adverb_starts_at_its_name() {
    check(
        "After the vote ended, Ilse Marrow, the party chairwoman, said she had received \
         threats. However, one of her lawyers, Tomas Kerr, says the deal stands. On Monday, \
         Senator Ivo Brandt, D-N.Y., argued that the count was flawed.",
        "indirect [she had received threats] cue=said speaker=Ilse Marrow, the party chairwoman,\n\
         indirect [the deal stands] cue=says speaker=one of her lawyers, Tomas Kerr,\n\
         indirect [that the count was flawed] cue=argued speaker=Senator Ivo Brandt, D-N.Y.,",
    );
}

#[test]
fn a_verb_of_saying_after_a_chain_is_read_before_the_cues_inside_it() {
    check(
        "Olek Varga, a delegate backing the reform, said he had spoken with many colleagues.",
        "indirect [the reform] cue=backing speaker=a delegate anonymous\n\
         indirect [he had spoken with many colleagues] cue=said speaker=Olek Varga, a delegate \
         backing the reform,",
    );
}

#[test]
fn a_relative_pronoun_after_a_party_tag_stands_for_the_name() {
    check(
        "Rep. Nils Aaberg, R-Ohio, who opposes the bill, said the vote was rushed. He said \
         the count would be challenged.",
        "indirect [the bill] cue=opposes speaker=Rep. Nils Aaberg (from who)\n\
         indirect [the vote was rushed] cue=said speaker=Rep. Nils Aaberg, R-Ohio, who opposes \
         the bill,\n\
         indirect [the count would be challenged] cue=said speaker=Rep. Nils Aaberg (from He)",
    );
}

#[test]
fn an_inverted_attribution_closing_the_sentence_takes_what_comes_before_it() {
    check(
        "His campaign appears to be taking the same tack: attending meetings and spreading his \
         message, said Ilse Marrow, director of the Velmar Politics Project at the University \
         of Lyon.",
        "indirect [His campaign appears to be taking the same tack: attending meetings and \
         spreading his message] cue=said speaker=Ilse Marrow, director of the Velmar Politics \
         Project at the University of Lyon",
    );
}

#[test]
fn a_verb_of_saying_with_an_auxiliary_after_a_comma_and_conjunction_is_a_second_attribution() {
    check(
        "Ilse Marrow said that she will not testify against the mayor, but would not say \
         whether she had been offered a deal.",
        "indirect [that she will not testify against the mayor] cue=said speaker=Ilse Marrow\n\
         indirect [whether she had been offered a deal] cue=would not say speaker=Ilse Marrow",
    );
}

#[test]
fn the_subject_after_a_fronted_phrase_speaks_a_participle_quote() {
    check(
        "During his news conference on Friday, Mayor Ilse Marrow defended the plan, saying, \
         “The port will reopen.”",
        // The subject lent to "saying" stays free for "defended", read as it is without the
        // participle.
        "indirect [the plan] cue=defended speaker=Mayor Ilse Marrow\n\
         direct [“The port will reopen.”] cue=saying speaker=Mayor Ilse Marrow",
    );
}

#[test]
fn a_pronoun_is_kept_by_the_head_of_a_name_not_by_a_name_described_after_it() {
    check(
        "Tomas Kerr spoke first. He said he would run. Ms. Ilse Marrow, an ally of Mr. Kerr, \
         said the race was open. “He has a lot of heart,” she said.",
        "indirect [he would run] cue=said speaker=Tomas Kerr (from He)\n\
         indirect [the race was open] cue=said speaker=Ms. Ilse Marrow, an ally of Mr. Kerr,\n\
         direct [“He has a lot of heart,”] cue=said speaker=Ms. Ilse Marrow (from she)",
    );
}

#[test]
fn closing_attributions_with_close_sources_coordinated_subjects_and_according_to() {
    check(
        "The talks stalled on Monday, a source close to him said.",
        "indirect [The talks stalled on Monday] cue=said speaker=a source close to him anonymous",
    );
    check(
        "The talks stalled on Monday, said people close to the mayor.",
        "indirect [The talks stalled on Monday] cue=said speaker=people close to the mayor anonymous",
    );
    check(
        "The strike is over, teachers and union officials told the paper.",
        "indirect [The strike is over] cue=told speaker=teachers and union officials anonymous",
    );
    // A cue earlier in the sentence does not cut the content of one that closes it.
    check(
        "Donors may give as long as the decision to donate is made here, according to the \
         election lawyer.",
        "indirect [Donors may give as long as the decision to donate is made here] \
         cue=according to speaker=the election lawyer",
    );
}

#[test]
fn verb_after_a_comma_opens_its_content_when_a_clause_follows_its_object() {
    // Not the inverted "…, said Republicans": the phrase after the verb has its own verb.
    check(
        "Tad Ruiz, the senators' media adviser, said Republicans are engaged in mischief.",
        "indirect [Republicans are engaged in mischief] cue=said speaker=Tad Ruiz, the \
         senators' media adviser,",
    );
    check(
        "Sen. Ana Ruiz (D-Lyon), said after a lunch on Tuesday that she had not read the plan.",
        "indirect [that she had not read the plan] cue=said speaker=Sen. Ana Ruiz (D-Lyon)",
    );
    check(
        "Ana Ruiz told the AP her group never worked with the lobbyists.",
        "indirect [her group never worked with the lobbyists] cue=told speaker=Ana Ruiz",
    );
}

#[test]
fn words_after_a_short_quote_opening_with_a_preposition_are_no_speaker() {
    // "detail" reads as a verb of saying; "for his daughters' security" is no one.
    check(
        "The first ad called Ruiz an \"elitist hypocrite\" for his daughters' security detail.",
        "indirect [Ruiz an \"elitist hypocrite\" for his daughters' security detail] cue=called \
         speaker=The first ad",
    );
}

#[test]
fn a_relative_clause_that_reports_is_its_own_attribution() {
    check(
        "The plan failed, said Ana Ruiz, who argued that the council had ignored the port.",
        "indirect [The plan failed] cue=said speaker=Ana Ruiz\n\
         indirect [that the council had ignored the port] cue=argued speaker=Ruiz (from who)",
    );
    check(
        "\u{201c}We show anger,\u{201d} said Ana Ruiz, who acknowledged the vote was close.",
        "direct [\u{201c}We show anger,\u{201d}] cue=said speaker=Ana Ruiz\n\
         indirect [the vote was close] cue=acknowledged speaker=Ruiz (from who)",
    );
    check(
        "Ana Ruiz, who said she left on good terms, wept.",
        "indirect [she left on good terms] cue=said speaker=Ana Ruiz (from who)",
    );
}

#[test]
fn a_relative_pronoun_before_a_speaker_after_a_quote_is_no_part_of_it() {
    check(
        "Ruiz was \u{201c}very proud\u{201d} of what she called \u{201c}a deal to end the strike.\u{201d}",
        "direct [\u{201c}a deal to end the strike.\u{201d}] cue=called speaker=Ruiz (from she)",
    );
}

#[test]
fn a_capitalized_word_opening_a_sentence_is_no_name_for_a_pronoun() {
    check(
        "Senator Ana Ruiz spoke on Monday. Notably, the port stayed shut. Memories have faded, \
         she said.",
        "indirect [Memories have faded] cue=said speaker=Senator Ana Ruiz (from she)",
    );
}

#[test]
fn a_sentence_subject_opened_by_a_quantifier_or_a_preposition() {
    check(
        "Another candidate, Ana Ruiz, qualified her view, saying that she would veto the bill.",
        "indirect [that she would veto the bill] cue=saying speaker=Another candidate",
    );
    check(
        "Two coastal states sued on Monday, saying that the plan was illegal.",
        "indirect [that the plan was illegal] cue=saying speaker=Two coastal states",
    );
    // The participle set off after the subject ends at its comma.
    check(
        "Senior port officials, discussing the review, conceded that the plan was late.",
        "indirect [the review] cue=discussing speaker=Senior port officials anonymous\n\
         indirect [that the plan was late] cue=conceded speaker=Senior port officials, \
         discussing the review, anonymous",
    );
    check(
        "Amid calls for him to resign, Ruiz added that she would stay.",
        "indirect [him to resign] cue=calls for\n\
         indirect [that she would stay] cue=added speaker=Ruiz",
    );
}

#[test]
fn a_subject_phrase_running_to_the_end_of_the_text_ends_there() {
    // Reading a last sentence's subject ("The new pier", no verb after it) once looked at the
    // token past the end of the text.
    check(
        "Mayor Ana Ruiz spoke on Monday. She said the pier would open. The new pier",
        "indirect [the pier would open] cue=said speaker=Mayor Ana Ruiz (from She)",
    );
}

#[test]
fn an_and_inside_a_body_name_stays_in_the_speaker_phrase() {
    check(
        "The chairman of the Senate Harbor and Fisheries Committee, Senator Ana Ruiz, Democrat \
         of Lyon, said she intends to hold a hearing in July.",
        "indirect [she intends to hold a hearing in July] cue=said speaker=The chairman of the \
         Senate Harbor and Fisheries Committee, Senator Ana Ruiz, Democrat of Lyon,",
    );
    check(
        "An aide to the House Harbor and Fisheries Committee said the bill would pass.",
        "indirect [the bill would pass] cue=said speaker=An aide to the House Harbor and \
         Fisheries Committee",
    );
    check(
        "The bill would pass, said a senior adviser to the mayor.",
        "indirect [The bill would pass] cue=said speaker=a senior adviser to the mayor anonymous",
    );
    // A phrase opened by a preposition that takes no clause is fronted, not a subject.
    check(
        "Despite protests officials said the pier would open.",
        "indirect [the pier would open] cue=said speaker=officials anonymous",
    );
    check("Among those predicting a strike was Bo Holm.", "");
    check(
        "Despite Ana Ruiz saying the pier would open, the ferries stayed.",
        "indirect [the pier would open, the ferries stayed] cue=saying speaker=Despite Ana Ruiz",
    );
    // A relative clause is about the noun right before it.
    check(
        "Aides to House conservatives who oppose the plan met on Thursday.",
        "indirect [the plan met on Thursday] cue=oppose speaker=House conservatives (from who)",
    );
    // Between two people's names the "and" joins two speakers, who speak together.
    check(
        "Ana Ruiz and Bo Holm said the harbor would reopen.",
        "indirect [the harbor would reopen] cue=said speaker=Ana Ruiz and Bo Holm",
    );
}

#[test]
fn a_written_text_reads_its_quotation() {
    check(
        "“The harbor will stay open all winter,” the ministry's statement read.",
        "direct [“The harbor will stay open all winter,”] cue=read speaker=the ministry's statement",
    );
    // Only ending the sentence: "read" with an object is no verb of saying.
    check("“Winter Roads,” the pilot read aloud to the crew.", "");
}

#[test]
fn a_closing_mark_opening_a_paragraph_opens_its_quotation() {
    check(
        "The council met.\n\n” … the tunnel will take another decade,” Ilse Varga wrote.",
        "direct [” … the tunnel will take another decade,”] cue=wrote speaker=Ilse Varga",
    );
}

#[test]
fn a_person_named_after_a_capitalized_title_or_with_an_initial_takes_he_and_she() {
    // "House" and "L." had made the phrases bodies, which "he" skipped for the name before.
    check(
        "Mayor Ana Ruiz opened the meeting. Port House Press Secretary Ivo Lind spoke next. \
         He said the ferry would run.",
        "indirect [the ferry would run] cue=said speaker=Port House Press Secretary Ivo Lind \
         (from He)",
    );
    check(
        "Chairman Edmund Vale opened the hearing. Pavel L. Orsk spoke next. He said the ferry \
         would run.",
        "indirect [the ferry would run] cue=said speaker=Pavel L. Orsk (from He)",
    );
    check(
        "The harbor authority published its figures. Senate Majority Whip Ana Ruiz spoke next. \
         It said two ships were lost.",
        "indirect [two ships were lost] cue=said speaker=The harbor authority (from It)",
    );
}

#[test]
fn a_clause_of_comparison_reports_no_one() {
    check(
        "The council keeps asking for meetings, as if the old mayor said the deal was dead. \
         Ana Ruiz said the talks would resume.",
        "indirect [the talks would resume] cue=said speaker=Ana Ruiz",
    );
}

#[test]
fn a_base_form_after_a_singular_subject_is_a_noun() {
    check(
        "The harbor is shut, and a comprehensive plan to reopen it by June is still on the table.",
        "",
    );
    // A share counts people, and a question puts its auxiliary first.
    check(
        "A mere 9 percent say they only ride the ferry.",
        "indirect [they only ride the ferry] cue=say speaker=A mere 9 percent",
    );
    // "the" and a singular noun are one, unless the phrase is a preposition's object.
    check(
        "The family paid to see the Irish dance show Riverdance at the Velmar Civic Theater.",
        "",
    );
}

#[test]
fn a_verb_form_after_an_article_or_a_possessive_is_a_noun() {
    // "the protests that rocked …" is a relative clause about the protests, even when a name
    // in the phrase before makes it look like a subject.
    check(
        "Ana Ruiz, the former Ostrava harbour master who was in charge during the protests that \
         rocked the port in 1999, said the wrong tone was set.",
        "indirect [the wrong tone was set] cue=said speaker=Ana Ruiz, the former Ostrava harbour \
         master who was in charge during the protests that rocked the port in 1999,",
    );
}

#[test]
fn not_yet_and_at_times_join_the_cue() {
    check(
        "Ana Ruiz has not yet said whether she will run again.",
        "indirect [whether she will run again] cue=has not yet said speaker=Ana Ruiz",
    );
    check(
        "Ana Ruiz has at times said the port could reopen.",
        "indirect [the port could reopen] cue=has at times said speaker=Ana Ruiz",
    );
}

#[test]
fn a_time_after_at_or_on_is_no_speaker() {
    check(
        "The union rejected the offer, but at the same time acknowledged that wages must fall.",
        "indirect [the offer] cue=rejected speaker=The union\n\
         indirect [that wages must fall] cue=acknowledged speaker=The union",
    );
}

#[test]
fn an_article_after_a_noun_opens_the_subject_of_a_clause_about_it() {
    let text = "The ferries the port authority intends to sell are old.";
    let article = Article::new(Origin::Stdin, text.to_string());
    let sentences = sentences(&article, "en");
    let rules_only = Config {
        cue_model: None,
        quote_filter: None,
        ..Config::new()
    };
    let found = render(text, &quotes(&article, &sentences, &[], &rules_only));
    assert!(
        found.contains("cue=intends speaker=the port authority\n"),
        "{found}"
    );
    // After a participle the noun is its object, and the phrase goes on.
    check(
        "A memo covering the ministry's findings says the dam is safe.",
        "indirect [the dam is safe] cue=says speaker=A memo covering the ministry's findings",
    );
}

#[test]
fn a_capitalized_function_word_or_verb_form_is_no_speaker() {
    let config = Config {
        cue_model: None,
        quote_filter: None,
        ..Config::new()
    };
    for text in [
        "But determined that the port would reopen, the council voted.",
        "The mayor was speaking. Speaking said the port would reopen.",
    ] {
        let article = Article::new(Origin::Stdin, text.to_string());
        let sentences = sentences(&article, "en");
        let found = render(text, &quotes(&article, &sentences, &[], &config));
        assert!(
            !found.contains("speaker=But") && !found.contains("speaker=Speaking"),
            "{found}"
        );
    }
}

#[test]
fn none_of_a_group_stays_in_the_speaker_phrase() {
    // Dropping "none of" would say the reverse of the sentence.
    check(
        "The talks ended late. And none of the harbor towns said the talks had helped.",
        "indirect [the talks had helped] cue=said speaker=none of the harbor towns",
    );
}

#[test]
fn a_subject_lent_to_a_later_verb_still_speaks_for_the_first() {
    // The quote of "saying" is found first; its speaker, words away, stays free for "told".
    check(
        "Sen. Ana Ruiz of Velmar told reporters the port would reopen soon, saying “the strike \
         is over.”",
        "indirect [the port would reopen soon] cue=told speaker=Sen. Ana Ruiz of Velmar\n\
         direct [“the strike is over.”] cue=saying speaker=Sen. Ana Ruiz",
    );
}

#[test]
fn the_verb_after_a_participle_aside_is_its_speakers() {
    // The participle set off by commas claims the subject; the main verb after it still has
    // that subject, and the capitalized word after "The" qualifies the councilwoman.
    check(
        "The Velmar councilwoman, echoing other critics, has said that the city should wait \
         until 2030.",
        "indirect [other critics] cue=echoing speaker=The Velmar councilwoman\n\
         indirect [that the city should wait until 2030] cue=has said speaker=The Velmar \
         councilwoman",
    );
}

#[test]
fn a_long_subject_before_the_cue_is_whole() {
    check(
        "A two-term councilwoman from Velmar with a record of challenging the harbour board said \
         Friday she would run for mayor.",
        "indirect [she would run for mayor] cue=said speaker=A two-term councilwoman from Velmar \
         with a record of challenging the harbour board",
    );
}

#[test]
fn speaker_phrases_stop_at_clauses_and_reach_past_briefed_on() {
    // A negated auxiliary opens a clause: the relative pronoun stands for the noun after it.
    check(
        "But those arguments didn't sway councillors, who say the port's case is overblown.",
        "indirect [the port's case is overblown] cue=say speaker=councillors (from who)",
    );
    // Nor is it part of the speaker before the cue.
    check(
        "Ana Ruiz didn't say whether the pier would reopen.",
        "indirect [whether the pier would reopen] cue=didn't say speaker=Ana Ruiz",
    );
    // "briefed on" goes on the phrase, as "familiar with" does.
    check(
        "A person briefed on the matter said the prosecutors had issued subpoenas.",
        "indirect [the prosecutors had issued subpoenas] cue=said speaker=A person briefed on the \
         matter anonymous",
    );
    // After a quote, words before a phrase opened by an article are what its clause is about.
    check(
        "Ruiz said the letters spoke for “all the pilots,” a point the union office denied.",
        "indirect [the letters spoke for] cue=said speaker=Ruiz\n\
         direct [“all the pilots,”] cue=denied speaker=the union office",
    );
}

#[test]
fn a_passage_after_a_colon_quoting_someone_is_theirs() {
    // The doubled mark opening the passage is one mark; the passage's own attribution names
    // the speaker, not the sentence that introduces it.
    check(
        "Here is an excerpt from the harbour report:\n\n\"\"We have learned a lot since the strike,\" \
         Ana Ruiz said to the pilots in Velmar. \"And you showed it. We owe the pilots our support.\"",
        "direct [\"\"We have learned a lot since the strike,\"] + [\"And you showed it. We owe the \
         pilots our support.\"] cue=said speaker=Ana Ruiz",
    );
    // In one sentence, the colon's cue keeps its quotation.
    check(
        "Ruiz scolded him: \u{201c}The pier is shut,\u{201d} she said.",
        "direct [\u{201c}The pier is shut,\u{201d}] cue=scolded speaker=Ruiz",
    );
}

#[test]
fn a_pronoun_stands_for_the_holder_of_an_office_named_with_its_body() {
    check(
        "Former Speaker of the House Tomas Berg praised the system. He said the threat should not change it.",
        "indirect [the system] cue=praised speaker=Former Speaker of the House Tomas Berg\n\
         indirect [the threat should not change it] cue=said speaker=Former Speaker of the House Tomas Berg (from He)",
    );
}

#[test]
fn an_and_between_an_office_s_subjects_stays_in_the_speaker_phrase() {
    check(
        "“We deserve the truth about the harbour,” tweeted former Housing and Urban Development Secretary Ana Ruiz.",
        "direct [“We deserve the truth about the harbour,”] cue=tweeted speaker=former Housing and Urban Development Secretary Ana Ruiz",
    );
}

#[test]
fn so_far_between_the_speaker_and_the_cue_is_neither_s() {
    check(
        "The harbour board so far has insisted that the pier is safe.",
        "indirect [that the pier is safe] cue=has insisted speaker=The harbour board",
    );
}

#[test]
fn a_base_form_after_a_possessive_and_one_word_is_a_noun_of_the_possessor() {
    check(
        "Tomas Berg left the studio after his on-camera claim that the strike is a war of the ministry's choosing.",
        "indirect [that the strike is a war of the ministry's choosing] cue=claim speaker=Tomas Berg (from his)",
    );
    // After a singular phrase, "note" is no cue ("a handwritten | note" had been the voice);
    // the phrase rule takes no word of saying into a speaker phrase, so the quote stays
    // unattributed rather than falsely so.
    check("“Lives with his mother,” a handwritten note said.", "");
}

#[test]
fn a_noun_like_word_after_a_possessive_phrase_is_no_cue_of_a_quote_before_it() {
    // "emails" is the phrase's noun: the quoted words stay inside what Ruiz said.
    check(
        "Ruiz first said she “chose not to keep” her private personal emails.",
        "indirect [she “chose not to keep” her private personal emails] cue=first said \
         speaker=Ruiz",
    );
}

#[test]
fn an_adverb_of_place_after_and_widens_the_phrase_before_it() {
    check(
        "But the authorities in Velmar and elsewhere have warned that the devices are dangerous.",
        "indirect [that the devices are dangerous] cue=have warned speaker=the authorities in Velmar and elsewhere",
    );
    // So does a second place after "and" and a preposition.
    check(
        "Harbour pilots in Velmar and around the country say the new fees are unfair.",
        "indirect [the new fees are unfair] cue=say speaker=Harbour pilots in Velmar and around the country",
    );
}

#[test]
fn a_quantifier_after_an_article_s_noun_opens_the_speaker_phrase() {
    check(
        "The longer it stays shut, the more likely it is that the port both sides say they are fighting for will be smaller.",
        // The content runs on past the relative clause, whose end the rules do not find.
        "indirect [they are fighting for will be smaller] cue=say speaker=both sides",
    );
}

#[test]
fn an_irregular_past_is_no_part_of_a_speaker_phrase() {
    check(
        "The organization made multiple requests, asking that the pier reopen.",
        "indirect [that the pier reopen] cue=asking speaker=The organization",
    );
}

#[test]
fn a_time_alone_is_no_content() {
    // The shipped cue finder reads "asked on | Tuesday" as a cue and its content.
    check_with(
        &Config::new(),
        "Senate Majority Leader Ana Ruiz asked on Tuesday.",
        "",
    );
}

#[test]
fn a_party_tag_s_abbreviated_state_ends_no_sentence() {
    check(
        "“Could any judge be approved?” Senate Majority Leader Ana Ruiz, R-Ky., asked on Tuesday.",
        "direct [“Could any judge be approved?”] cue=asked speaker=Senate Majority Leader Ana Ruiz, R-Ky.,",
    );
}

#[test]
fn a_possessive_after_the_cue_opens_what_was_said() {
    check(
        "Speaking on the harbour's \"Morning Watch,\" Sen. Tomas Berg said Ruiz's plan was \"wildly inaccurate.\"",
        "indirect [Ruiz's plan was \"wildly inaccurate.\"] cue=said speaker=Sen. Tomas Berg",
    );
}

#[test]
fn a_finite_verb_after_the_cue_makes_its_phrase_a_subject() {
    check(
        "Everything Tomas Berg says is a lie unless proven otherwise.",
        "",
    );
    check_with(
        &Config::new(),
        "Everything Tomas Berg says is a lie unless proven otherwise.",
        "",
    );
}

#[test]
fn a_question_to_the_speaker_attributes_nothing() {
    check_with(
        &Config::new(),
        "Do you know where your candidate's harbour plans are?",
        "",
    );
    check_with(&Config::new(), "Why do I know?", "");
}

#[test]
fn a_base_form_after_a_person_s_name_is_a_noun() {
    check(
        "He led both the Velmar meddling and Ana Ruiz email probes before he left.",
        "",
    );
}

#[test]
fn a_call_to_a_name_is_a_phone_call() {
    check("Ana Ruiz called Tomas Berg. It was a short call.", "");
    check("A year later, Ana Ruiz called Tomas Berg on Tuesday.", "");
    // A label after the name is what the call said of him.
    check(
        "Ana Ruiz called Tomas Berg “a coward.”",
        "indirect [Tomas Berg “a coward.”] cue=called speaker=Ana Ruiz",
    );
}

#[test]
fn a_call_that_convenes_an_event_says_nothing() {
    check("The union has called a strike for Monday.", "");
    check(
        "Tomas Berg called an emergency meeting of the harbour pilots.",
        "",
    );
    check("The premier called a snap election.", "");
    // Declaring a winner, demanding and labelling are statements.
    check(
        "The network called the election for Ana Ruiz.",
        "indirect [the election for Ana Ruiz] cue=called speaker=The network",
    );
    check(
        "Ruiz called for a general strike.",
        "indirect [a general strike] cue=called for speaker=Ruiz",
    );
}

#[test]
fn a_call_that_names_says_nothing() {
    check(
        "A group called the Velmar Harbour Party issued its own motion on Tuesday.",
        "indirect [its own motion on Tuesday] cue=issued speaker=the Velmar Harbour Party",
    );
    check(
        "An app called Ferry said it would close.",
        "indirect [it would close] cue=said speaker=Ferry",
    );
    // A label after the name makes it a judgement.
    check(
        "A lawmaker called Ruiz a liar.",
        "indirect [Ruiz a liar] cue=called speaker=A lawmaker anonymous",
    );
}

#[test]
fn so_far_stands_between_the_subject_and_its_verb() {
    check(
        "The pilots want something the ministry has so far refused to discuss: a deal on crew sizes.",
        "indirect [to discuss: a deal on crew sizes] cue=has so far refused speaker=the ministry",
    );
}

#[test]
fn people_placed_after_on_or_across_are_the_speaker_and_a_day_after_on_is_not() {
    check(
        "Several Velmari lawmakers on Harbour Hill said Ruiz should quit.",
        "indirect [Ruiz should quit] cue=said speaker=Several Velmari lawmakers on Harbour Hill anonymous",
    );
    check(
        "Dockers across the country said the fees were too high.",
        "indirect [the fees were too high] cue=said speaker=Dockers across the country",
    );
    check(
        "Ruiz on Monday night said the fees were too high.",
        "indirect [the fees were too high] cue=said speaker=Ruiz",
    );
}

#[test]
fn a_speaker_starting_inside_a_name_with_and_takes_the_whole_name() {
    check(
        "Velmar Citizenship and Immigration Services, the agency that oversees the program, said \
         the rules would change.",
        "indirect [the rules would change] cue=said speaker=Velmar Citizenship and Immigration \
         Services, the agency that oversees the program,",
    );
    check(
        "The Department of Health and Human Services said the fees would hurt pilots.",
        "indirect [the fees would hurt pilots] cue=said speaker=The Department of Health and \
         Human Services",
    );
}

#[test]
fn a_day_after_on_between_the_cue_and_its_content_is_a_time() {
    check(
        "The harbour board said on Monday night the fees were too high.",
        "indirect [the fees were too high] cue=said speaker=The harbour board",
    );
}

#[test]
fn names_joined_by_and_speak_together() {
    check(
        "Ana Ruiz and Tomas Berg said the fees were too high.",
        "indirect [the fees were too high] cue=said speaker=Ana Ruiz and Tomas Berg",
    );
    // A name after a phrase of people, or after a list's comma, is the speaker alone.
    check(
        "The mayor and Ruiz said the fees were too high.",
        "indirect [the fees were too high] cue=said speaker=Ruiz",
    );
}

#[test]
fn a_capitalized_word_before_a_noun_of_people_qualifies_them() {
    // The sentence's subject, which the gerund's speaker is, runs to the people it names.
    check(
        "Velmari officials have spent the past week telling foreign journalists that Ostrava is \
         exaggerating.",
        "indirect [that Ostrava is exaggerating] cue=telling speaker=Velmari officials anonymous",
    );
}

#[test]
fn who_after_a_phrase_ending_in_people_is_about_them() {
    check(
        "That was the point of contention for harbour pilots who complained that the fees were \
         unfair.",
        "indirect [that the fees were unfair] cue=complained speaker=harbour pilots (from who)",
    );
    // The relative clause ends at its cue when "said" follows: "said" is the subject's.
    check(
        "Two of the pilots who complained said the fees were unfair.",
        "indirect [the fees were unfair] cue=said speaker=Two of the pilots who complained",
    );
}

#[test]
fn an_infinitive_s_progressive_is_no_quote() {
    check(
        "She won at a moment when the party needs to be defending the harbour plan.",
        "",
    );
}

#[test]
fn nouns_and_superlatives_that_look_like_cues_or_speakers() {
    // "increases pressure on": the noun a verb in -s takes, not "pressure" as a verb.
    check(
        "The strike threat increases pressure on the mayor to offer a better deal.",
        "",
    );
    // "the most" heads no phrase of people.
    check(
        "Ostrava trails, while Velmar is the most favored port city.",
        "",
    );
    // A subordinate clause after quoted words attributes them to no one.
    check(
        "Harbour engineers changed \u{201c}pier closures\u{201d} because they believed \
         \u{201c}pier\u{201d} and \u{201c}port\u{201d} were synonymous.",
        "",
    );
}

#[test]
fn a_dated_message_between_the_cue_and_its_content() {
    // The day after its month is a date, not a count of people who "email".
    check(
        "Ruiz said in a Sept. 14 email that she didn't want the pier closed.",
        "indirect [she didn't want the pier closed] cue=said speaker=Ruiz\n",
    );
}

#[test]
fn adverbs_and_listed_members_are_no_subjects() {
    check(
        "The pilots walked from the pier, in a near-summer air that never quite felt warm, \
         united in a certainty that the strike must go on.",
        "",
    );
    check(
        "The speech capped three days of panels and speakers, including numerous mayors \
         mentioned as contenders for the party's nomination.",
        "",
    );
}

#[test]
fn a_noun_of_a_possessive_before_a_colon_is_its_possessors_cue() {
    // "her Facebook post:" is Ruiz's post, not Facebook's; a verb after a plain singular
    // phrase names its speaker as before.
    check(
        "Ana Ruiz spoke on Monday. She concluded her Facebook post: \u{201c}Please share if you \
         agree.\u{201d}",
        "direct [\u{201c}Please share if you agree.\u{201d}] cue=post speaker=Ana Ruiz (from her)\n",
    );
    check(
        "His spokesman reports: \u{201c}The pier stays closed.\u{201d}",
        "direct [\u{201c}The pier stays closed.\u{201d}] cue=reports speaker=His spokesman\n",
    );
}

#[test]
fn a_noun_of_saying_inside_a_speaker_phrase() {
    check(
        "An examination of her remarks at the hearings shows that she never sailed.",
        "indirect [that she never sailed] cue=shows speaker=An examination of her remarks at the \
         hearings\n",
    );
    // Before a participle the phrase is the nearest noun's.
    check(
        "Ruiz led the charge of pilots calling for the fees to fall.",
        "indirect [the fees to fall] cue=calling for speaker=pilots\n",
    );
    check(
        "The port's advocate for harbour pilots says that the fees will rise.",
        "indirect [that the fees will rise] cue=says speaker=The port's advocate for harbour \
         pilots\n",
    );
    // One modifier may stand between the possessive and the noun.
    check(
        "The port's leading advocate for harbour pilots says that the fees will rise.",
        "indirect [that the fees will rise] cue=says speaker=The port's leading advocate for \
         harbour pilots\n",
    );
}

#[test]
fn a_progressive_attribution_after_a_conjunction_opens_its_own_quote() {
    check(
        "Tomas Berg is promising to bring back lost harbour jobs, and Ana Ruiz is promising to \
         help harbour towns.",
        "indirect [to bring back lost harbour jobs] cue=is promising speaker=Tomas Berg\n\
         indirect [to help harbour towns] cue=is promising speaker=Ana Ruiz",
    );
    // With no subject of its own, the verb goes on the clause before.
    check(
        "Berg says he fears returning home and is seeking asylum.",
        "indirect [he fears returning home and is seeking asylum] cue=says speaker=Berg",
    );
}

#[test]
fn a_verb_of_saying_after_an_article_heads_a_new_speaker() {
    check(
        "The report says that Velmar holds 20 ships offshore, and the report says the harbour \
         will pay.",
        "indirect [that Velmar holds 20 ships offshore] cue=says speaker=The report\n\
         indirect [the harbour will pay] cue=says speaker=the report",
    );
}

#[test]
fn a_gerund_attribution_after_a_dash_is_its_own_quote() {
    for mark in [",", " \u{2014}"] {
        check(
            &format!(
                "Ana Ruiz called for higher fees on the big shipping lines{mark} slamming the \
                 plan of Tomas Berg."
            ),
            "indirect [higher fees on the big shipping lines] cue=called for speaker=Ana Ruiz\n\
             indirect [the plan of Tomas Berg] cue=slamming speaker=Ana Ruiz",
        );
    }
    // A dash closing an apposition links the gerund to the name before the apposition, not
    // to the sentence's subject.
    check(
        "The protest grew with Ana Ruiz \u{2014} still a voice among the pilots \u{2014} \
         writing to the board.",
        "",
    );
}

#[test]
fn speaker_with_two_relative_clauses() {
    check(
        "A harbour pilot who has worked beside the breakwater for eleven years, and who asked not to be named, said that everyone on the night shift knew about the leak.",
        "indirect [that everyone on the night shift knew about the leak] cue=said \
         speaker=A harbour pilot who has worked beside the breakwater for eleven years, and who \
         asked not to be named, anonymous",
    );
}

#[test]
fn they_stands_for_an_unnamed_group_that_opens_its_sentence() {
    check(
        "Senior officials stressed on Wednesday that the line was cut at the request of the agency. Critics have said the role of the spokeswoman Ana Ruiz in revising the points shows a cover-up. They have criticized Ruiz for asking to remove a line.",
        "indirect [that the line was cut at the request of the agency] cue=stressed speaker=Senior officials anonymous\n\
         indirect [the role of the spokeswoman Ana Ruiz in revising the points shows a cover-up] cue=have said speaker=Critics anonymous\n\
         indirect [Ruiz for asking to remove a line] cue=have criticized speaker=Critics (from They) anonymous",
    );
}

#[test]
fn a_paragraph_handing_over_to_a_quote_names_its_speaker() {
    check(
        "Mayor Ana Ruiz, speaking on Tuesday, was blunt:\n\n\u{201c}The pier stays closed. We will not move.\n\n\u{201c}Nobody will pay.\u{201d}",
        "direct [\u{201c}The pier stays closed. We will not move.\n\n\u{201c}Nobody will pay.\u{201d}] cue=: speaker=Mayor Ana Ruiz",
    );
    // A paragraph whose subject is no name hands over to no speaker.
    check(
        "The notice on the gate was short:\n\n\u{201c}The pier stays closed until further notice.\u{201d}",
        "direct [\u{201c}The pier stays closed until further notice.\u{201d}]",
    );
}

#[test]
fn a_quote_ending_its_sentence_before_the_next_continues_the_quote_before_it() {
    check(
        "“We are doing two jobs at once,” said Ana Ruiz, a pilot. “Nobody is counting what \
         that costs.” She said three pilots had been signed off since Monday.",
        "direct [“We are doing two jobs at once,”] + [“Nobody is counting what that costs.”] \
         cue=said speaker=Ana Ruiz, a pilot\n\
         indirect [three pilots had been signed off since Monday] cue=said speaker=Ana Ruiz (from She)",
    );
}

#[test]
fn a_role_set_off_before_a_name_is_the_name_s() {
    check(
        "The timing has become a fight. The town’s mayor, Tomas Berg, said the order reached \
         Velmar only at 4:30 p.m. “We sat there waiting for someone to decide,” he said.",
        "indirect [the order reached Velmar only at 4:30 p.m.] cue=said \
         speaker=The town’s mayor, Tomas Berg,\n\
         direct [“We sat there waiting for someone to decide,”] cue=said \
         speaker=The town’s mayor, Tomas Berg (from he)",
    );
}

#[test]
fn according_to_a_role_takes_the_name_set_off_after_it() {
    check(
        "More than 300 homes have been destroyed, according to Velmar's mayor, Tomas Berg, \
         who has been counting them. Prices rose, according to the port's director.",
        "indirect [More than 300 homes have been destroyed] cue=according to \
         speaker=Velmar's mayor, Tomas Berg\n\
         indirect [Prices rose] cue=according to speaker=the port's director",
    );
}

#[test]
fn a_sentence_ending_a_paragraph_with_a_colon_hands_over_to_the_quote() {
    check(
        "Police have detained two men. Speaking to the Ledger in Velmar yesterday, Mr Berg left \
         no room for doubt:\n\n“This fire did not start by itself. It was set deliberately.\n\n\
         “Whoever they are, they will be found.”",
        "direct [“This fire did not start by itself. It was set deliberately.\n\n\
         “Whoever they are, they will be found.”] cue=: speaker=Mr Berg",
    );
}

#[test]
fn a_part_of_an_unnamed_them_is_anonymous() {
    check(
        "Residents have no doubt about how the fire began. Three of them told the Ledger they \
         saw sparks from a sagging line.",
        "indirect [they saw sparks from a sagging line] cue=told speaker=Three of them anonymous",
    );
}

#[test]
fn a_decision_that_someone_said_had_done_something_is_theirs_to_quote() {
    check(
        "Within minutes, specialists at the Velmar Cyber Centre instructed the port to shut \
         down its systems, a decision that Interior Minister Ana Ruiz said had “stopped the \
         infection in its tracks”.",
        "indirect [to shut down its systems] cue=instructed \
         speaker=specialists at the Velmar Cyber Centre\n\
         direct [“stopped the infection in its tracks”] cue=said \
         speaker=Interior Minister Ana Ruiz",
    );
}

#[test]
fn a_written_statement_and_people_familiar_with_something() {
    check(
        "Ruiz said in a written statement that the plans were unchanged.",
        "indirect [that the plans were unchanged] cue=said speaker=Ruiz",
    );
    check(
        "The board voted 5-2, according to two people familiar with its talks. The two \
         external members Ana Lenne and Irma Vashti voted against, they said.",
        "indirect [The board voted 5-2] cue=according to \
         speaker=two people familiar with its talks anonymous\n\
         indirect [The two external members Ana Lenne and Irma Vashti voted against] cue=said \
         speaker=two people (from they) anonymous",
    );
}

#[test]
fn a_figure_or_a_month_before_a_gerund_is_no_speaker() {
    check(
        "The bank had already burned through 2.4 billion crowns of reserves in October \
         defending the currency.",
        "indirect [the currency] cue=defending speaker=The bank",
    );
}

#[test]
fn a_pronoun_speaker_is_no_name_inside_its_own_words() {
    check(
        "“No fees were paid,” Ms Ruiz said. Velmar released the pilots without conditions, she \
         added.",
        "direct [“No fees were paid,”] cue=said speaker=Ms Ruiz\n\
         indirect [Velmar released the pilots without conditions] cue=added speaker=Ms Ruiz \
         (from she)",
    );
}

#[test]
fn releasing_people_says_nothing() {
    check("Ostrava released the Velmarians on Friday.", "");
    check(
        "The port authority released a statement on the strike.",
        "indirect [a statement on the strike] cue=released speaker=The port authority",
    );
}

#[test]
fn told_by_an_agent_with_a_relative_clause() {
    check(
        "I am told by a harbour pilot who sat through the early sessions that it was Velmar \
         that asked first. The strike began in May, according to two officials involved in the \
         talks.",
        "indirect [it was Velmar that asked first] cue=am told speaker=a harbour pilot who sat \
         through the early sessions anonymous\n\
         indirect [The strike began in May] cue=according to speaker=two officials involved in \
         the talks anonymous",
    );
}

#[test]
fn a_surname_two_people_share_tells_no_gender() {
    check(
        "“Velmar brings its pilots home,” President Ruiz said. Among those who came home was \
         Velko Berg, a grain trader. “I was never a spy,” Berg told the Ledger. He said he had \
         spent 14 months in a cell. His mother, Ana Berg, said she had prayed every night.",
        "direct [“Velmar brings its pilots home,”] cue=said speaker=President Ruiz\n\
         direct [“I was never a spy,”] cue=told speaker=Berg\n\
         indirect [he had spent 14 months in a cell] cue=said speaker=Berg (from He)\n\
         indirect [she had prayed every night] cue=said speaker=His mother, Ana Berg,",
    );
}
