use crate::util::{Run, workspace_root};
use std::process::{Command, Stdio};

/// Runs `parallax brief` from the workspace root, so the inputs' names in the output are the
/// same relative paths on every machine.
fn brief(story: &str, format: &str) -> String {
    let args = ["brief", story, "--format", format];
    let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .output()
        .expect("run parallax");
    let run = Run {
        args: args.iter().map(|arg| arg.to_string()).collect(),
        output,
    };
    run.expect_code(0);
    run.stdout()
}

#[test]
fn harbor_strike_markdown() {
    insta::assert_snapshot!(brief("examples/harbor-strike", "md"));
}

#[test]
fn river_dam_talks_markdown() {
    insta::assert_snapshot!(brief("examples/river-dam-talks", "md"));
}

/// The JSON snapshot doubles as the test of the published schema: a field that changes shows
/// here first.
#[test]
fn harbor_strike_json() {
    insta::assert_snapshot!(brief("examples/harbor-strike", "json"));
}

#[test]
fn harbor_strike_html() {
    insta::assert_snapshot!(brief("examples/harbor-strike", "html"));
}
