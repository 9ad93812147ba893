//! The brief as one self-contained HTML page.
//!
//! The page is rendered from the JSON wire types so that HTML and JSON show the same fields.
//! Text passes through [`crate::text::display`] first and is then escaped by minijinja, whose
//! auto-escaping is on for templates named `*.html`.

use crate::Result;
use crate::json::BriefJson;
use crate::text::display;
use minijinja::value::Serde;
use minijinja::{Environment, context};
use parallax_model::Brief;

const TEMPLATE: &str = include_str!("templates/brief.html");

/// The wire types of `brief` with every text that comes from an article or its metadata made
/// safe for display ([`display`]: no control or bidirectional-override characters, whitespace
/// collapsed), and the removed-block reasons spelled with spaces: what an HTML page shows, this
/// one and the server's. Escaping is left to the template.
pub fn displayed_brief(brief: &Brief) -> BriefJson {
    let mut wire = BriefJson::from(brief);
    for source in &mut wire.sources {
        source.title = source.title.as_deref().map(display);
        source.outlet = source.outlet.as_deref().map(display);
        source.input = display(&source.input);
        source.authors = source
            .authors
            .iter()
            .map(|author| display(author))
            .collect();
        source.removed = std::mem::take(&mut source.removed)
            .into_iter()
            .map(|(reason, count)| (reason.replace('_', " "), count))
            .collect();
    }
    for voice in &mut wire.voices {
        voice.speaker = display(&voice.speaker);
        voice.cues = voice.cues.iter().map(|cue| display(cue)).collect();
        for citation in &mut voice.citations {
            citation.text = display(&citation.text);
        }
    }
    for fact in &mut wire.agreed_facts {
        fact.slot = display(&fact.slot);
        for value in &mut fact.values {
            value.value = display(&value.value);
            for citation in &mut value.citations {
                citation.text = display(&citation.text);
            }
        }
    }
    for dispute in &mut wire.disputes {
        dispute.slot = display(&dispute.slot);
        for side in &mut dispute.sides {
            side.value = display(&side.value);
            for citation in &mut side.citations {
                citation.text = display(&citation.text);
            }
        }
    }
    for event in &mut wire.timeline {
        event.date = parallax_model::readable_date(&display(&event.date));
        for mention in &mut event.mentions {
            mention.date = parallax_model::readable_date(&display(&mention.date));
            mention.expression = display(&mention.expression);
            mention.citation.text = display(&mention.citation.text);
        }
    }
    for item in &mut wire.single_source {
        item.citation.text = display(&item.citation.text);
        item.speaker = item.speaker.as_deref().map(display);
    }
    for sentence in &mut wire.summary {
        sentence.text = display(&sentence.text);
    }
    for item in &mut wire.consensus {
        for citation in &mut item.citations {
            citation.text = display(&citation.text);
        }
    }
    for source in &mut wire.tone {
        for entity in &mut source.entities {
            entity.entity = display(&entity.entity);
            for word in &mut entity.words {
                word.word = display(&word.word);
            }
        }
    }
    for spots in &mut wire.blind_spots {
        for spot in &mut spots.missing {
            spot.citation.text = display(&spot.citation.text);
        }
    }
    if let Some(readings) = &mut wire.readings {
        for side in &mut readings.sides {
            side.label = display(&side.label);
            for sentence in &mut side.summary {
                sentence.text = display(&sentence.text);
            }
        }
    }
    wire
}

pub(crate) fn render(brief: &Brief) -> Result<String> {
    let mut environment = Environment::new();
    environment.add_template("brief.html", TEMPLATE)?;
    let wire = displayed_brief(brief);
    let template = environment.get_template("brief.html")?;
    Ok(template.render(context! {
        version => env!("CARGO_PKG_VERSION"),
        story => wire.story,
        sources => Serde(&wire.sources),
        summary => Serde(&wire.summary),
        consensus => Serde(&wire.consensus),
        agreed_facts => Serde(&wire.agreed_facts),
        disputes => Serde(&wire.disputes),
        single_source => Serde(&wire.single_source),
        voices => Serde(&wire.voices),
        timeline => Serde(&wire.timeline),
        framing => Serde(&wire.framing),
        tone => Serde(&wire.tone),
        blind_spots => Serde(&wire.blind_spots),
        readings => Serde(&wire.readings),
        diagnostics => Serde(&wire.diagnostics),
    })?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{
        Article, ArticleId, Citation, ConsensusItem, Origin, SourceEntry, Span, StoryId,
    };

    #[test]
    fn article_text_is_escaped_everywhere() {
        let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        let page = render(&brief_saying(payload)).expect("template renders");
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(page.contains("&lt;script&gt;"));
        assert!(page.contains("default-src 'none'"));
    }

    #[test]
    fn displayed_texts_lose_direction_overrides_and_control_characters() {
        // A right-to-left override would show the quoted words reversed to the reader.
        let payload = "the port \u{202e}denepoer\u{202c} on Friday\u{7}";
        let wire = displayed_brief(&brief_saying(payload));
        let shown = [
            wire.sources[0].input.as_str(),
            wire.sources[0].title.as_deref().unwrap_or_default(),
            wire.consensus[0].citations[0].text.as_str(),
            wire.readings
                .as_ref()
                .map_or("", |readings| &readings.sides[0].label),
        ];
        for text in shown {
            assert_eq!(text, "the port denepoer on Friday");
        }
    }

    /// A brief whose every text from the article or its metadata is `payload`.
    fn brief_saying(payload: &str) -> Brief {
        let article = Article::new(Origin::Stdin, payload.to_string());
        Brief {
            story: StoryId("s".into()),
            summary: vec![],
            sources: vec![SourceEntry {
                number: 1,
                article: article.id.clone(),
                input: payload.into(),
                outlet: Some(payload.into()),
                title: Some(payload.into()),
                authors: vec![payload.into()],
                published: None,
                language: None,
                n_words: 2,
                removed: Default::default(),
                duplicate_of: None,
            }],
            consensus: vec![ConsensusItem {
                n_articles: 2,
                n_independent: 2,
                citations: vec![Citation {
                    source: 1,
                    span: Span::new(ArticleId("a".into()), 0, 1),
                    text: payload.into(),
                }],
                in_clauses: false,
            }],
            agreed_facts: vec![],
            disputes: vec![],
            single_source: vec![],
            voices: vec![],
            timeline: vec![],
            framing: vec![],
            tone: vec![],
            blind_spots: vec![],
            readings: Some(parallax_model::Readings {
                grouping: parallax_model::SideGrouping::Outlets {
                    key: "leaning".into(),
                },
                sides: vec![parallax_model::Side {
                    label: payload.into(),
                    sources: vec![1],
                    summary: vec![],
                }],
            }),
            diagnostics: vec![],
        }
    }
}
