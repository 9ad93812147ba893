//! A brief of up to four articles cut from arbitrary text (split at NUL bytes): never panics,
//! renders in every format, its JSON is valid, and the model's own serde form round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_model::{Article, Brief, Origin, Story};

fuzz_target!(|bytes: &[u8]| {
    let annotated: Vec<_> = bytes
        .split(|byte| *byte == 0)
        .take(4)
        .enumerate()
        .map(|(index, part)| {
            let text = String::from_utf8_lossy(part).into_owned();
            let article = Article::new(Origin::File(format!("fuzz{index}")), text);
            parallax_annotate::annotate(article, &parallax_annotate::Config::new())
        })
        .collect();
    let story = Story::new(annotated);
    let brief = parallax_brief::brief(&story, &parallax_brief::Config::new());
    for format in [
        parallax_render::Format::Markdown,
        parallax_render::Format::Html,
        parallax_render::Format::Json,
    ] {
        let rendered = parallax_render::render(&brief, format).expect("rendering a brief");
        if format == parallax_render::Format::Json {
            serde_json::from_str::<serde_json::Value>(&rendered).expect("valid JSON");
        }
    }
    let stored = serde_json::to_string(&brief).expect("serializing the model");
    let restored: Brief = serde_json::from_str(&stored).expect("reading the model back");
    assert_eq!(restored, brief);
});
