//! Many machines: `parallax ingest --queue` publishes the documents it reads to a NATS JetStream
//! work queue, and `parallax worker` takes them one at a time, stores what it makes of them,
//! and acknowledges each only after its write commits.

use crate::exit::Exit;
use crate::store::DataDir;
use crate::{report, report_diagnostics};
use anyhow::Context;
use parallax_engine::model::{Diagnostic, Severity};
use parallax_engine::store::{self, Store};
use parallax_engine::work::{self, Placer};
use parallax_engine::{Config, Input};
use parallax_queue::{Item, Published, Queue};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The stream `ingest --queue` and `worker` use unless told otherwise.
const DEFAULT_STREAM: &str = "parallax";

/// Inputs read per step while publishing, so that memory stays flat over a large folder.
const PUBLISH_CHUNK: usize = 128;

/// Items a worker stores between two story placement passes; it also places whenever the
/// queue runs dry. Placement reads and writes the whole story state, so doing it per item
/// would cost more than the items.
const PLACE_EVERY: usize = 200;

/// How long a worker waits for an item before it counts as idle.
const POLL: Duration = Duration::from_secs(1);

/// The longest wait between two tries to reach a server that went away.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// `--queue` and `--stream` of `parallax ingest`.
#[derive(Debug, clap::Args)]
pub(crate) struct QueueArgs {
    /// Publish the documents read to this NATS JetStream server (nats://HOST:PORT) for
    /// `parallax worker`s to extract, annotate and store, instead of doing it here.
    #[arg(long, value_name = "URL")]
    pub(crate) queue: Option<String>,
    /// The JetStream stream of the queue (created when missing).
    #[arg(long, value_name = "NAME", default_value = DEFAULT_STREAM)]
    stream: String,
}

#[derive(Debug, clap::Args)]
pub(crate) struct WorkerArgs {
    /// The NATS JetStream server to take documents from (nats://HOST:PORT).
    #[arg(long, value_name = "URL")]
    queue: String,
    /// The JetStream stream of the queue, as given to `parallax ingest --queue`.
    #[arg(long, value_name = "NAME", default_value = DEFAULT_STREAM)]
    stream: String,
    #[command(flatten)]
    data: DataDir,
    /// Seconds a worker may hold an item before the server gives it to another worker. Set by
    /// the first worker of a stream, which creates the shared consumer.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    ack_wait: u64,
    /// Stop after the queue has stayed empty this many seconds (default: run until SIGTERM or
    /// ctrl-c).
    #[arg(long, value_name = "SECONDS")]
    exit_when_idle: Option<u64>,
}

/// `parallax ingest --queue`: the read stage only, each document published as one item.
pub(crate) fn publish(args: &QueueArgs, inputs: &[Input], config: &Config) -> anyhow::Result<Exit> {
    let url = args.queue.as_deref().context("no --queue given")?;
    let queue = Queue::connect(&parallax_queue::Config::new(url, &args.stream))
        .context("opening the work queue")?;
    let (inputs, mut diagnostics) = parallax_engine::ingest::expand_folders(inputs);
    let (mut n_queued, mut n_duplicates) = (0, 0);
    for chunk in inputs.chunks(PUBLISH_CHUNK) {
        let (documents, read_diagnostics) = parallax_engine::ingest::read(chunk, &config.read);
        diagnostics.extend(read_diagnostics);
        for document in &documents {
            match queue.publish(document) {
                Ok(Published::Queued) => n_queued += 1,
                Ok(Published::Duplicate) => n_duplicates += 1,
                // Too large for one message: that document is skipped, the others go on.
                Err(error @ parallax_queue::Error::TooLarge { .. }) => diagnostics.push(
                    Diagnostic::new(Severity::Error, document.origin.label(), error.to_string()),
                ),
                Err(error) => return Err(error).context("publishing to the work queue"),
            }
        }
    }
    report_diagnostics(&diagnostics);
    report(&format!(
        "queued {n_queued} documents on stream {} ({n_duplicates} were queued before); {} wait for workers",
        args.stream,
        queue.n_waiting().context("counting the queue")?
    ));
    let n_skipped = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .count();
    Ok(if n_skipped > 0 {
        Exit::PartialSuccess
    } else {
        Exit::Success
    })
}

