use crate::util::{TestEnv, article, article_retold};

#[test]
fn markdown_is_the_default_and_has_the_sections() {
    let env = TestEnv::new();
    env.write("a.txt", article("pay"));
    env.write("b.txt", article_retold("pay"));
    let run = env.run(&["brief", "a.txt", "b.txt"]);
    run.expect_code(0);
    let markdown = run.stdout();
    assert!(markdown.starts_with("# Brief"), "{markdown}");
    assert!(markdown.contains("## Sources"));
    assert!(markdown.contains("## Consensus"));
    assert!(
        markdown.contains("Stated by 2 independent sources"),
        "{markdown}"
    );
}

#[test]
fn html_is_one_page_and_escapes_article_text() {
    let env = TestEnv::new();
    let hostile = "<script>alert('x')</script> Harbor crews strike\n\n\
        Harbor crews in Lund Bay <img src=x onerror=alert(1)> stopped work on Monday, \
        the transport board said, in a dispute over pay that has lasted eight months.";
    env.write("hostile.txt", hostile);
    let run = env.run(&["brief", "hostile.txt", "--format", "html"]);
    run.expect_code(0);
    let page = run.stdout();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(page.contains("Content-Security-Policy"));
}

#[test]
fn out_writes_the_file_and_nothing_to_stdout() {
    let env = TestEnv::new();
    env.write("a.txt", article("pay"));
    let run = env.run(&["brief", "a.txt", "--format", "json", "--out", "brief.json"]);
    run.expect_code(0);
    assert!(run.stdout().is_empty());
    let written = std::fs::read_to_string(env.path("brief.json")).expect("brief.json written");
    let brief: serde_json::Value = serde_json::from_str(&written).expect("valid JSON");
    assert_eq!(brief["schema_version"], 1);
}

#[test]
fn an_unwritable_out_file_fails_with_its_name() {
    let env = TestEnv::new();
    env.write("a.txt", article("pay"));
    let run = env.run(&["brief", "a.txt", "--out", "no/such/folder/brief.md"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("no/such/folder/brief.md"),
        "{}",
        run.stderr()
    );
}

#[test]
fn output_is_byte_identical_across_runs() {
    let env = TestEnv::new();
    env.write("a.txt", article("pay"));
    env.write("b.txt", article("rosters"));
    let first = env.run(&["brief", "a.txt", "b.txt", "--format", "json"]);
    let second = env.run(&["brief", "b.txt", "a.txt", "--format", "json"]);
    let third = env.run(&["brief", "a.txt", "b.txt", "--format", "json"]);
    assert_eq!(first.stdout(), third.stdout());
    assert_eq!(first.json()["story"], second.json()["story"]);
}
