//! Mixed inputs: `parallax stories`, and `parallax brief` splitting a folder into stories and
//! `--story` picking one. The two example stories read together stand in for a mixed folder.

use crate::util::{Run, workspace_root};
use std::process::{Command, Stdio};

const HARBOR: &str = "examples/harbor-strike";
const RIVER: &str = "examples/river-dam-talks";

/// Runs `parallax` from the workspace root, so inputs are named the same on every machine.
fn run(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .output()
        .expect("run parallax");
    Run {
        args: args.iter().map(|arg| arg.to_string()).collect(),
        output,
    }
}

/// The story id of the brief of `inputs` read as they are.
fn story_id(inputs: &[&str]) -> String {
    let mut args = vec!["brief", "--format", "json"];
    args.extend(inputs);
    let run = run(&args);
    run.expect_code(0);
    run.json()["story"]
        .as_str()
        .expect("the brief names its story")
        .to_string()
}

#[test]
fn stories_lists_each_example_story_with_its_id() {
    let (harbor, river) = (story_id(&[HARBOR]), story_id(&[RIVER]));
    let listing = run(&["stories", HARBOR, RIVER]);
    listing.expect_code(0);
    let rows: Vec<Vec<String>> = listing
        .stdout()
        .lines()
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 2, "{}", listing.stdout());
    assert_eq!(rows[0][..2], [harbor, "5".to_string()]);
    assert_eq!(rows[1][..2], [river, "5".to_string()]);
}

#[test]
fn brief_of_a_mixed_folder_briefs_each_story() {
    let (harbor, river) = (story_id(&[HARBOR]), story_id(&[RIVER]));
    let mixed = run(&["brief", HARBOR, RIVER, "--format", "jsonl"]);
    mixed.expect_code(0);
    let briefs: Vec<serde_json::Value> = mixed
        .stdout()
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON brief"))
        .collect();
    let ids: Vec<&str> = briefs
        .iter()
        .filter_map(|brief| brief["story"].as_str())
        .collect();
    assert_eq!(ids, [harbor.as_str(), river.as_str()]);

    let markdown = run(&["brief", HARBOR, RIVER]);
    markdown.expect_code(0);
    let markdown = markdown.stdout();
    assert_eq!(markdown.matches("# Brief").count(), 2, "{markdown}");
    assert!(markdown.contains(&harbor) && markdown.contains(&river));
}

#[test]
fn story_flag_gives_the_brief_of_that_story_alone() {
    let river = story_id(&[RIVER]);
    let alone = run(&["brief", RIVER]);
    alone.expect_code(0);
    let picked = run(&["brief", HARBOR, RIVER, "--story", &river]);
    picked.expect_code(0);
    assert_eq!(picked.stdout(), alone.stdout());
}

#[test]
fn one_json_brief_of_several_stories_is_refused_with_the_way_out() {
    let mixed = run(&["brief", HARBOR, RIVER, "--format", "json"]);
    mixed.expect_code(2);
    assert!(mixed.stderr().contains("--story"), "{}", mixed.stderr());
    let unknown = run(&["brief", HARBOR, "--story", "0000000000000000"]);
    unknown.expect_code(2);
    assert!(
        unknown.stderr().contains("no story"),
        "{}",
        unknown.stderr()
    );
}
