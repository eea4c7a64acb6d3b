//! Compiles `content/` against its schema (`src/catalogue/schema.rs`), so
//! that no TOML parser is needed at run time and a content mistake stops
//! the build, not a reader:
//! - the entry facts, the interface words and the typed texts (one field per
//!   text, one function per template) become Rust (`catalogue.rs`);
//! - each language's entry and RFC 3463 texts become one book
//!   (`content-<lang>.txt`), read by `src/catalogue/book.rs`: the CLI embeds
//!   them, the widget loads only the language it shows.

#[path = "../src/catalogue/schema.rs"]
#[allow(dead_code)]
mod schema;

mod content;
mod facts;
mod french;
mod generate;
mod problem;
mod texts;

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/catalogue/schema.rs");
    println!("cargo:rerun-if-changed=src/catalogue/schema_ui.rs");
    println!("cargo:rerun-if-changed=src/catalogue/schema_cli.rs");
    let content = match content::read(Path::new("content")) {
        Ok(content) => content,
        Err(problems) => {
            eprintln!("content/ does not match its schema (src/catalogue/schema.rs); fix these and build again:");
            for problem in &problems {
                eprintln!("  {problem}");
            }
            std::process::exit(1);
        }
    };
    let sources: Vec<String> = [
        "src/catalogue/schema.rs",
        "src/catalogue/schema_ui.rs",
        "src/catalogue/schema_cli.rs",
    ]
    .iter()
    .map(|p| fs::read_to_string(p).unwrap_or_default())
    .collect();
    let hash = generate::hash(&sources.iter().map(String::as_str).collect::<Vec<_>>());
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    fs::write(out.join("catalogue.rs"), generate::rust(&content, &hash))
        .expect("OUT_DIR is writable");
    for (index, lang) in content::LANGS.iter().enumerate() {
        let book = generate::book(&content, index, &hash);
        fs::write(out.join(format!("content-{lang}.txt")), book).expect("OUT_DIR is writable");
    }
}
