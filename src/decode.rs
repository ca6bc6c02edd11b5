//! Bytes → text, the way a browser picks a page's encoding (simplified HTML
//! encoding sniffing): byte-order mark, then a `<meta charset>` /
//! `http-equiv=content-type` declaration in the first 1024 bytes (unless the bytes
//! are valid non-ASCII UTF-8: a saved copy re-encoded with its old declaration),
//! then UTF-8 if the bytes are valid UTF-8, else windows-1252 (the web's legacy default).
//! Used by the CLI; the extension receives text from the browser already decoded.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes are searched for a charset declaration (HTML spec).
const SNIFF_BYTES: usize = 1024;

/// Decode a page's bytes to a string. Never fails: undecodable bytes become U+FFFD.
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    if let Some(enc) = sniff_meta_charset(&bytes[..bytes.len().min(SNIFF_BYTES)]) {
        // A page cannot declare UTF-16 in a meta tag it could not have been read with.
        // Nor can a page be in a legacy encoding when its bytes are valid UTF-8 with
        // non-ASCII text in them: saved copies are often re-encoded to UTF-8 with the
        // original declaration left in place, and legacy text (GB2312, Shift_JIS,
        // windows-1252 accents) is almost never valid UTF-8 by chance.
        let enc = if enc.name().starts_with("UTF-16")
            || (enc != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok())
        {
            UTF_8
        } else {
            enc
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Find `charset=NAME` inside a `<meta ...>` tag of the given prefix.
fn sniff_meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut i = 0;
    while let Some(off) = find(&lower[i..], b"<meta") {
        let start = i + off;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| start + p);
        let tag = &lower[start..end];
        if let Some(p) = find(tag, b"charset") {
            let mut j = p + "charset".len();
            while j < tag.len() && matches!(tag[j], b' ' | b'\t' | b'\n' | b'\r') {
                j += 1;
            }
            if j < tag.len() && tag[j] == b'=' {
                j += 1;
                while j < tag.len() && matches!(tag[j], b' ' | b'"' | b'\'' | b'\t') {
                    j += 1;
                }
                let k = tag[j..]
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b' ' | b';' | b'/' | b'>'))
                    .map_or(tag.len(), |p| j + p);
                if let Some(enc) = Encoding::for_label(&tag[j..k]) {
                    return Some(enc);
                }
            }
        }
        i = end.max(start + 1);
        if i >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], pat: &[u8]) -> Option<usize> {
    hay.windows(pat.len()).position(|w| w == pat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        assert_eq!(decode_html("héllo".as_bytes()), "héllo");
    }

    #[test]
    fn latin1_meta_charset() {
        let mut bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf".to_vec();
        bytes.push(0xe9);
        assert!(decode_html(&bytes).ends_with("café"));
    }

    #[test]
    fn http_equiv_charset() {
        let mut bytes =
            b"<meta http-equiv=Content-Type content='text/html; charset=windows-1251'>".to_vec();
        bytes.push(0xc4);
        assert!(decode_html(&bytes).ends_with('Д'));
    }

    #[test]
    fn valid_utf8_beats_a_legacy_declaration() {
        // A saved copy re-encoded to UTF-8 that kept its gb2312 declaration.
        let page =
            "<meta http-equiv=Content-Type content='text/html; charset=gb2312'><p>腾讯网 科技";
        assert!(decode_html(page.as_bytes()).ends_with("腾讯网 科技"));
        // Real GB2312 bytes (not valid UTF-8) still follow the declaration.
        let mut gb = b"<meta charset=gb2312><p>".to_vec();
        gb.extend_from_slice(&[0xcc, 0xda, 0xd1, 0xb6]); // 腾讯
        assert!(decode_html(&gb).ends_with("腾讯"));
        // ASCII-only text is the same in both: the declaration stands.
        assert!(decode_html(b"<meta charset=gb2312><p>plain").ends_with("plain"));
    }

    #[test]
    fn invalid_utf8_without_declaration_is_windows_1252() {
        assert_eq!(decode_html(&[b'a', 0x93, b'b', 0x94]), "a\u{201c}b\u{201d}");
    }

    #[test]
    fn bom_wins() {
        let bytes = [0xEF, 0xBB, 0xBF, b'o', b'k'];
        assert_eq!(decode_html(&bytes), "ok");
    }
}
