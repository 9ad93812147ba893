//! Tests of the queue: the message format offline, and publishing and taking items against the
//! local NATS server (`PARALLAX_TEST_NATS`, default 127.0.0.1:4222), skipped when none answers.

use super::*;
use parallax_model::{DocumentFormat, Origin};

fn document(origin: Origin, text: &str) -> Document {
    Document {
        origin,
        format: DocumentFormat::Text,
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn messages_round_trip() {
    let original = document(
        Origin::FeedItem {
            feed: "feeds/line\nbreak.xml".to_string(),
            item: 3,
        },
        "First line.\nSecond line.",
    );
    let decoded = message::decode(&message::encode(&original)).expect("decode");
    assert_eq!(decoded, original);
    assert!(message::decode(b"no header").is_err());
    assert_eq!(message::id(b"a"), message::id(b"a"));
    assert_ne!(message::id(b"a"), message::id(b"b"));
}

/// A queue on a stream of its own, deleted when the test ends.
struct Scratch {
    queue: Queue,
}

impl Scratch {
    fn new(test: &str) -> Option<Scratch> {
        let url = std::env::var("PARALLAX_TEST_NATS")
            .unwrap_or_else(|_| "nats://127.0.0.1:4222".to_string());
        let stream = format!("parallax-test-{test}-{}", std::process::id());
        let mut config = Config::new(&url, &stream);
        config.ack_wait = Duration::from_secs(1);
        config.max_deliver = 2;
        match Queue::connect(&config) {
            Ok(queue) => Some(Scratch { queue }),
            Err(error) => {
                #[expect(clippy::print_stderr, reason = "a skipped test says why")]
                {
                    eprintln!("skipped: {error}");
                }
                None
            }
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = self.queue.runtime.block_on(
            self.queue
                .jetstream
                .delete_stream(self.queue.config.stream.as_str()),
        );
    }
}

#[test]
fn published_twice_is_queued_once_and_acked_items_leave() {
    let Some(scratch) = Scratch::new("once") else {
        return;
    };
    let queue = &scratch.queue;
    let first = document(
        Origin::File("a.txt".to_string()),
        "Dock workers walked out.",
    );
    assert_eq!(queue.publish(&first).expect("publish"), Published::Queued);
    assert_eq!(
        queue.publish(&first).expect("publish again"),
        Published::Duplicate
    );
    let second = document(
        Origin::File("b.txt".to_string()),
        "The dam spillway opened.",
    );
    assert_eq!(queue.publish(&second).expect("publish"), Published::Queued);
    assert_eq!(queue.n_waiting().expect("count"), 2);

    let mut worker = queue.worker().expect("worker");
    let mut origins = Vec::new();
    while let Some(item) = worker.next(Duration::from_millis(500)).expect("next") {
        origins.push(item.document.origin.label());
        item.ack().expect("ack");
    }
    assert_eq!(origins, ["a.txt", "b.txt"]);
    assert_eq!(queue.n_waiting().expect("count"), 0);
}

#[test]
fn an_unacknowledged_item_comes_back_until_max_deliver() {
    let Some(scratch) = Scratch::new("redeliver") else {
        return;
    };
    let queue = &scratch.queue;
    let text = document(Origin::Stdin, "Engineers opened the spillway.");
    queue.publish(&text).expect("publish");
    let mut worker = queue.worker().expect("worker");
    let first = worker
        .next(Duration::from_secs(1))
        .expect("next")
        .expect("an item");
    assert!(!first.is_last_delivery());
    // Dropped without an answer, as by a killed worker: back after ack_wait (1 s here).
    drop(first);
    let again = worker
        .next(Duration::from_secs(3))
        .expect("next")
        .expect("the item again");
    assert_eq!((again.delivered, again.is_last_delivery()), (2, true));
    drop(again);
    // max_deliver reached: a dead letter, still in the stream, no longer delivered.
    assert!(worker.next(Duration::from_secs(2)).expect("next").is_none());
    assert_eq!(queue.n_waiting().expect("count"), 1);
}

#[test]
fn a_bad_stream_name_is_refused() {
    let error =
        Queue::connect(&Config::new("nats://127.0.0.1:4222", "no.dots")).expect_err("refused");
    assert!(matches!(error, Error::StreamName { .. }), "{error}");
}

#[test]
fn an_absent_server_is_unreachable() {
    let mut config = Config::new("nats://127.0.0.1:1", "parallax");
    config.timeout = Duration::from_secs(2);
    let error = Queue::connect(&config).expect_err("nothing listens on port 1");
    assert!(matches!(error, Error::Unreachable { .. }), "{error}");
}
