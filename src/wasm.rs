//! The wasm binding: the only file that names `wasm_bindgen`. It translates values
//! and errors between JavaScript and the public Rust API, nothing else: no
//! heuristics live here.
//!
//! JavaScript sees (with `wasm-bindgen --target web` or `--target no-modules`):
//! - `clean(html, url, options) -> Article`: the same snake_case object the CLI
//!   prints as JSON. `url` may be `""` (relative links stay relative); `options`
//!   may be `undefined`, `null` or a plain object with any subset of
//!   [`Options`]' fields. Throws an `Error` whose message is `"<code>: <message>"`,
//!   `<code>` being [`Error::code`] (`no_content`, `invalid_url`, …) or
//!   `bad_options`.
//! - `export_article(article_json, format, exported_date) -> string` (not
//!   `export`: a reserved word in JavaScript): the article (the
//!   JSON text of an object `clean` returned, e.g. `JSON.stringify(article)`)
//!   exported as `markdown`, `html-page` or `text-export`, dated
//!   `exported_date` (`YYYY-MM-DD`, from the caller's clock). The page's URL is
//!   read from the object's `source_url` field when present (the extension
//!   adds it), else the export names none. Throws `bad_article: …` or
//!   `bad_format: …`.
//! - `export_file_name(title, format) -> string`: a safe file name for it.
//! - `version() -> string`: the crate version.
//! - `new Sites(lists_json, public_suffix_list)`: known-site lists, parsed and
//!   indexed once. `lists_json` is the JSON text of an array of objects, each a
//!   [`ListInfo`] (`id`, `kind`, optional `name`, `format`, `licence`,
//!   `enabled`) plus `text`, the list itself; `public_suffix_list` is the text of
//!   `lists/public_suffix_list.dat` (kept out of the module). Methods:
//!   `lookup(url)` → `{list, kind, rule, line}` or `null` (allow hits included:
//!   `kind` is `"allow"`), `set_enabled(id, on)` → whether the list exists,
//!   `reports()` → the [`ParseReport`]s, `rule_count()`, `site_of(url)` → the
//!   site's registrable domain (or host) or `null`. Throws `bad_lists: …`.
//! - `check_list(info_json, text) -> {report, hosts}`: an import checked before
//!   it is saved: the [`ParseReport`] (rules, errors with line numbers) and the
//!   hosts its rules name (for host permissions). Throws `bad_lists: …`.
//!
//! The local-paper table (`data/local_news.tsv`, kept out of the module for
//! its size) is read from `globalThis.unmirror.localNews` (its text) by the
//! first `clean` of each instance that finds it there; without it, local
//! papers are unknown to attribution. Hosts set it before calling `clean`.
//!
//! A Rust panic aborts (wasm32 has no unwinding): the hook below logs the panic
//! message to the console, then asks wasm-bindgen's glue to build a fresh
//! instance on the next call, and the caller sees a `WebAssembly.RuntimeError`.
//! So one bad page costs one failed call, not the core for the rest of the session.

use crate::sites::{self, ListInfo, ParseReport, SiteLists, SuffixList};
use crate::{export, extract_with, file_name, Article, Error};
use crate::{ExportContext, ExportFormat, Options};
use serde::Deserialize;
use serde::Serialize;
use std::sync::Once;
use wasm_bindgen::prelude::*;

static HOOK: Once = Once::new();

/// Log panics to the console and schedule a fresh instance: after a trap the
/// old one's shadow stack and heap are in an unknown state.
fn install_panic_hook() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            // wasm-bindgen's reinit hook (doc-hidden in 0.2.130, hence the exact
            // version pin): the glue instantiates the module again on the next call.
            wasm_bindgen::handler::schedule_reinit();
        }));
    });
}

#[wasm_bindgen]
extern "C" {
    /// The glue's own `globalThis`: in a Firefox content script that is the
    /// script's sandbox, where `unmirror` lives (`js_sys::global()` prefers
    /// `window` there: the page's, without it).
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL_THIS: JsValue;
}

/// Installs the local-paper table from `globalThis.unmirror.localNews` when
/// this instance has none yet. Pulled rather than pushed: an instance built
/// again after a panic finds the text by itself.
fn ensure_local_news() {
    if crate::local_news_installed() {
        return;
    }
    let get = |obj: &JsValue, key: &str| js_sys::Reflect::get(obj, &JsValue::from_str(key)).ok();
    let text = GLOBAL_THIS
        .with(|g| get(g, "unmirror"))
        .filter(JsValue::is_object)
        .and_then(|ns| get(&ns, "localNews"))
        .and_then(|v| v.as_string());
    if let Some(text) = text {
        crate::install_local_news(text);
    }
}

