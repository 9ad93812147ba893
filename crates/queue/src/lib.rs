//! Queue: hands [`Document`]s to workers on many machines through a NATS JetStream work-queue
//! stream. `parallax ingest --queue` publishes what it reads; `parallax worker --queue` takes one
//! item at a time, and acknowledges it only once what it made of the item is stored.
//!
//! # Overview
//!
//! - [`Queue::connect`] connects to a NATS server and creates the stream when it is missing
//!   ([`Config`] names it and sets the redelivery rules).
//! - [`Queue::publish`] sends one document; the message id is a hash of its bytes, so
//!   publishing the same document again within [`Config::duplicate_window`] adds nothing.
//! - [`Queue::worker`] joins the workers' shared durable consumer; [`Worker::next`] takes the
//!   next [`Item`], which the caller [`Item::ack`]s after its write commits, or
//!   [`Item::nak`]s to have it delivered again.
//!
//! ```no_run
//! use parallax_model::{Document, DocumentFormat, Origin};
//! use parallax_queue::{Config, Queue};
//! use std::time::Duration;
//!
//! let queue = Queue::connect(&Config::new("nats://127.0.0.1:4222", "parallax"))?;
//! queue.publish(&Document {
//!     origin: Origin::Stdin,
//!     format: DocumentFormat::Text,
//!     bytes: b"Troops left the valley on Monday.".to_vec(),
//! })?;
//! let mut worker = queue.worker()?;
//! if let Some(item) = worker.next(Duration::from_secs(1))? {
//!     // ... extract, annotate, store ...
//!     item.ack()?;
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Delivery
//!
//! Delivery is at least once: an item whose worker dies, or does not acknowledge it within
//! [`Config::ack_wait`], is delivered again, up to [`Config::max_deliver`] times; after that it
//! stays in the stream unacknowledged (a dead letter) for an operator to look at. Workers make
//! redelivery harmless by writing idempotently. A document larger than the server's maximum
//! message size is refused ([`Error::TooLarge`]), not split: news articles are far below the
//! 1 MiB default.
//!
//! # What it does not do
//!
//! It runs no analysis and stores nothing; it never prints. The API is blocking (a small tokio
//! runtime inside), like the store's, so that the command line stays synchronous.
#![deny(missing_docs)]

mod error;
mod message;

pub use error::Error;

use async_nats::jetstream::{self, AckKind, consumer::PullConsumer};
use futures_util::StreamExt;
use parallax_model::Document;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::runtime::Runtime;

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// The durable consumer every worker pulls from: one consumer shared by all workers is what
/// makes the stream a work queue rather than a broadcast.
const CONSUMER: &str = "workers";

/// Which stream to use and how items are redelivered, built by the caller.
#[derive(Debug, Clone)]
pub struct Config {
    /// The NATS server, `nats://host:port`.
    pub url: String,
    /// The stream's name (letters, digits, `-` and `_`); its subject is `<stream>.documents`.
    pub stream: String,
    /// How long a worker may hold an item before the server delivers it to another worker.
    pub ack_wait: Duration,
    /// How many times an item is delivered before it is left as a dead letter.
    pub max_deliver: i64,
    /// How long the server remembers message ids to drop a document published twice.
    pub duplicate_window: Duration,
    /// How long to wait for the server to answer a request.
    pub timeout: Duration,
}

impl Config {
    /// The settings `parallax ingest --queue` and `parallax worker` use.
    pub fn new(url: &str, stream: &str) -> Config {
        Config {
            url: url.to_string(),
            stream: stream.to_string(),
            // Extracting and annotating one article takes milliseconds; the largest (1 MiB)
            // a few seconds. A minute leaves room for a slow database commit, and is how long a
            // killed worker's item waits before another worker gets it.
            ack_wait: Duration::from_secs(60),
            max_deliver: 5,
            // Long enough to cover re-running an ingest of a large folder.
            duplicate_window: Duration::from_secs(24 * 60 * 60),
            timeout: Duration::from_secs(10),
        }
    }

    fn subject(&self) -> String {
        format!("{}.documents", self.stream)
    }
}

/// What publishing a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// The document is queued.
    Queued,
    /// The same bytes were published within the duplicate window; nothing was added.
    Duplicate,
}

/// A connection to the queue's stream.
pub struct Queue {
    runtime: Arc<Runtime>,
    client: async_nats::Client,
    jetstream: jetstream::Context,
    stream: jetstream::stream::Stream,
    config: Config,
}

impl std::fmt::Debug for Queue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Queue")
            .field("url", &self.config.url)
            .field("stream", &self.config.stream)
            .finish_non_exhaustive()
    }
}

