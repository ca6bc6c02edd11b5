//! Hostile inputs through the CLI binary: each must end within the hang guard
//! with exit status 0 (article) or 3 (no article / over a limit), and never
//! panic. Inputs are generated here (nothing big is committed).
//!
//! Run in release mode: `cargo test --release --test hostile -- --nocapture`
//! (a debug build runs every case at 1/100 size)
//! prints the time of each case. `HOSTILE_SCALE=0.5` halves every size (compare
//! two runs to see that the work is linear); `HOSTILE_ONLY=name` runs one case;
//! `HOSTILE_KEEP=1` keeps the generated inputs in `target/tmp/hostile/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Hang guard: a case still running after this is killed and fails.
const GUARD: Duration = Duration::from_secs(30);

struct Case {
    name: &'static str,
    make: fn(f64) -> Vec<u8>,
    /// For cases whose answer is known: the text the output must contain.
    expect_text: Option<&'static str>,
}

fn n(base: usize, scale: f64) -> usize {
    ((base as f64) * scale).max(1.0) as usize
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        out.extend_from_slice(&x.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

const PARA: &str = "The committee heard evidence from residents, engineers and the \
    regional transport authority before voting to approve the plan, which will widen the \
    bridge, add a protected cycle lane and replace the signals at both ends by next spring. ";

fn article(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>t</title></head><body><article>\
         <p>{PARA}{PARA}</p>{body}<p>{PARA}{PARA}</p></article></body></html>"
    )
}

fn nest(open: &str, close: &str, depth: usize, inner: &str) -> String {
    let mut s = String::with_capacity((open.len() + close.len()) * depth + inner.len());
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..depth {
        s.push_str(close);
    }
    s
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "deep-div-100k",
            make: |s| article(&nest("<div>", "</div>", n(100_000, s), PARA)).into_bytes(),
            expect_text: Some("committee"),
        },
        Case {
            name: "deep-div-unclosed-100k",
            make: |s| article(&"<div>".repeat(n(100_000, s))).into_bytes(),
            expect_text: None,
        },
        Case {
            name: "page-50mb",
            make: |s| {
                let target = n(50 * 1024 * 1024, s);
                let block = format!(
                    "<div class=\"story\"><h2>Section</h2><p>{PARA}{PARA}{PARA}{PARA}</p>\
                     <p>{PARA}{PARA}<a href=\"/more\">more</a> {PARA}</p></div>\n"
                );
                let mut body = String::with_capacity(target + block.len());
                while body.len() < target {
                    body.push_str(&block);
                }
                article(&body).into_bytes()
            },
            expect_text: Some("committee"),
        },
        Case {
            name: "million-elements",
            make: |s| article(&"<p>x</p>".repeat(n(1_000_000, s))).into_bytes(),
            expect_text: None,
        },
        Case {
            name: "elements-590k",
            make: |s| article(&"<span>word</span> ".repeat(n(590_000, s))).into_bytes(),
            expect_text: None,
        },
        Case {
            name: "text-node-10mb",
            make: |s| {
                let words = "lorem ipsum dolor sit amet ".repeat(n(10 * 1024 * 1024, s) / 27);
                article(&format!("<p>{words}</p>")).into_bytes()
            },
            expect_text: Some("lorem ipsum"),
        },
        Case {
            name: "text-node-10mb-one-word",
            make: |s| {
                article(&format!("<p>{}</p>", "x".repeat(n(10 * 1024 * 1024, s)))).into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "garbage-random-10mb",
            make: |s| random_bytes(n(10 * 1024 * 1024, s), 0x9E37_79B9_7F4A_7C15),
            expect_text: None,
        },
        Case {
            name: "garbage-random-ascii-tags",
            make: |s| {
                // Random bytes biased towards markup characters.
                let alphabet = b"<>/=\"' abcdiv!-pa\n&#;";
                random_bytes(n(10 * 1024 * 1024, s), 7)
                    .into_iter()
                    .map(|b| alphabet[usize::from(b) % alphabet.len()])
                    .collect()
            },
            expect_text: None,
        },
        Case {
            name: "nul-filled-10mb",
            make: |s| vec![0u8; n(10 * 1024 * 1024, s)],
            expect_text: None,
        },
        Case {
            name: "nul-in-markup",
            make: |s| {
                article(&format!(
                    "<p>a\0b</p><di\0v on\0click=x>{}</div>",
                    "\0".repeat(n(1_000_000, s))
                ))
                .into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "frameset",
            make: |_| {
                b"<html><head><title>f</title></head><frameset cols=\"50%,50%\">\
                  <frame src=\"a.html\"><frame src=\"b.html\"><noframes><p>No frames.</p></noframes>\
                  </frameset></html>"
                    .to_vec()
            },
            expect_text: None,
        },
        Case {
            name: "no-body",
            make: |_| b"<html><head><title>only a head</title></head></html>".to_vec(),
            expect_text: None,
        },
        Case {
            name: "bare-text",
            make: |_| format!("{PARA}{PARA}").into_bytes(),
            expect_text: None,
        },
        Case {
            name: "empty",
            make: |_| Vec::new(),
            expect_text: None,
        },
        Case {
            name: "latin1-meta-charset",
            make: |_| {
                let mut b = b"<html><head><meta charset=\"iso-8859-1\"><title>caf\xe9</title></head><body><article><p>".to_vec();
                for _ in 0..6 {
                    b.extend_from_slice(PARA.as_bytes());
                    b.extend_from_slice(b"Le caf\xe9 na\xefve co\xfbte cher. ");
                }
                b.extend_from_slice(b"</p></article></body></html>");
                b
            },
            expect_text: Some("Le café naïve coûte cher."),
        },
        Case {
            name: "b-unclosed-60k",
            make: |s| article(&format!("{}{PARA}", "<b>".repeat(n(60_000, s)))).into_bytes(),
            expect_text: Some("committee"),
        },
        Case {
            name: "a-unclosed-60k",
            make: |s| article(&format!("{}{PARA}", "<a href=x>".repeat(n(60_000, s)))).into_bytes(),
            expect_text: Some("committee"),
        },
        Case {
            name: "formatting-reconstruction",
            // Distinct attributes defeat the parser's "Noah's Ark" limit: every
            // paragraph re-opens every unclosed formatting element.
            make: |s| {
                let mut b = String::from("<p>");
                for k in 0..n(2_000, s) {
                    let _ = write!(b, "<b class=c{k}>");
                }
                b.push_str("</p>");
                b.push_str(&format!("<p>{PARA}</p>").repeat(n(50_000, s)));
                article(&b).into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "formatting-stale-distinct-20k",
            // Each `<b>` is closed implicitly by its `</div>` but stays "active":
            // the parser would re-create all 20,000 of them, nested, for each
            // following paragraph.
            make: |s| {
                let mut b = String::new();
                for k in 0..n(20_000, s) {
                    let _ = write!(b, "<div><b class=c{k}></div>");
                }
                b.push_str(&format!("<p>{PARA}</p>").repeat(n(1_000, s)));
                article(&b).into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "formatting-amplification-500k",
            make: |s| {
                let mut b = String::from("<div>");
                for k in 0..31 {
                    let _ = write!(b, "<b class=c{k}>");
                }
                b.push_str("</div>");
                b.push_str(&"<p>x</p>".repeat(n(500_000, s)));
                article(&b).into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "formatting-noahs-ark-500k",
            make: |s| {
                let mut b = String::from("<div>");
                for t in [
                    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                    "strong", "tt", "u",
                ] {
                    b.push_str(&format!("<{t}>").repeat(3));
                }
                b.push_str("</div>");
                b.push_str(&"<p>x</p>".repeat(n(500_000, s)));
                article(&b).into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "formatting-noahs-ark-30k",
            // Just under the element budget: ~1.2 million elements built.
            make: |s| {
                let mut b = String::from("<div>");
                for t in [
                    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                    "strong", "tt", "u",
                ] {
                    b.push_str(&format!("<{t}>").repeat(3));
                }
                b.push_str("</div>");
                b.push_str(&"<p>x</p>".repeat(n(30_000, s)));
                article(&b).into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "self-closing-divs-100k",
            make: |s| article(&format!("{}{PARA}", "<div/>".repeat(n(100_000, s)))).into_bytes(),
            expect_text: Some("committee"),
        },
        Case {
            name: "svg-style-nesting-100k",
            make: |s| {
                article(&format!(
                    "<svg><style>{}</style></svg>",
                    "<g>".repeat(n(100_000, s))
                ))
                .into_bytes()
            },
            expect_text: Some("committee"),
        },
        Case {
            name: "svg-style-elements-1m",
            make: |s| {
                article(&format!(
                    "<svg><style>{}</style></svg>",
                    "<g></g>".repeat(n(1_000_000, s))
                ))
                .into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "attributes-100k",
            make: |s| {
                let mut t = String::from("<p ");
                for k in 0..n(100_000, s) {
                    let _ = write!(t, "data-a{k}=\"v{k}\" ");
                }
                t.push('>');
                t.push_str(PARA);
                t.push_str("</p>");
                article(&t).into_bytes()
            },
            expect_text: Some("committee"),
        },
        Case {
            name: "duplicate-attributes-100k",
            make: |s| {
                article(&format!("<p {}>{PARA}</p>", "a=1 ".repeat(n(100_000, s)))).into_bytes()
            },
            expect_text: Some("committee"),
        },
        Case {
            name: "nested-tables-20k",
            make: |s| {
                article(&nest(
                    "<table><tr><td>",
                    "</td></tr></table>",
                    n(20_000, s),
                    PARA,
                ))
                .into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "nested-tables-unclosed-50k",
            make: |s| article(&"<table><tr><td>x".repeat(n(50_000, s))).into_bytes(),
            expect_text: None,
        },
        Case {
            name: "nested-lists-50k",
            make: |s| article(&nest("<ul><li>", "</li></ul>", n(50_000, s), PARA)).into_bytes(),
            expect_text: None,
        },
        Case {
            name: "nested-inline-100k",
            make: |s| {
                article(&nest(
                    "<i><em><span><font>",
                    "</font></span></em></i>",
                    n(25_000, s),
                    PARA,
                ))
                .into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "table-foster-parenting",
            make: |s| {
                article(&format!(
                    "<table>{}</table>",
                    "x<div>y</div>".repeat(n(100_000, s))
                ))
                .into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "stray-end-tags",
            make: |s| article(&"</p></div></b></table>".repeat(n(200_000, s))).into_bytes(),
            expect_text: None,
        },
        Case {
            name: "options-unclosed",
            make: |s| {
                article(&format!(
                    "<select>{}</select>",
                    "<option>o".repeat(n(100_000, s))
                ))
                .into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "huge-comment-20mb",
            make: |s| {
                article(&format!(
                    "<!--{}-->",
                    "-- <p>x</p> ".repeat(n(20 * 1024 * 1024, s) / 12)
                ))
                .into_bytes()
            },
            expect_text: Some("committee"),
        },
        Case {
            name: "unterminated-comment",
            make: |s| {
                format!("<p>{PARA}</p><!--{}", "<p>x</p>".repeat(n(1_000_000, s))).into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "unterminated-script",
            make: |s| {
                format!("<p>{PARA}</p><script>{}", "<div>".repeat(n(1_000_000, s))).into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "unterminated-attribute-quote",
            make: |s| {
                format!(
                    "<p>{PARA}</p><div title=\"{}",
                    "<p>x</p>".repeat(n(1_000_000, s))
                )
                .into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "unterminated-tags",
            make: |s| article(&"<div <p <span ".repeat(n(500_000, s))).into_bytes(),
            expect_text: None,
        },
        Case {
            name: "many-noscript-images",
            make: |s| {
                article(
                    &"<img class=lazy><noscript><img src=a.jpg></noscript>".repeat(n(100_000, s)),
                )
                .into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "many-links-and-srcsets",
            make: |s| {
                article(
                    &"<a href=\"../a b?c#d\">l</a><img srcset=\"a.jpg 1x, b.jpg 2x, c.jpg 3x\" data-src=\"x.jpg\"> "
                        .repeat(n(100_000, s)),
                )
                .into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "long-srcset",
            make: |s| {
                article(&format!(
                    "<img srcset=\"{}\">",
                    "a.jpg 1x,".repeat(n(1_000_000, s))
                ))
                .into_bytes()
            },
            expect_text: None,
        },
        Case {
            name: "svg-math-nesting",
            make: |s| {
                article(&nest(
                    "<svg><foreignObject><math><mtext>",
                    "</mtext></math></foreignObject></svg>",
                    n(20_000, s),
                    PARA,
                ))
                .into_bytes()
            },
            expect_text: None,
        },
    ]
}

struct Outcome {
    ms: u128,
    status: Option<i32>,
    stderr: String,
    stdout: String,
}

fn run_cli(input: &Path, out_dir: &Path, name: &str) -> Outcome {
    let stdout_path = out_dir.join(format!("{name}.out"));
    let stderr_path = out_dir.join(format!("{name}.err"));
    let stdout = std::fs::File::create(&stdout_path).unwrap();
    let stderr = std::fs::File::create(&stderr_path).unwrap();
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_unmirror"))
        .args([
            "clean",
            "--format",
            "text",
            "--url",
            "https://news.example/a/b.html",
        ])
        .arg(input)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("spawn unmirror");
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break Some(st);
        }
        if start.elapsed() > GUARD {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let ms = start.elapsed().as_millis();
    let read = |p: &PathBuf| {
        let b = std::fs::read(p).unwrap_or_default();
        String::from_utf8_lossy(&b).into_owned()
    };
    Outcome {
        ms,
        // None: killed by the guard, or ended by a signal (e.g. stack overflow).
        status: status.and_then(|s| s.code()),
        stderr: read(&stderr_path),
        stdout: read(&stdout_path),
    }
}

#[test]
fn hostile_inputs_end_cleanly() {
    let scale: f64 = std::env::var("HOSTILE_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        // Debug builds are ~20x slower: they run the same cases at 1/100 size
        // (the full sizes are for `--release`, as CI runs them).
        .unwrap_or(if cfg!(debug_assertions) { 0.01 } else { 1.0 });
    let only = std::env::var("HOSTILE_ONLY").ok();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    let mut table = String::new();
    let mut ran = 0;
    for case in cases() {
        if only.as_deref().is_some_and(|o| o != case.name) {
            continue;
        }
        let bytes = (case.make)(scale);
        let input = dir.join(format!("{}.html", case.name));
        std::fs::write(&input, &bytes).unwrap();
        let out = run_cli(&input, &dir, case.name);
        if std::env::var_os("HOSTILE_KEEP").is_none() {
            let _ = std::fs::remove_file(&input);
        }
        ran += 1;
        let _ = writeln!(
            table,
            "{:<30} {:>9} bytes {:>7} ms  exit {:?}",
            case.name,
            bytes.len(),
            out.ms,
            out.status
        );
        match out.status {
            Some(0 | 3) => {}
            None if out.ms as u128 >= GUARD.as_millis() => failures.push(format!(
                "{}: still running after {GUARD:?} (killed)",
                case.name
            )),
            other => failures.push(format!(
                "{}: exit {other:?}, stderr: {}",
                case.name,
                out.stderr.trim()
            )),
        }
        if out.stderr.contains("panicked") || out.stderr.contains("overflow") {
            failures.push(format!("{}: {}", case.name, out.stderr.trim()));
        }
        if let Some(want) = case.expect_text {
            if out.status != Some(0) || !out.stdout.contains(want) {
                failures.push(format!(
                    "{}: expected an article containing {want:?} (exit {:?}, stderr {})",
                    case.name,
                    out.status,
                    out.stderr.trim()
                ));
            }
        }
    }
    eprintln!("hostile inputs (scale {scale}):\n{table}");
    assert!(ran > 0, "no case matched HOSTILE_ONLY");
    assert!(failures.is_empty(), "{}\n{table}", failures.join("\n"));
}