/// Extract the article of `html` read at `url`. See the module docs.
#[wasm_bindgen]
pub fn clean(html: &str, url: &str, options: JsValue) -> Result<JsValue, JsError> {
    install_panic_hook();
    ensure_local_news();
    let opts: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("bad_options: {e}")))?
    };
    let url = Some(url).filter(|u| !u.is_empty());
    let article = extract_with(html, url, &opts).map_err(to_js_error)?;
    // json_compatible: maps become plain objects and u64 become numbers, so the
    // result is exactly what `JSON.parse` of the CLI's output would give.
    article
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("internal: {e}")))
}

/// Export an article `clean` returned. See the module docs.
#[wasm_bindgen]
pub fn export_article(
    article_json: &str,
    format: &str,
    exported_date: &str,
) -> Result<String, JsError> {
    install_panic_hook();
    let format = parse_format(format)?;
    let value: serde_json::Value = serde_json::from_str(article_json)
        .map_err(|e| JsError::new(&format!("bad_article: {e}")))?;
    let source_url = value
        .get("source_url")
        .and_then(serde_json::Value::as_str)
        .filter(|u| !u.is_empty())
        .map(str::to_string);
    let article: Article =
        serde_json::from_value(value).map_err(|e| JsError::new(&format!("bad_article: {e}")))?;
    let ctx = ExportContext {
        source_url,
        exported: exported_date.to_string(),
    };
    Ok(export(&article, format, &ctx))
}

/// A file name for exporting an article titled `title` as `format`.
#[wasm_bindgen]
pub fn export_file_name(title: &str, format: &str) -> Result<String, JsError> {
    Ok(file_name(title, parse_format(format)?))
}

fn parse_format(format: &str) -> Result<ExportFormat, JsError> {
    ExportFormat::parse(format).ok_or_else(|| JsError::new(&format!("bad_format: {format:?}")))
}

/// One list as the extension passes it: its settings and its text.
#[derive(Deserialize)]
struct ListInput {
    #[serde(flatten)]
    info: ListInfo,
    #[serde(default)]
    text: String,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("internal: {e}")))
}

/// Known-site lists for URL lookups. See the module docs.
#[wasm_bindgen]
pub struct Sites {
    inner: SiteLists,
}

#[wasm_bindgen]
impl Sites {
    /// Parses and indexes the lists. See the module docs.
    #[wasm_bindgen(constructor)]
    pub fn new(lists_json: &str, public_suffix_list: &str) -> Result<Sites, JsError> {
        install_panic_hook();
        let lists: Vec<ListInput> = serde_json::from_str(lists_json)
            .map_err(|e| JsError::new(&format!("bad_lists: {e}")))?;
        let inner = SiteLists::with_suffixes(
            lists.into_iter().map(|l| (l.info, l.text)),
            SuffixList::parse(public_suffix_list),
        );
        Ok(Sites { inner })
    }

    /// The winning rule for `url`, with its line, or `null`.
    pub fn lookup(&self, url: &str) -> Result<JsValue, JsError> {
        match self.inner.explain(url) {
            Some(m) => to_js(&m),
            None => Ok(JsValue::NULL),
        }
    }

    /// Switches a list on or off; false when there is no such list.
    pub fn set_enabled(&mut self, id: &str, enabled: bool) -> bool {
        self.inner.set_enabled(id, enabled)
    }

    /// The parse reports, in list order.
    pub fn reports(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.reports())
    }

    /// Rules across all lists.
    pub fn rule_count(&self) -> usize {
        self.inner.rule_count()
    }

    /// The site (registrable domain, or host) of `url`, or `undefined`.
    pub fn site_of(&self, url: &str) -> Option<String> {
        self.inner.site_of(url)
    }
}

/// What `check_list` returns.
#[derive(Serialize)]
struct Checked {
    report: ParseReport,
    hosts: Vec<String>,
}

/// Checks an import before it is saved. See the module docs.
#[wasm_bindgen]
pub fn check_list(info_json: &str, text: &str) -> Result<JsValue, JsError> {
    install_panic_hook();
    let info: ListInfo =
        serde_json::from_str(info_json).map_err(|e| JsError::new(&format!("bad_lists: {e}")))?;
    to_js(&Checked {
        report: sites::check_list(&info, text),
        hosts: sites::list_hosts(&info, text),
    })
}

/// The crate version, e.g. `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn to_js_error(e: Error) -> JsError {
    JsError::new(&format!("{}: {}", e.code(), e))
}