impl Queue {
    /// Connects to the server and opens the stream, creating it when it is missing.
    ///
    /// # Errors
    ///
    /// [`Error::StreamName`] for a name NATS does not accept, [`Error::Unreachable`] when no
    /// server answers, [`Error::Stream`] when the stream cannot be created (JetStream off?).
    pub fn connect(config: &Config) -> Result<Queue> {
        let valid_name = !config.stream.is_empty()
            && config
                .stream
                .chars()
                .all(|character| character.is_ascii_alphanumeric() || "-_".contains(character));
        if !valid_name {
            return Err(Error::StreamName {
                stream: config.stream.clone(),
            });
        }
        // One worker thread drives the connection (pings, reconnects, acks) while the caller's
        // thread does the work between calls.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|error| Error::Runtime {
                reason: error.to_string(),
            })?;
        let (client, jetstream, stream) = runtime.block_on(async {
            let client = async_nats::ConnectOptions::new()
                .connection_timeout(config.timeout)
                .connect(config.url.as_str())
                .await
                .map_err(|error| Error::Unreachable {
                    url: config.url.clone(),
                    reason: error.to_string(),
                })?;
            let mut jetstream = jetstream::new(client.clone());
            jetstream.set_timeout(config.timeout);
            let stream = jetstream
                .get_or_create_stream(jetstream::stream::Config {
                    name: config.stream.clone(),
                    subjects: vec![config.subject()],
                    // Work-queue retention deletes an item once a worker acknowledges it.
                    retention: jetstream::stream::RetentionPolicy::WorkQueue,
                    storage: jetstream::stream::StorageType::File,
                    duplicate_window: config.duplicate_window,
                    ..Default::default()
                })
                .await
                .map_err(|error| Error::Stream {
                    stream: config.stream.clone(),
                    reason: error.to_string(),
                })?;
            Ok::<_, Error>((client, jetstream, stream))
        })?;
        Ok(Queue {
            runtime: Arc::new(runtime),
            client,
            jetstream,
            stream,
            config: config.clone(),
        })
    }

    /// Publishes one document and waits for the server to store it.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] when the document does not fit in one message, [`Error::Publish`]
    /// when the server does not confirm it.
    pub fn publish(&self, document: &Document) -> Result<Published> {
        let payload = message::encode(document);
        let max_payload = self.client.server_info().max_payload;
        if payload.len() > max_payload {
            return Err(Error::TooLarge {
                origin: document.origin.label(),
                size: payload.len(),
                max: max_payload,
            });
        }
        let publish_error = |reason: String| Error::Publish {
            origin: document.origin.label(),
            reason,
        };
        let ack = self.runtime.block_on(async {
            let confirmation = self
                .jetstream
                .send_publish(
                    self.config.subject(),
                    jetstream::message::PublishMessage::build()
                        .payload(payload.into())
                        .message_id(message::id(&document.bytes)),
                )
                .await
                .map_err(|error| publish_error(error.to_string()))?;
            confirmation
                .await
                .map_err(|error| publish_error(error.to_string()))
        })?;
        Ok(if ack.duplicate {
            Published::Duplicate
        } else {
            Published::Queued
        })
    }

    /// How many items wait in the stream (delivered but unacknowledged ones included).
    ///
    /// # Errors
    ///
    /// [`Error::Stream`] when the server does not answer.
    pub fn n_waiting(&self) -> Result<u64> {
        let mut stream = self.stream.clone();
        self.runtime.block_on(async {
            stream
                .info()
                .await
                .map(|info| info.state.messages)
                .map_err(|error| Error::Stream {
                    stream: self.config.stream.clone(),
                    reason: error.to_string(),
                })
        })
    }

    /// Joins the workers' shared consumer, creating it when it is missing.
    ///
    /// # Errors
    ///
    /// [`Error::Stream`] when the consumer cannot be created or read.
    pub fn worker(&self) -> Result<Worker<'_>> {
        let consumer: PullConsumer = self
            .runtime
            .block_on(self.stream.get_or_create_consumer(
                CONSUMER,
                jetstream::consumer::pull::Config {
                    durable_name: Some(CONSUMER.to_string()),
                    ack_policy: jetstream::consumer::AckPolicy::Explicit,
                    ack_wait: self.config.ack_wait,
                    max_deliver: self.config.max_deliver,
                    ..Default::default()
                },
            ))
            .map_err(|error| Error::Stream {
                stream: self.config.stream.clone(),
                reason: error.to_string(),
            })?;
        Ok(Worker {
            queue: self,
            consumer,
        })
    }

    /// A flag that turns true on SIGTERM or ctrl-c, so that a worker finishes (or gives back)
    /// its item before it exits rather than being killed mid-item.
    pub fn shutdown_signal(&self) -> Arc<AtomicBool> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        self.runtime.spawn(async move {
            wait_for_signal().await;
            flag.store(true, Ordering::SeqCst);
        });
        stop
    }
}

