//! `ndr-explain`: the bounce diagnosis on the command line, for help-desk
//! automation and for testing.
//!
//! ```text
//! ndr-explain [--lang en|fr] [--json] [FILE|-]
//! ndr-explain scan [--json | --jsonl | --csv] [--lang en|fr] PATH...
//! ```
//! Exit status: 0 a bounce was found, 1 none was, 2 usage or read error.
//! `scan` (see `scan.rs`) reads folders and mailboxes and sums their bounces
//! up; a file named `scan` is read as `./scan`.

// The analysis allocates many small strings; over a folder of bounces on
// every core, mimalloc takes about a sixth off the time glibc's malloc takes.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod progress;
#[cfg(not(target_arch = "wasm32"))]
mod scan;
#[cfg(not(target_arch = "wasm32"))]
mod sink;
#[cfg(not(target_arch = "wasm32"))]
mod text;
#[cfg(not(target_arch = "wasm32"))]
mod walk;
use ndr_explainer::{analyse, report, Lang};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: ndr-explain [--lang en|fr] [--json] [FILE|-]
Reads a bounce (an .eml file, copied text, HTML or one SMTP reply line) from FILE,
or from standard input when FILE is - or absent, and explains it.
  --lang en|fr  language of the explanation (default: en)
  --json        print one JSON object instead of text
Exit status: 0 a bounce was found, 1 none was, 2 usage or read error.
To sum up every bounce of folders and mailboxes: ndr-explain scan --help";

struct Options {
    lang: Lang,
    json: bool,
    path: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        lang: Lang::En,
        json: false,
        path: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => options.json = true,
            "--lang" => {
                let value = args.next().ok_or("--lang needs a value: en or fr")?;
                options.lang = parse_lang(&value)?;
            }
            "-h" | "--help" => return Err(String::new()),
            _ if arg.starts_with("--lang=") => {
                options.lang = parse_lang(&arg["--lang=".len()..])?;
            }
            _ if arg.starts_with('-') && arg != "-" => return Err(format!("unknown option {arg}")),
            _ if options.path.is_some() => return Err("give at most one FILE".into()),
            _ => options.path = Some(arg),
        }
    }
    Ok(options)
}

/// The language a `--lang` value names, for `ndr-explain` and `ndr-explain scan`.
fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::from_tag(value).ok_or(format!("unknown language {value:?}: use en or fr"))
}

fn read_input(path: Option<&str>) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match path {
        None | Some("-") => std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?,
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            0
        }
    };
    Ok(bytes)
}

/// The options parsed, or the exit status once the usage is printed: asked
/// for (an empty message, status 0) or after a usage error (status 2).
fn or_usage<T>(parsed: Result<T, String>, command: &str, usage: &str) -> Result<T, ExitCode> {
    parsed.map_err(|message| {
        if message.is_empty() {
            println!("{usage}");
            ExitCode::SUCCESS
        } else {
            eprintln!("{command}: {message}\n{usage}");
            ExitCode::from(2)
        }
    })
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().is_some_and(|a| a == "scan") {
        args.next();
        #[cfg(not(target_arch = "wasm32"))]
        return scan::main(args);
        #[cfg(target_arch = "wasm32")]
        {
            eprintln!("ndr-explain: scan needs a file system and threads");
            return ExitCode::from(2);
        }
    }
    let options = match or_usage(parse_args(args), "ndr-explain", USAGE) {
        Ok(options) => options,
        Err(status) => return status,
    };
    let bytes = match read_input(options.path.as_deref()) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("ndr-explain: {message}");
            return ExitCode::from(2);
        }
    };
    let bounce = analyse(&bytes);
    if options.json {
        println!("{}", report::to_json(&bounce, options.lang));
    } else {
        print!("{}", report::to_text(&bounce, options.lang));
    }
    if bounce.is_ndr() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
