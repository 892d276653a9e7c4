//! The `whosaid` command-line entry point; all logic lives in the library's `cli` module.

fn main() {
    std::process::exit(whosaid::cli::main());
}