#[cfg(unix)]
async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut terminate) => {
            tokio::select! {
                _ = terminate.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        }
        // Without a SIGTERM handler, ctrl-c still stops the worker cleanly.
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(not(unix))]
async fn wait_for_signal() {
    let _ = tokio::signal::ctrl_c().await;
}

/// One worker's place in the shared consumer.
pub struct Worker<'queue> {
    queue: &'queue Queue,
    consumer: PullConsumer,
}

impl std::fmt::Debug for Worker<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker")
            .field("queue", self.queue)
            .finish_non_exhaustive()
    }
}

impl Worker<'_> {
    /// The next item, or `None` when none arrives within `wait`. One item at a time, so that
    /// items a worker has not started on stay available to the others.
    ///
    /// # Errors
    ///
    /// [`Error::Fetch`] when the server cannot be asked (it is away: try again later),
    /// [`Error::Message`] for a message this build cannot read (it is terminated, so that it
    /// is not delivered again).
    pub fn next(&mut self, wait: Duration) -> Result<Option<Item>> {
        let queue = self.queue;
        let fetch_error = |reason: String| Error::Fetch {
            stream: queue.config.stream.clone(),
            reason,
        };
        let message = queue.runtime.block_on(async {
            let mut batch = self
                .consumer
                .batch()
                .max_messages(1)
                .expires(wait)
                .messages()
                .await
                .map_err(|error| fetch_error(error.to_string()))?;
            match batch.next().await {
                Some(Ok(message)) => Ok(Some(message)),
                Some(Err(error)) => Err(fetch_error(error.to_string())),
                None => Ok(None),
            }
        })?;
        let Some(message) = message else {
            return Ok(None);
        };
        let (sequence, delivered) = message
            .info()
            .map(|info| (info.stream_sequence, info.delivered))
            .unwrap_or((0, 1));
        match message::decode(&message.payload) {
            Ok(document) => Ok(Some(Item {
                runtime: Arc::clone(&queue.runtime),
                message,
                document,
                sequence,
                delivered,
                max_deliver: queue.config.max_deliver,
                stream: queue.config.stream.clone(),
            })),
            Err(reason) => {
                // Redelivering a message no worker can read would only repeat the failure.
                let _ = queue.runtime.block_on(message.ack_with(AckKind::Term));
                Err(Error::Message {
                    stream: queue.config.stream.clone(),
                    sequence,
                    reason,
                })
            }
        }
    }
}

/// One document taken from the queue. Dropping it without [`Item::ack`] or [`Item::nak`]
/// leaves it to be delivered again after [`Config::ack_wait`].
pub struct Item {
    runtime: Arc<Runtime>,
    message: jetstream::Message,
    /// The document.
    pub document: Document,
    /// Its sequence number in the stream, for messages.
    pub sequence: u64,
    /// How many times it has been delivered, this time included.
    pub delivered: i64,
    max_deliver: i64,
    stream: String,
}

impl std::fmt::Debug for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Item")
            .field("origin", &self.document.origin)
            .field("sequence", &self.sequence)
            .field("delivered", &self.delivered)
            .finish_non_exhaustive()
    }
}

impl Item {
    /// Whether this is the last delivery: if it is not acknowledged now, it stays in the
    /// stream as a dead letter.
    pub fn is_last_delivery(&self) -> bool {
        self.delivered >= self.max_deliver
    }

    /// Acknowledges the item, and waits for the server to confirm, so that it is never
    /// delivered again. Call only once what was made of it is stored.
    ///
    /// # Errors
    ///
    /// [`Error::Ack`] when the server did not confirm; the item may then be delivered again,
    /// which idempotent writes make harmless.
    pub fn ack(self) -> Result<()> {
        self.reply(AckKind::Ack)
    }

    /// Gives the item back, to be delivered again after `delay`.
    ///
    /// # Errors
    ///
    /// [`Error::Ack`] when the server did not hear it; the item then comes back after
    /// [`Config::ack_wait`] instead.
    pub fn nak(self, delay: Duration) -> Result<()> {
        self.reply(AckKind::Nak(Some(delay)))
    }

    /// Stops delivering the item: it cannot be processed, and retrying would not help.
    ///
    /// # Errors
    ///
    /// [`Error::Ack`] when the server did not hear it.
    pub fn terminate(self) -> Result<()> {
        self.reply(AckKind::Term)
    }

    fn reply(self, kind: AckKind) -> Result<()> {
        self.runtime
            .block_on(self.message.double_ack_with(kind))
            .map_err(|error| Error::Ack {
                stream: self.stream.clone(),
                sequence: self.sequence,
                reason: error.to_string(),
            })
    }
}

#[cfg(test)]
mod tests;
