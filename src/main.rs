//! `unmirror`: the command-line front of the library, for batch work, tests and
//! benchmarks.
//!
//! ```text
//! unmirror clean [--url URL] [--format json|text|html|markdown|html-page|text-export]
//!                [--date YYYY-MM-DD] [--out-dir DIR] FILE...|-
//! ```
//! `markdown`, `html-page` and `text-export` are the exports (front matter or
//! attribution included); `--date` is their export date (default: today, UTC).
//! Exit status: 0 all pages cleaned; 3 some page had no article or exceeded a
//! limit (one-line message on stderr, the rest of the batch still runs); 2 bad
//! usage or an unreadable file; 4 internal error (a panic: a bug, reported as
//! `internal error: panicked` on stderr).

use serde::Serialize;
use std::io::{self, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};
use unmirror::{decode_html, export, extract_with, Article, ExportContext, ExportFormat, Options};

const USAGE: &str = "usage: unmirror clean [--url URL] \
[--format json|text|html|markdown|html-page|text-export] [--date YYYY-MM-DD] [--out-dir DIR] FILE...|-
       unmirror --version";

const EXIT_USAGE: u8 = 2;
const EXIT_NO_ARTICLE: u8 = 3;
const EXIT_INTERNAL: u8 = 4;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Json,
    Text,
    Html,
    Export(ExportFormat),
}

impl Format {
    fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "json" => Format::Json,
            "text" => Format::Text,
            "html" => Format::Html,
            other => Format::Export(ExportFormat::parse(other)?),
        })
    }
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Export(f) => f.extension(),
        }
    }
}

struct Args {
    url: Option<String>,
    format: Format,
    out_dir: Option<PathBuf>,
    /// The export date, `YYYY-MM-DD`.
    date: Option<String>,
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
        date: None,
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
            "--date" => {
                let v = value("--date")?;
                if !is_iso_date(&v) {
                    return Err(format!("--date wants YYYY-MM-DD, got {v:?}"));
                }
                args.date = Some(v);
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
    /// [`Article::markdown`]: the JSON carries every rendering.
    content_markdown: String,
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

/// `YYYY-MM-DD` with a plausible month and day.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) {
        return false;
    }
    if !digits(8..10) {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
fn today_utc() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn render(article: &Article, format: Format, path: &str, ctx: &ExportContext) -> String {
    match format {
        Format::Json => {
            let line = JsonLine {
                path,
                article,
                content_markdown: article.markdown(),
                error: None,
            };
            serde_json::to_string(&line).unwrap_or_default()
        }
        Format::Text => article.text.clone(),
        Format::Html => article.content_html.clone(),
        Format::Export(f) => {
            let mut s = export(article, f, ctx);
            // The writers below add the final newline.
            if s.ends_with('\n') {
                s.pop();
            }
            s
        }
    }
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
    let ctx = ExportContext {
        source_url: args.url.clone(),
        exported: args.date.clone().unwrap_or_else(today_utc),
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
                        content_markdown: String::new(),
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
            Ok(article) => render(article, args.format, path, &ctx),
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
                    content_markdown: String::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert!(is_iso_date("2026-01-01"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("2026-1-01"));
        assert!(!is_iso_date("２０２６-01-01"));
        assert!(is_iso_date(&today_utc()));
    }

    #[test]
    fn export_formats_parse() {
        assert_eq!(
            Format::parse("html-page"),
            Some(Format::Export(ExportFormat::HtmlPage))
        );
        assert_eq!(
            Format::parse("md"),
            Some(Format::Export(ExportFormat::Markdown))
        );
        assert_eq!(Format::parse("html"), Some(Format::Html));
        assert_eq!(Format::parse("pdf"), None);
    }
}
