use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The workspace root, where `examples/` lives.
pub(crate) fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("crates/cli sits two levels below the workspace root")
        .to_path_buf()
}

/// `../shared/<name>` beside the workspace, or `None` after printing why the test is skipped.
pub(crate) fn shared(name: &str) -> Option<PathBuf> {
    let path = workspace_root().join("..").join("shared").join(name);
    if path.is_dir() {
        Some(path)
    } else {
        println!(
            "skipping: {} not found (a user's clone has no ../shared)",
            path.display()
        );
        None
    }
}

/// A fresh folder for one test, with the binary ready to run in it.
pub(crate) struct TestEnv {
    pub(crate) dir: tempfile::TempDir,
}

impl TestEnv {
    pub(crate) fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub(crate) fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, contents).expect("write fixture");
        path
    }

    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    pub(crate) fn run_with_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("spawn parallax");
        if let Some(bytes) = stdin {
            use std::io::Write;
            let mut pipe = child.stdin.take().expect("stdin is piped");
            pipe.write_all(bytes).expect("write stdin");
        }
        let output = child.wait_with_output().expect("run parallax");
        Run {
            args: args.iter().map(|arg| arg.to_string()).collect(),
            output,
        }
    }
}

/// One finished run, with everything needed to explain a failure.
pub(crate) struct Run {
    pub(crate) args: Vec<String>,
    pub(crate) output: Output,
}

impl Run {
    pub(crate) fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }

    pub(crate) fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub(crate) fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Panics with the command, its code, stdout and stderr unless it exited with `code`.
    pub(crate) fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code(),
            code,
            "\ncommand: parallax {}\nstdout:\n{}\nstderr:\n{}",
            self.args.join(" "),
            self.stdout(),
            self.stderr()
        );
        self
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout())
            .unwrap_or_else(|error| panic!("stdout is not JSON ({error}):\n{}", self.stdout()))
    }
}

/// A short invented article, distinct per `name`.
pub(crate) fn article(name: &str) -> String {
    format!(
        "Ferry crews in Lund Bay stop work over {name}\n\n\
         Ferry crews in Lund Bay stopped work on Monday in a dispute over {name}, \
         the regional transport board said. The board said talks with the crews' union \
         would resume on Thursday at its offices in the harbor district.\n\n\
         Union spokesperson Ilse Varro said the crews had waited eight months for an answer. \
         \"We are not asking for anything new,\" she told reporters outside the terminal."
    )
}

/// The story of [`article`] as another outlet tells it: the same facts in other words, so the
/// two are independent sources rather than near-duplicates.
pub(crate) fn article_retold(name: &str) -> String {
    format!(
        "Lund Bay ferries idle as crews protest {name}\n\n\
         The regional transport board confirmed that ferry crews in Lund Bay stopped work on \
         Monday in a dispute over {name}. Crews had waited eight months for an answer, their \
         union's spokesperson Ilse Varro said on the quay.\n\n\
         According to the board, talks with the union would resume on Thursday at its offices \
         in the harbor district, while commuters queued for replacement buses."
    )
}
