use crate::util::{TestEnv, article};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The servers the tests use, as on the project's machines (NATS with JetStream on 4222,
/// PostgreSQL with trust auth on 5432), or `None` after printing why the test is skipped.
fn servers() -> Option<(String, String)> {
    for (name, address) in [("NATS", "127.0.0.1:4222"), ("PostgreSQL", "127.0.0.1:5432")] {
        let reachable = address.parse::<SocketAddr>().is_ok_and(|address| {
            TcpStream::connect_timeout(&address, Duration::from_secs(1)).is_ok()
        });
        if !reachable {
            println!("skipping: no {name} server on {address}");
            return None;
        }
    }
    Some((
        "nats://127.0.0.1:4222".to_string(),
        "postgres://postgres@127.0.0.1:5432/test".to_string(),
    ))
}

/// A PostgreSQL schema of its own for one test, dropped at the end.
struct Schema {
    admin: postgres::Client,
    name: String,
    url: String,
}

impl Schema {
    fn new(server: &str, test: &str) -> Schema {
        let mut admin =
            postgres::Client::connect(server, postgres::NoTls).expect("connect to PostgreSQL");
        let name = format!("parallax_cli_{test}_{}", std::process::id());
        admin
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .expect("create a schema");
        let url = format!("{server}?options=-csearch_path%3D{name}");
        Schema { admin, name, url }
    }

    fn n_articles(&mut self) -> i64 {
        self.admin
            .query_one(&format!("SELECT COUNT(*) FROM {}.articles", self.name), &[])
            .map(|row| row.get(0))
            .unwrap_or(0)
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        let _ = self
            .admin
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
    }
}

fn spawn_worker(env: &TestEnv, nats: &str, stream: &str, db: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["worker", "--queue", nats, "--stream", stream, "--db", db])
        .args(["--ack-wait", "2", "--exit-when-idle", "5"])
        .current_dir(env.dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn a worker")
}

/// Issue 6: a worker killed mid-item loses nothing (the item is delivered again) and
/// duplicates nothing (the writes are idempotent).
#[test]
fn killed_worker_loses_and_duplicates_nothing() {
    let Some((nats, server)) = servers() else {
        return;
    };
    const N_ARTICLES: usize = 30;
    let env = TestEnv::new();
    for article_idx in 0..N_ARTICLES {
        env.write(
            &format!("queued/{article_idx:02}.txt"),
            article(&format!(
                "rota number {article_idx} and night shift {article_idx}"
            )),
        );
    }
    let mut schema = Schema::new(&server, "kill");
    let stream = format!("parallax-test-kill-{}", std::process::id());
    env.run(&["ingest", "queued", "--queue", &nats, "--stream", &stream])
        .expect_code(0);
    // Publishing again adds nothing to the queue.
    let again = env.run(&["ingest", "queued", "--queue", &nats, "--stream", &stream]);
    assert!(
        again.stderr().contains("queued 0 documents"),
        "{}",
        again.stderr()
    );

    let mut doomed = spawn_worker(&env, &nats, &stream, &schema.url);
    let survivor = spawn_worker(&env, &nats, &stream, &schema.url);
    let started = Instant::now();
    while schema.n_articles() < 3 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    doomed.kill().expect("SIGKILL a worker");
    doomed.wait().expect("reap the killed worker");
    let output = survivor
        .wait_with_output()
        .expect("the other worker ends when idle");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");

    assert_eq!(schema.n_articles(), N_ARTICLES as i64, "{stderr}");
    // Every article was placed in a story by the surviving worker's passes.
    let stories = env.run(&["stories", "--db", &schema.url]);
    stories.expect_code(0);
    let n_placed: usize = stories
        .stdout()
        .lines()
        .filter_map(|line| line.split('\t').nth(1)?.parse::<usize>().ok())
        .sum();
    assert_eq!(n_placed, N_ARTICLES, "{}", stories.stdout());
    let hits = env.run(&["search", "rota", "--db", &schema.url]);
    hits.expect_code(0);
    assert!(hits.stdout().contains("[rota]"), "{}", hits.stdout());
}
