# Sourced by the BASIL bench scripts: checks the data set is there (exiting with a note when it
# is not), builds Parallax unless SKIP_BUILD is set, and writes the 100 events as story folders
# (bench/basil_stories.py) into a temporary folder, `$stories`, removed on exit.
# Expects `$root` (the repository) and `$data` (the BASIL folder) to be set.

if [[ ! -d "$data/articles" ]]; then
    echo "no BASIL articles under $data: skipped" >&2
    exit 0
fi
[[ -n "${SKIP_BUILD:-}" ]] || cargo build --release --quiet --manifest-path "$root/Cargo.toml"

stories="$(mktemp -d)"
trap 'rm -rf "$stories"' EXIT
python3 "$root/bench/basil_stories.py" "$data/articles" "$stories"
