use crate::util::{TestEnv, article};

#[test]
fn text_is_the_clean_text_of_each_input() {
    let env = TestEnv::new();
    env.write("one.txt", article("pay"));
    env.write(
        "two.txt",
        format!("{}\n\nShare this article\n", article("rosters")),
    );
    let run = env.run(&["extract", "one.txt", "two.txt"]);
    run.expect_code(0);
    let stdout = run.stdout();
    assert!(stdout.contains("dispute over pay"), "{stdout}");
    assert!(stdout.contains("dispute over rosters"), "{stdout}");
    assert!(!stdout.contains("Share this article"), "{stdout}");
    assert!(
        !stdout.contains("Ferry crews in Lund Bay stop work"),
        "the title is metadata: {stdout}"
    );
}

#[test]
fn jsonl_has_one_object_per_file_with_file_and_text() {
    let env = TestEnv::new();
    env.write("one.txt", article("pay"));
    env.write("two.txt", article("rosters"));
    let run = env.run(&[
        "extract",
        "one.txt",
        "missing.txt",
        "two.txt",
        "--format",
        "jsonl",
    ]);
    run.expect_code(1);
    assert!(run.stderr().contains("missing.txt"), "{}", run.stderr());
    let objects: Vec<serde_json::Value> = run
        .stdout()
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    let files: Vec<&str> = objects
        .iter()
        .map(|object| object["file"].as_str().expect("file"))
        .collect();
    assert_eq!(files, ["one.txt", "two.txt"]);
    assert!(
        objects[0]["text"]
            .as_str()
            .expect("text")
            .contains("dispute over pay")
    );
}

#[test]
fn json_carries_the_metadata() {
    let env = TestEnv::new();
    env.write("one.txt", article("pay"));
    let run = env.run(&["extract", "one.txt", "--format", "json"]);
    run.expect_code(0);
    let json = run.json();
    let article = &json[0];
    assert_eq!(
        article["title"],
        "Ferry crews in Lund Bay stop work over pay"
    );
    assert_eq!(article["language"], "en");
    for key in [
        "url",
        "outlet",
        "authors",
        "published",
        "syndicated_from",
        "notes",
        "article",
    ] {
        assert!(article.get(key).is_some(), "{key} missing: {article}");
    }
}

#[test]
fn pages_of_a_warc_file_are_extracted() {
    let env = TestEnv::new();
    let page = format!(
        "<!doctype html><html><head><title>Ferry strike</title></head><body><article><p>{}</p></article></body></html>",
        article("pay").replace("\n\n", "</p><p>")
    );
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}");
    let warc = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    );
    env.write("crawl.warc", warc);
    let run = env.run(&["extract", "crawl.warc", "--format", "jsonl"]);
    run.expect_code(0);
    let object: serde_json::Value =
        serde_json::from_str(run.stdout().trim()).expect("one JSON line");
    assert_eq!(object["file"], "crawl.warc#record0");
    assert!(
        object["text"]
            .as_str()
            .expect("text")
            .contains("dispute over pay")
    );
}

#[test]
fn private_urls_are_refused_unless_allowed() {
    let env = TestEnv::new();
    let run = env.run(&["brief", "http://127.0.0.1:9/story"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains("refused to fetch from the private address 127.0.0.1"),
        "{}",
        run.stderr()
    );
    // Allowed, the fetch is tried, and fails only because nothing listens on port 9.
    let run = env.run(&[
        "extract",
        "--allow-private-urls",
        "http://127.0.0.1:9/story",
    ]);
    run.expect_code(2);
    assert!(
        !run.stderr().contains("refused to fetch"),
        "{}",
        run.stderr()
    );
}
