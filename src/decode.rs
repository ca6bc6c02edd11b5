//! Bytes → text, the way a browser picks a page's encoding (simplified HTML
//! encoding sniffing): byte-order mark, then a `<meta charset>` /
//! `http-equiv=content-type` declaration in the first 1024 bytes, then UTF-8 if
//! the bytes are valid UTF-8, else windows-1252 (the web's legacy default).
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
        let enc = if enc.name().starts_with("UTF-16") {
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
    fn invalid_utf8_without_declaration_is_windows_1252() {
        assert_eq!(decode_html(&[b'a', 0x93, b'b', 0x94]), "a\u{201c}b\u{201d}");
    }

    #[test]
    fn bom_wins() {
        let bytes = [0xEF, 0xBB, 0xBF, b'o', b'k'];
        assert_eq!(decode_html(&bytes), "ok");
    }
}
