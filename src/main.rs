//! `unmirror`: the command-line front of the library, for batch work, tests and
//! benchmarks.
//!
//! ```text
//! unmirror clean [--url URL] [--format json|text|html|markdown] [--out-dir DIR] FILE...|-
//! ```
//! Exit status: 0 all pages cleaned; 3 some page had no article or exceeded a
//! limit (one-line message on stderr, the rest of the batch still runs); 2 bad
//! usage or an unreadable file; 4 internal error (a panic: a bug, reported as
//! `internal error: panicked` on stderr).

use serde::Serialize;
use std::io::{self, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use unmirror::{decode_html, extract_with, Article, Options};

const USAGE: &str =
    "usage: unmirror clean [--url URL] [--format json|text|html|markdown] [--out-dir DIR] FILE...|-
       unmirror --version";

const EXIT_USAGE: u8 = 2;
const EXIT_NO_ARTICLE: u8 = 3;
const EXIT_INTERNAL: u8 = 4;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Json,
    Text,
    Html,
    Markdown,
}

impl Format {
    fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "json" => Format::Json,
            "text" => Format::Text,
            "html" => Format::Html,
            "markdown" | "md" => Format::Markdown,
            _ => return None,
        })
    }
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }
}

struct Args {
    url: Option<String>,
    format: Format,
    out_dir: Option<PathBuf>,
    files: Vec<String>,
}

fn parse_args(argv: &[String]) -> Result<Args, String> {
    let mut it = argv.iter();
    match it.next().map(String::as_str) {
        Some("clean") => {}
        Some(other) => return Err(format!("unknown command {other:?}")),
        None => return Err("missing command".into()),
    }
    let mut args = Args {
        url: None,
        format: Format::Json,
        out_dir: None,
        files: Vec::new(),
    };
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--url" => args.url = Some(value("--url")?),
            "--format" => {
                let v = value("--format")?;
                args.format = Format::parse(&v).ok_or_else(|| format!("unknown format {v:?}"))?;
            }
            "--out-dir" => args.out_dir = Some(PathBuf::from(value("--out-dir")?)),
            "-" => args.files.push("-".into()),
            f if f.starts_with('-') => return Err(format!("unknown option {f:?}")),
            f => args.files.push(f.to_string()),
        }
    }
    if args.files.is_empty() {
        return Err("no input files".into());
    }
    Ok(args)
}

/// One JSON line: the article's fields plus where it came from and what went wrong.
#[derive(Serialize)]
struct JsonLine<'a> {
    path: &'a str,
    #[serde(flatten)]
    article: &'a Article,
    error: Option<String>,
}

fn read_input(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

/// Output file name for `path`: the file stem, or the folder's name for
/// `source.html`/`index.html` (the corpus layout).
fn output_name(path: &str) -> String {
    let p = Path::new(path);
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("stdin");
    if matches!(stem, "source" | "index") {
        if let Some(dir) = p
            .parent()
            .and_then(|d| d.file_name())
            .and_then(|s| s.to_str())
        {
            return dir.to_string();
        }
    }
    stem.to_string()
}

fn render(article: &Article, format: Format, path: &str) -> String {
    match format {
        Format::Json => {
            let line = JsonLine {
                path,
                article,
                error: None,
            };
            serde_json::to_string(&line).unwrap_or_default()
        }
        Format::Text => article.text.clone(),
        Format::Html => article.content_html.clone(),
        Format::Markdown => unmirror_markdown(article),
    }
}

/// Markdown output until the export stage lands: title and paragraphs.
fn unmirror_markdown(article: &Article) -> String {
    format!("# {}\n\n{}", article.title, article.text)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.iter().any(|a| a == "--version" || a == "-V") {
        println!("unmirror {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    if argv.is_empty() || argv.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return if argv.is_empty() {
            ExitCode::from(EXIT_USAGE)
        } else {
            ExitCode::SUCCESS
        };
    }
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("unmirror: {e}\n{USAGE}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if let Some(dir) = &args.out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("unmirror: cannot create {}: {e}", dir.display());
            return ExitCode::from(EXIT_USAGE);
        }
    }
    // Keep the default panic message off stderr: a panic is reported as one line.
    panic::set_hook(Box::new(|_| {}));

    // The built-in mirror/clone lists: a listed site is mirror evidence for the core.
    let sites = unmirror::sites::SiteLists::builtin();
    let opts = Options {
        listed: args.url.as_deref().and_then(|u| sites.listed(u)),
        ..Options::default()
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut status = 0u8;
    let multi = args.files.len() > 1 && args.out_dir.is_none() && args.format != Format::Json;

    for path in &args.files {
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("unmirror: {path}: cannot read: {e}");
                if args.format == Format::Json {
                    let line = JsonLine {
                        path,
                        article: &Article::default(),
                        error: Some(format!("cannot read: {e}")),
                    };
                    let _ = writeln!(out, "{}", serde_json::to_string(&line).unwrap_or_default());
                }
                status = EXIT_USAGE;
                continue;
            }
        };
        let html = decode_html(&bytes);
        let result = match panic::catch_unwind(AssertUnwindSafe(|| {
            extract_with(&html, args.url.as_deref(), &opts)
        })) {
            Ok(r) => r,
            Err(payload) => {
                // A bug, never an input's fault: say so, and go on with the batch.
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                eprintln!("unmirror: {path}: internal error: panicked: {msg}");
                status = EXIT_INTERNAL;
                continue;
            }
        };
        let rendered = match &result {
            Ok(article) => render(article, args.format, path),
            Err(e) => {
                eprintln!("unmirror: {path}: {e}");
                if status == 0 {
                    status = EXIT_NO_ARTICLE;
                }
                if args.format != Format::Json {
                    continue;
                }
                let line = JsonLine {
                    path,
                    article: &Article::default(),
                    error: Some(e.to_string()),
                };
                serde_json::to_string(&line).unwrap_or_default()
            }
        };
        match &args.out_dir {
            Some(dir) => {
                let file = dir.join(format!("{}.{}", output_name(path), args.format.extension()));
                if let Err(e) = std::fs::write(&file, rendered + "\n") {
                    eprintln!("unmirror: cannot write {}: {e}", file.display());
                    status = EXIT_USAGE;
                }
            }
            None => {
                if multi {
                    let _ = writeln!(out, "==> {path} <==");
                }
                let _ = writeln!(out, "{rendered}");
            }
        }
    }
    let _ = out.flush();
    ExitCode::from(status)
}
