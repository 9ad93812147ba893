use crate::util::{TestEnv, shared};

#[test]
fn the_seeds_brief_lists_five_sources() {
    let Some(seeds) = shared("seeds") else { return };
    let run = TestEnv::new().run(&[
        "brief",
        seeds.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    run.expect_code(0);
    let brief = run.json();
    let sources = brief["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 5);
    for source in sources {
        assert!(source["n_words"].as_u64().unwrap_or(0) > 300, "{source}");
        assert!(source["title"].is_string(), "{source}");
    }
}
