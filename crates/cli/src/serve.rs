//! `parallax serve`: flags of the web app and glue to `parallax_server`.

use crate::exit::Exit;
use crate::store::DataDir;
use parallax_server::{Library, Memory, Stored, StoryRecord};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// Serve the stories these articles tell, briefed in memory at start, instead of the store.
    inputs: Vec<PathBuf>,
    /// Address and port to listen on (port 0: any free port). Any address but loopback needs
    /// --token.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    address: SocketAddr,
    /// Access token every request must carry (default: the PARALLAX_TOKEN environment
    /// variable). Open http://ADDR/?token=TOKEN once in a browser, or send the header
    /// `Authorization: Bearer TOKEN`.
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Allow ad hoc briefs to fetch URLs from private, loopback and link-local addresses.
    #[arg(long)]
    allow_private_urls: bool,
    #[command(flatten)]
    sides: crate::SidesArgs,
    #[command(flatten)]
    sentence_model: crate::sentence_model::SentenceModelArgs,
    #[command(flatten)]
    data: DataDir,
}

pub(crate) fn serve(args: &ServeArgs) -> anyhow::Result<Exit> {
    let mut config = crate::config(args.allow_private_urls);
    args.sides.apply(&mut config.brief)?;
    config.brief.similarity = args.sentence_model.load()?;
    let brief_config = config.brief.clone();
    let library: Arc<dyn Library> = if args.inputs.is_empty() {
        Arc::new(Stored::new(args.data.open()?, config))
    } else {
        let split = crate::split_stories(&crate::inputs(&args.inputs), &config)?;
        crate::report_diagnostics(&split.diagnostics);
        let records = parallax_engine::brief_stories(split, &config)
            .into_iter()
            .map(|outcome| StoryRecord {
                brief: outcome.brief,
                story: outcome.story,
            })
            .collect();
        Arc::new(Memory::new(records, &brief_config))
    };
    let mut config = parallax_server::Config::loopback(0);
    config.brief = brief_config;
    config.address = args.address;
    config.token = args
        .token
        .clone()
        .or_else(|| std::env::var("PARALLAX_TOKEN").ok())
        .filter(|token| !token.is_empty());
    config.allow_private_urls = args.allow_private_urls;
    let needs_login = config.token.is_some();
    parallax_server::serve(library, config, |address| {
        crate::report(&format!("serving on http://{address}/ (Ctrl-C stops)"));
        if needs_login {
            crate::report(&format!(
                "a browser logs in once with http://{address}/?token=TOKEN"
            ));
        }
    })?;
    Ok(Exit::Success)
}
