//! The whole annotate stage (sentences, entities, times, quantities, quotes, claims) on arbitrary
//! text: never panics, and every range it returns is a slice of the article's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_model::{Article, Origin};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let article = Article::new(Origin::File("fuzz".to_string()), text);
    let annotated = parallax_annotate::annotate(article, &parallax_annotate::Config::new());
    let text = &annotated.article.text;
    for sentence in &annotated.sentences {
        assert!(text.get(sentence.range.clone()).is_some());
    }
    for quote in &annotated.quotes {
        assert!(text.get(quote.content.clone()).is_some());
    }
});