/// `parallax worker`: takes items until stopped, stores each, acknowledges it after the write.
pub(crate) fn work(args: &WorkerArgs) -> anyhow::Result<Exit> {
    let mut queue_config = parallax_queue::Config::new(&args.queue, &args.stream);
    queue_config.ack_wait = Duration::from_secs(args.ack_wait.max(1));
    let queue = Queue::connect(&queue_config).context("opening the work queue")?;
    let stop = queue.shutdown_signal();
    let mut store = args.data.open()?;
    let mut worker = queue.worker().context("joining the workers of the queue")?;
    let config = Config::new();
    let mut placer = Placer::new();
    let mut backoff = Backoff::new();
    let (mut n_items, mut n_added, mut n_since_placed) = (0_usize, 0_usize, 0_usize);
    let mut idle_since = Instant::now();
    while !stop.load(Ordering::SeqCst) {
        let item = match worker.next(POLL) {
            Ok(Some(item)) => item,
            Ok(None) => {
                if n_since_placed > 0 {
                    place(&mut store, &mut placer, &config);
                    n_since_placed = 0;
                }
                if args
                    .exit_when_idle
                    .is_some_and(|seconds| idle_since.elapsed() >= Duration::from_secs(seconds))
                {
                    break;
                }
                continue;
            }
            Err(error @ parallax_queue::Error::Message { .. }) => {
                report(&format!("worker: {error}"));
                continue;
            }
            Err(error) => {
                // NATS is away; the client reconnects by itself meanwhile.
                let delay = backoff.next_delay();
                report(&format!(
                    "worker: {error}; trying again in {}s",
                    delay.as_secs()
                ));
                sleep_unless_stopped(delay, &stop);
                continue;
            }
        };
        backoff.reset();
        idle_since = Instant::now();
        let Some(stored) = store_item(&mut store, &args.data, item, &config, &stop)? else {
            continue;
        };
        n_items += 1;
        n_added += stored;
        n_since_placed += 1;
        if n_since_placed >= PLACE_EVERY {
            place(&mut store, &mut placer, &config);
            n_since_placed = 0;
        }
        idle_since = Instant::now();
    }
    place(&mut store, &mut placer, &config);
    report(&format!(
        "worker: {n_items} items done, {n_added} new articles stored"
    ));
    Ok(Exit::Success)
}

/// Stores one item and acknowledges it; returns how many articles were new, or `None` when
/// the item was given back (the store failed, or the worker is stopping).
fn store_item(
    store: &mut Store,
    data: &DataDir,
    item: Item,
    config: &Config,
    stop: &AtomicBool,
) -> anyhow::Result<Option<usize>> {
    let origin = item.document.origin.label();
    match work::store_document(store, &item.document, config) {
        Ok(stored) => {
            report_diagnostics(&stored.diagnostics);
            // Only now is the item done: a worker killed before this line has its item
            // delivered again, and the write above makes the second delivery store nothing.
            if let Err(error) = item.ack() {
                report(&format!("worker: {origin}: {error}"));
            }
            Ok(Some(stored.n_articles_added))
        }
        Err(error) => {
            let unreachable = matches!(error, store::Error::Unreachable { .. });
            if item.is_last_delivery() && !unreachable {
                report(&format!(
                    "worker: dead letter: {origin} (message {}) failed on its last delivery and is dropped: {error}",
                    item.sequence
                ));
                let _ = item.terminate();
                return Ok(None);
            }
            report(&format!(
                "worker: {origin}: {error}; given back to the queue"
            ));
            let _ = item.nak(Duration::from_secs(1));
            if unreachable {
                *store = reopen(data, stop)?;
            }
            Ok(None)
        }
    }
}

/// Opens the store again after its server went away, waiting longer between tries, until it
/// answers or the worker is stopped.
fn reopen(data: &DataDir, stop: &AtomicBool) -> anyhow::Result<Store> {
    let mut backoff = Backoff::new();
    loop {
        match data.open() {
            Ok(store) => {
                report("worker: database reachable again; going on");
                return Ok(store);
            }
            Err(error) if !stop.load(Ordering::SeqCst) => {
                let delay = backoff.next_delay();
                report(&format!(
                    "worker: {error:#}; trying again in {}s",
                    delay.as_secs()
                ));
                sleep_unless_stopped(delay, stop);
            }
            Err(error) => return Err(error),
        }
    }
}

/// One story placement pass; a failure is reported and left to the next pass.
fn place(store: &mut Store, placer: &mut Placer, config: &Config) {
    match work::place_stored(store, placer, config) {
        Ok(Some(n_placed)) if n_placed > 0 => {
            report(&format!("worker: placed {n_placed} articles in stories"));
        }
        Ok(_) => {}
        Err(error) => report(&format!("worker: placing articles in stories: {error}")),
    }
}

fn sleep_unless_stopped(delay: Duration, stop: &AtomicBool) {
    let until = Instant::now() + delay;
    while Instant::now() < until && !stop.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits that double from one second up to [`MAX_BACKOFF`].
struct Backoff {
    next: Duration,
}

impl Backoff {
    fn new() -> Backoff {
        Backoff {
            next: Duration::from_secs(1),
        }
    }

    fn next_delay(&mut self) -> Duration {
        let delay = self.next;
        self.next = (self.next * 2).min(MAX_BACKOFF);
        delay
    }

    fn reset(&mut self) {
        self.next = Duration::from_secs(1);
    }
}
