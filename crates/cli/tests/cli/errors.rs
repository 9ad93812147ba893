use crate::util::{TestEnv, article};

#[test]
fn a_missing_file_is_named_and_the_others_go_on() {
    let env = TestEnv::new();
    env.write("one.txt", article("pay"));
    env.write("two.txt", article("rosters"));
    let run = env.run(&[
        "brief",
        "one.txt",
        "missing.txt",
        "two.txt",
        "--format",
        "json",
    ]);
    run.expect_code(1);
    assert!(run.stderr().contains("missing.txt"), "{}", run.stderr());
    assert_eq!(run.json()["sources"].as_array().expect("sources").len(), 2);
    let diagnostics = run.json()["diagnostics"].clone();
    assert!(
        diagnostics.to_string().contains("missing.txt"),
        "{diagnostics}"
    );
}

#[test]
fn nothing_readable_is_a_failure_with_reasons() {
    let env = TestEnv::new();
    std::fs::create_dir(env.path("empty")).expect("mkdir");
    let run = env.run(&["brief", "empty", "missing.txt"]);
    run.expect_code(2);
    let stderr = run.stderr();
    assert!(stderr.contains("empty"), "{stderr}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    assert!(stderr.contains("no brief"), "{stderr}");
    assert!(run.stdout().is_empty());
}

#[test]
fn binary_junk_and_empty_articles_are_skipped_by_name() {
    let env = TestEnv::new();
    env.write("good.txt", article("pay"));
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
    env.write("junk.txt", junk);
    env.write("empty.txt", "");
    env.write("blank.html", "<html><body>   </body></html>");
    let run = env.run(&["brief", "good.txt", "junk.txt", "empty.txt", "blank.html"]);
    run.expect_code(1);
    let stderr = run.stderr();
    for name in ["junk.txt", "empty.txt", "blank.html"] {
        assert!(stderr.contains(name), "{name} not named in:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn invalid_utf8_is_decoded_with_a_note() {
    let env = TestEnv::new();
    let latin1: Vec<u8> = article("caf\u{e9} licences")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    env.write("latin1.txt", latin1);
    let run = env.run(&["brief", "latin1.txt", "--format", "json"]);
    run.expect_code(0);
    let brief = run.json();
    let title = brief["sources"][0]["title"].as_str().unwrap_or_default();
    assert!(title.contains("caf\u{e9}"), "{title}");
}

#[test]
fn stdin_is_read_when_no_path_is_given() {
    let env = TestEnv::new();
    let run = env.run_with_stdin(
        &["brief", "--format", "json"],
        Some(article("pay").as_bytes()),
    );
    run.expect_code(0);
    assert_eq!(run.json()["sources"][0]["input"], "-");
}

#[test]
fn gzipped_articles_and_folders_are_read() {
    use std::io::Write;
    let env = TestEnv::new();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(article("pay").as_bytes()).expect("gzip");
    env.write("folder/nested/one.txt.gz", encoder.finish().expect("gzip"));
    env.write("folder/two.txt", article("rosters"));
    env.write("folder/notes.json", "{}");
    let run = env.run(&["brief", "folder", "--format", "json"]);
    run.expect_code(0);
    assert_eq!(run.json()["sources"].as_array().expect("sources").len(), 2);
}

#[test]
fn the_same_article_twice_counts_once() {
    let env = TestEnv::new();
    env.write("one.txt", article("pay"));
    env.write("copy.txt", article("pay"));
    let run = env.run(&["brief", "one.txt", "copy.txt", "--format", "json"]);
    run.expect_code(0);
    assert_eq!(run.json()["sources"].as_array().expect("sources").len(), 1);
    assert!(run.stderr().contains("counted once"), "{}", run.stderr());
}

#[test]
fn bad_usage_exits_2() {
    TestEnv::new()
        .run(&["brief", "--format", "pdf"])
        .expect_code(2);
    TestEnv::new().run(&["no-such-command"]).expect_code(2);
}
