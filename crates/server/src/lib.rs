//! Server: the web app behind `parallax serve`, stories and their briefs in a browser and as a
//! JSON API.
//!
//! It sits after the engine: it reads stories, briefs and articles from a [`Library`] (the
//! store, or stories briefed at start-up), and turns pasted or uploaded articles and URLs into a
//! brief without keeping them (the ad hoc page), through [`parallax_engine`]. It holds no
//! analysis code of its own.
//!
//! # Overview
//!
//! - [`router`]: every page and API route, with the security layers, as one axum [`Router`];
//!   tests drive it without a socket.
//! - [`serve`]: binds [`Config::address`] and serves the router until Ctrl-C.
//! - [`Library`]: what the server shows: [`Stored`] reads the store (briefs made on first
//!   view and kept), [`Memory`] keeps stories briefed at start-up.
//! - [`openapi`]: the OpenAPI document of `/api/v1/`, served at `/api/openapi.json`.
//!
//! ```
//! use parallax_server::{Config, Memory, router};
//! use std::sync::Arc;
//!
//! let config = Config::loopback(0);
//! let app = router(Arc::new(Memory::new(Vec::new(), &config.brief)), config);
//! # drop(app);
//! ```
//!
//! # What it does not do
//!
//! It serves no file from disk: templates and the style sheet are compiled in, so no path
//! can reach outside them. Pages run no JavaScript; the Content-Security-Policy forbids it.
//! It binds only loopback addresses unless [`Config::token`] is set, and then every request
//! must carry the token. Ad hoc briefs are never stored; their URLs are fetched by ingest, which
//! refuses private, loopback and link-local addresses.
#![deny(missing_docs)]

mod adhoc;
mod api;
mod error;
mod library;
mod pages;
mod security;
mod stored;
mod view;

pub use api::openapi;
pub use error::{Error, Result};
pub use library::{
    ArticleRecord, Coverage, Library, Memory, SearchHit, SideCount, StoryRecord, StorySummary,
};
pub use stored::Stored;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

/// Settings of the server, built by the caller (the CLI turns flags into it).
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen.
    pub address: SocketAddr,
    /// The access token every request must carry (header `Authorization: Bearer …` or the
    /// cookie the login link sets). Required for any address other than loopback.
    pub token: Option<String>,
    /// Largest request body accepted, in bytes: pasted text, uploads and JSON together.
    pub max_body_bytes: usize,
    /// Most articles (texts, files and URLs together) in one ad hoc brief.
    pub max_adhoc_inputs: usize,
    /// Whether ad hoc URLs may point at private, loopback and link-local addresses.
    pub allow_private_urls: bool,
    /// How ad hoc briefs are made: summary length, and the outlet metadata that groups sources
    /// into sides. Give the [`Library`] the same, so stored and ad hoc briefs agree.
    pub brief: parallax_engine::brief_stage::Config,
}

impl Config {
    /// Loopback on `port` (0: any free port), no token, bodies up to 16 MiB, 50 articles per ad
    /// hoc brief, no private URLs, briefs as `parallax brief` makes them.
    pub fn loopback(port: u16) -> Config {
        Config {
            address: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port),
            token: None,
            max_body_bytes: 16 * 1024 * 1024,
            max_adhoc_inputs: 50,
            allow_private_urls: false,
            brief: parallax_engine::brief_stage::Config::new(),
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
struct AppState {
    library: Arc<dyn Library>,
    config: Arc<Config>,
    templates: Arc<minijinja::Environment<'static>>,
}

/// Every route of the app: pages, `/static/`, `/api/v1/`, `/api/openapi.json`, with security
/// headers, the token check (when [`Config::token`] is set) and the body size limit.
pub fn router(library: Arc<dyn Library>, config: Config) -> Router {
    let max_body_bytes = config.max_body_bytes;
    let state = AppState {
        library,
        config: Arc::new(config),
        templates: Arc::new(pages::templates()),
    };
    pages::routes()
        .merge(api::routes())
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::guard,
        ))
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(state)
}

/// Binds [`Config::address`] and serves the app until Ctrl-C, on a runtime of its own.
///
/// # Errors
///
/// [`Error::TokenRequired`] for a non-loopback address without a token, [`Error::Bind`] when
/// the address cannot be bound, [`Error::Serve`] when serving fails.
pub fn serve(
    library: Arc<dyn Library>,
    config: Config,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<()> {
    let address = config.address;
    if !address.ip().is_loopback() && config.token.as_deref().is_none_or(str::is_empty) {
        return Err(Error::TokenRequired { address });
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Error::Runtime)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|source| Error::Bind { address, source })?;
        let bound = listener
            .local_addr()
            .map_err(|source| Error::Bind { address, source })?;
        on_ready(bound);
        axum::serve(listener, router(library, config))
            .with_graceful_shutdown(async {
                // An error here means no signal handler could be installed; the server then
                // runs until it is killed, which is what it would do anyway.
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|source| Error::Serve {
                address: bound,
                source,
            })
    })
}
