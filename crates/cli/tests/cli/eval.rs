use crate::util::{TestEnv, workspace_root};

#[test]
fn eval_gold_prints_a_table_then_one_json_line() {
    let examples = workspace_root().join("examples");
    let run = TestEnv::new().run(&[
        "eval",
        "gold",
        "--examples",
        examples.to_str().expect("utf-8"),
    ]);
    run.expect_code(0);
    let stdout = run.stdout();
    let last = stdout.lines().last().expect("output");
    let line: serde_json::Value = serde_json::from_str(last).expect("last line is JSON");
    assert_eq!(line["task"], "gold");
    for metric in [
        "metadata_accuracy",
        "boilerplate_removed",
        "text_kept",
        "agreement_recall",
    ] {
        let value = line["metrics"][metric].as_f64().expect(metric);
        assert!((0.0..=1.0).contains(&value), "{metric} = {value}");
    }
    assert!(stdout.contains("story"), "{stdout}");
}

#[test]
fn eval_gold_names_a_missing_folder() {
    let run = TestEnv::new().run(&["eval", "gold", "--examples", "nowhere"]);
    run.expect_code(2);
    assert!(run.stderr().contains("nowhere"), "{}", run.stderr());
}
