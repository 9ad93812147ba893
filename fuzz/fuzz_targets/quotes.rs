//! The quotes annotator on arbitrary text, with the sentences it is given in the pipeline:
//! never panics, every range it returns (content, continuation, cue, speaker, pronoun) is a
//! slice of the text, and quotes come in text order of their content. The `annotate` target
//! reaches it too, but behind every other annotator, so far fewer inputs per second.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_model::{Article, Origin};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let article = Article::new(Origin::File("fuzz".to_string()), text);
    let sentences = parallax_annotate::sentences(&article, "en");
    let quotes = parallax_annotate::quotes(
        &article,
        &sentences,
        &parallax_annotate::quotes::Config::new(),
    );
    let text = &article.text;
    for quote in &quotes {
        let ranges = std::iter::once(&quote.content)
            .chain(&quote.continuation)
            .chain(&quote.cue)
            .chain(&quote.speaker)
            .chain(&quote.speaker_pronoun);
        for range in ranges {
            assert!(range.start <= range.end && text.get(range.clone()).is_some());
        }
    }
    assert!(
        quotes
            .windows(2)
            .all(|pair| pair[0].content.start <= pair[1].content.start)
    );
});
